namespace Remiss.Web.Forms;

using Remiss.Domain.Remisser;
using Remiss.Infrastructure.RichText;

/// <summary>The yttrande form as posted. Nothing is required to save a draft; the domain checks what submission needs.</summary>
public sealed class ResponseForm
{
    public string? Summary { get; set; }

    public string? GeneralViews { get; set; }

    public List<AnswerForm> Answers { get; set; } = [];

    public List<SectionForm> Sections { get; set; } = [];

    public DecisionKind? DecisionKind { get; set; }

    public string? DecidedBy { get; set; }

    public DateOnly? DecisionDate { get; set; }

    public string? DecisionParagraph { get; set; }

    public List<SignatoryForm> Signatories { get; set; } = [];

    /// <summary>The version of the yttrande this form was loaded from; a save based on an older one is not written over a newer one.</summary>
    public int Version { get; set; }

    public static ResponseForm From(Remiss remiss, Response? response, IReadOnlyList<string> standardSections, string recipientName)
    {
        var form = new ResponseForm
        {
            Summary = RichTextSanitizer.ToEditableText(response?.Summary),
            GeneralViews = RichTextSanitizer.ToEditableText(response?.GeneralViews),
            Answers = [.. remiss.Questions.Select(q => AnswerForm.From(q, response?.AnswerTo(q)))],
            Sections = [.. standardSections.Select(name => new SectionForm
            {
                Name = name,
                Text = RichTextSanitizer.ToEditableText(response?.Sections.FirstOrDefault(s => s.Name == name)?.Text),
            })],
            DecisionKind = response?.Decision?.Kind,
            DecidedBy = response?.Decision?.DecidedBy ?? recipientName,
            DecisionDate = response?.Decision?.DecisionDate,
            DecisionParagraph = response?.Decision?.Paragraph,
            Signatories = [.. (response?.Signatories ?? []).Select(s => new SignatoryForm { Name = s.Name, Title = s.Title })],
            Version = response?.Version ?? 0,
        };
        while (form.Signatories.Count < 2)
        {
            form.Signatories.Add(new SignatoryForm());
        }

        return form;
    }

    public ResponseContent ToContent() => new(
        Summary,
        GeneralViews,
        [.. Answers.Select(a => a.ToContent())],
        [.. Sections.Where(s => !string.IsNullOrWhiteSpace(s.Name)).Select(s => new SectionContent(s.Name!, s.Text))],
        DecisionKind is { } kind ? new DecisionContent(kind, DecidedBy, DecisionDate, DecisionParagraph) : null,
        [.. Signatories.Select(s => new SignatoryContent(s.Name, s.Title))]);
}

public sealed class AnswerForm
{
    public int QuestionNumber { get; set; }

    public string? Text { get; set; }

    public Position? Position { get; set; }

    public List<string> Choices { get; set; } = [];

    public List<RatingForm> Ratings { get; set; } = [];

    public bool NoComments { get; set; }

    public static AnswerForm From(Question question, Answer? answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        var value = answer?.Value;
        var ratings = (value as TrafficLightAnswer)?.Ratings ?? [];

        // An answer saved before the mark and the position were one shows its mark as the position of that name.
        var ownNoComments = answer?.NoComments == true ? question.Kind.NoCommentsValue : null;
        return new()
        {
            QuestionNumber = question.Number,
            Text = RichTextSanitizer.ToEditableText(answer?.Text),
            Position = (value as PositionAnswer ?? ownNoComments as PositionAnswer)?.Position,
            Choices = [.. (value as ChoiceAnswer)?.Choices ?? []],
            Ratings = [.. question.Items.Select(item =>
            {
                var rating = ratings.FirstOrDefault(r => r.Item == item);
                return new RatingForm { Item = item, Colour = rating?.Colour, Comment = rating?.Comment };
            })],
            NoComments = ownNoComments is null && (answer?.NoComments ?? false),
        };
    }

    /// <summary>
    /// The answer as the domain takes it. The form's fields are the kinds of value the types store; only the
    /// question's type's input posts one, and the domain refuses a value of another type.
    /// </summary>
    public AnswerContent ToContent() => new(QuestionNumber, Text, PostedValue(), NoComments);

    private AnswerValue? PostedValue()
    {
        var choices = Choices.Where(c => !string.IsNullOrEmpty(c)).ToList();
        var ratings = Ratings.Where(r => r.Colour is not null || !string.IsNullOrWhiteSpace(r.Comment)).Select(r => new TrafficLightRating(r.Item ?? string.Empty, r.Colour, r.Comment)).ToList();
        return Position is { } position ? new PositionAnswer(position)
            : choices.Count > 0 ? new ChoiceAnswer(choices)
            : ratings.Count > 0 ? new TrafficLightAnswer(ratings)
            : null;
    }
}

public sealed class RatingForm
{
    public string? Item { get; set; }

    public TrafficLightColour? Colour { get; set; }

    public string? Comment { get; set; }
}

public sealed class SectionForm
{
    public string? Name { get; set; }

    public string? Text { get; set; }
}

public sealed class SignatoryForm
{
    public string? Name { get; set; }

    public string? Title { get; set; }
}
