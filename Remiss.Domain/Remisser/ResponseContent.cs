namespace Remiss.Domain.Remisser;

/// <summary>Everything the yttrande form holds, as the user typed it (rich text already sanitised).</summary>
public sealed record ResponseContent(
    string? Summary,
    string? GeneralViews,
    IReadOnlyList<AnswerContent> Answers,
    IReadOnlyList<SectionContent> Sections,
    DecisionContent? Decision,
    IReadOnlyList<SignatoryContent> Signatories)
{
    public static ResponseContent Empty { get; } = new(null, null, [], [], null, []);
}

/// <summary>The answer to question <see cref="QuestionNumber"/>; which parts apply depends on the question's type.</summary>
public sealed record AnswerContent(
    int QuestionNumber,
    string? Text = null,
    Position? Position = null,
    IReadOnlyList<string>? Choices = null,
    IReadOnlyList<RatingContent>? Ratings = null,
    bool NoComments = false);

public sealed record RatingContent(string Item, TrafficLightColour? Colour, string? Comment);

public sealed record SectionContent(string Name, string? Text);

public sealed record DecisionContent(DecisionKind Kind, string? DecidedBy, DateOnly? DecisionDate, string? Paragraph);

public sealed record SignatoryContent(string? Name, string? Title);

/// <summary>What the tenant contributes to an yttrande: its standard sections and, for "choose an organisation" questions, its organisations' names.</summary>
public sealed record ResponseContext(IReadOnlyList<string> StandardSections, IReadOnlyList<string> OrganisationNames);
