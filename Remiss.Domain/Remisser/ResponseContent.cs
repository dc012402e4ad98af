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

    /// <summary>Nothing typed, chosen or marked: saved as a first draft it would be an empty yttrande.</summary>
    public bool IsEmpty =>
        Response.IsBlankHtml(Summary)
        && Response.IsBlankHtml(GeneralViews)
        && Answers.All(a => Response.IsBlankHtml(a.Text) && a.Value is null or { IsEmpty: true } && !a.NoComments)
        && Sections.All(s => Response.IsBlankHtml(s.Text))
        && Decision is null
        && Signatories.All(s => string.IsNullOrWhiteSpace(s.Name) && string.IsNullOrWhiteSpace(s.Title));
}

/// <summary>The answer to question <see cref="QuestionNumber"/>: the text, the value its type asks for (checked by the type), "Inga synpunkter".</summary>
public sealed record AnswerContent(
    int QuestionNumber,
    string? Text = null,
    AnswerValue? Value = null,
    bool NoComments = false);

public sealed record SectionContent(string Name, string? Text);

public sealed record DecisionContent(DecisionKind Kind, string? DecidedBy, DateOnly? DecisionDate, string? Paragraph);

public sealed record SignatoryContent(string? Name, string? Title);

/// <summary>What the tenant contributes to an yttrande: its standard sections and, for "choose an organisation" questions, its organisations' names.</summary>
public sealed record ResponseContext(IReadOnlyList<string> StandardSections, IReadOnlyList<string> OrganisationNames);
