namespace Remiss.Domain.Remisser;

using global::Remiss.Domain.Common;

/// <summary>Svar: the yttrande's answer to one question, in the shape the question's type asks for.</summary>
public sealed class Answer : TenantEntity
{
    private List<string> _choices = [];
    private List<TrafficLightRating> _ratings = [];

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

    public Position? Position { get; private set; }

    public IReadOnlyList<string> Choices => _choices;

    public IReadOnlyList<TrafficLightRating> Ratings => _ratings;

    /// <summary>"Inga synpunkter": allowed on any question, required ones too.</summary>
    public bool NoComments { get; private set; }

    /// <summary>Whether this answer answers the question (for required questions).</summary>
    public bool Counts(Question question) =>
        NoComments || question.Type switch
        {
            QuestionType.FreeText => !Response.IsBlankHtml(Text),
            QuestionType.Position => Position is not null,
            QuestionType.Choice => _choices.Count > 0,
            QuestionType.TrafficLight => question.Items.All(item => _ratings.Any(r => r.Item == item && r.Colour is not null)),
            _ => false,
        };

    /// <summary>Checks an answer against its question without changing anything; <see cref="Apply"/> then stores it.</summary>
    internal static ValidAnswer Validate(Question question, AnswerContent content, IReadOnlyList<string> organisationNames)
    {
        var text = Common.Text.Optional(content.Text, new Subject(Field.Answer, question.Number), Response.RichTextMaxLength);
        if (content.Position is not null && question.Type != QuestionType.Position)
        {
            throw new DomainException(new Subject(Field.Answer, question.Number), RefusalKey.NotAPositionQuestion);
        }

        if (content.Position is { } p && !Enum.IsDefined(p))
        {
            throw new DomainException(new Subject(Field.Answer, question.Number), RefusalKey.InvalidPosition);
        }

        return new ValidAnswer(
            question,
            text,
            content.Position,
            ValidChoices(question, content.Choices ?? [], organisationNames),
            ValidRatings(question, content.Ratings ?? []),
            content.NoComments);
    }

    internal void Apply(ValidAnswer answer)
    {
        Text = answer.Text;
        Position = answer.Position;
        _choices = answer.Choices;
        _ratings = answer.Ratings;
        NoComments = answer.NoComments;
    }

    private static List<string> ValidChoices(Question question, IReadOnlyList<string> choices, IReadOnlyList<string> organisationNames)
    {
        if (choices.Count == 0)
        {
            return [];
        }

        if (question.Type != QuestionType.Choice)
        {
            throw new DomainException(new Subject(Field.Answer, question.Number), RefusalKey.NotAChoiceQuestion);
        }

        var allowed = question.ChoosableOptions(organisationNames);
        var distinct = choices.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Any(c => !allowed.Contains(c, StringComparer.Ordinal)))
        {
            throw new DomainException(new Subject(Field.Answer, question.Number), RefusalKey.ChoiceNotAnOption);
        }

        return !question.AllowsSeveralChoices && distinct.Count > 1
            ? throw new DomainException(new Subject(Field.Answer, question.Number), RefusalKey.SeveralChoices)
            : distinct;
    }

    private static List<TrafficLightRating> ValidRatings(Question question, IReadOnlyList<RatingContent> ratings)
    {
        if (ratings.Count == 0)
        {
            return [];
        }

        if (question.Type != QuestionType.TrafficLight)
        {
            throw new DomainException(new Subject(Field.Answer, question.Number), RefusalKey.NotATrafficLightQuestion);
        }

        if (ratings.Any(r => !question.Items.Contains(r.Item, StringComparer.Ordinal)))
        {
            throw new DomainException(new Subject(Field.Answer, question.Number), RefusalKey.RatingNotAnItem);
        }

        if (ratings.Any(r => r.Colour is { } c && !Enum.IsDefined(c)))
        {
            throw new DomainException(new Subject(Field.Answer, question.Number), RefusalKey.InvalidColour);
        }

        return ratings.DistinctBy(r => r.Item).Count() != ratings.Count
            ? throw new DomainException(new Subject(Field.Answer, question.Number), RefusalKey.ItemRatedTwice)
            : [.. ratings.Select(r => new TrafficLightRating(r.Item, r.Colour, Common.Text.Optional(r.Comment, new Subject(Field.AnswerComment, question.Number), 10_000)))];
    }
}

internal sealed record ValidAnswer(Question Question, string? Text, Position? Position, List<string> Choices, List<TrafficLightRating> Ratings, bool NoComments);

/// <summary>One item of a Trafikljus question, rated Grönt / Gult / Rött with a comment.</summary>
public sealed record TrafficLightRating(string Item, TrafficLightColour? Colour, string? Comment);
