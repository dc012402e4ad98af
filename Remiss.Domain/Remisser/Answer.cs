namespace Remiss.Domain.Remisser;

using global::Remiss.Domain.Common;

/// <summary>Svar: the yttrande's answer to one question, in the shape the question's type asks for.</summary>
public sealed class Answer : TenantEntity
{
    private Answer()
    {
    }

    internal Answer(Guid tenantId, Guid responseId, Guid questionId)
        : base(tenantId)
    {
        ResponseId = responseId;
        QuestionId = questionId;
    }

    public Guid ResponseId { get; private set; }

    public Guid QuestionId { get; private set; }

    /// <summary>The answer in sanitised HTML: the whole answer (Fritext), the motivation (Ställningstagande) or the comment (Val, Trafikljus).</summary>
    public string? Text { get; private set; }

    /// <summary>What the question's type stores besides the text (a position, choices, ratings); null when nothing is given.</summary>
    public AnswerValue? Value { get; private set; }

    /// <summary>"Inga synpunkter": allowed on any question, required ones too.</summary>
    public bool NoComments { get; private set; }

    /// <summary>Whether this answer answers the question (for required questions).</summary>
    public bool Counts(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return NoComments || question.Kind.IsAnswered(question, this);
    }

    /// <summary>Checks an answer against its question without changing anything; <see cref="Apply"/> then stores it.</summary>
    internal static ValidAnswer Validate(Question question, AnswerContent content, IReadOnlyList<string> organisationNames)
    {
        var text = Common.Text.Optional(content.Text, new Subject(Field.Answer, question.Number), Response.RichTextMaxLength);
        var value = content.Value is { IsEmpty: false } given ? question.Kind.ValidValue(question, given, organisationNames) : null;
        var noComments = content.NoComments;
        if (noComments && question.Kind.NoCommentsValue is { } own)
        {
            // One way to say it: where the type has "Inga synpunkter" among its own answers, the mark is that answer,
            // and it cannot say "Inga synpunkter" beside another position.
            if (value is not null && value != own)
            {
                throw new DomainException(new Subject(Field.Answer, question.Number), RefusalKey.NoCommentsWithOtherAnswer);
            }

            value = own;
            noComments = false;
        }

        // "Inga synpunkter" beside a written answer says two things at once; the reader would not know which holds.
        if (noComments && !Response.IsBlankHtml(text))
        {
            throw new DomainException(new Subject(Field.Answer, question.Number), RefusalKey.NoCommentsWithText);
        }

        return new ValidAnswer(question, text, value, noComments);
    }

    internal void Apply(ValidAnswer answer)
    {
        Text = answer.Text;
        Value = answer.Value;
        NoComments = answer.NoComments;
    }
}

internal sealed record ValidAnswer(Question Question, string? Text, AnswerValue? Value, bool NoComments);
