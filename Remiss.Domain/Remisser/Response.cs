namespace Remiss.Domain.Remisser;

using System.Text.RegularExpressions;
using global::Remiss.Domain.Common;

/// <summary>
/// Yttrande: a recipient's answer as a whole. Drafted together by the recipient's members, read-only and
/// time-stamped once submitted, until the owner reopens it. Changed only through its <see cref="Recipient"/>.
/// </summary>
public sealed partial class Response : TenantEntity
{
    public const int RichTextMaxLength = 200_000;
    public const int MaxSignatories = 10;

    private readonly List<Answer> _answers = [];
    private readonly List<ResponseAttachment> _attachments = [];
    private List<SectionText> _sections = [];
    private List<Signatory> _signatories = [];

    private Response()
    {
    }

    internal Response(Recipient recipient, Guid userId, DateTime nowUtc)
        : base(recipient.TenantId)
    {
        RecipientId = recipient.Id;
        CreatedAt = nowUtc;
        CreatedByUserId = userId;
        LastSavedAt = nowUtc;
        LastSavedByUserId = userId;
        Version = 1;
    }

    public Guid RecipientId { get; private set; }

    public string? Summary { get; private set; }

    public string? GeneralViews { get; private set; }

    public Decision? Decision { get; private set; }

    public IReadOnlyList<Answer> Answers => _answers;

    public IReadOnlyList<SectionText> Sections => _sections;

    public IReadOnlyList<Signatory> Signatories => _signatories;

    public IReadOnlyList<ResponseAttachment> Attachments => _attachments;

    /// <summary>Bumped by every save; a save based on an older version is refused so nobody's words are lost.</summary>
    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedByUserId { get; private set; }

    public DateTime LastSavedAt { get; private set; }

    public Guid LastSavedByUserId { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public Guid? SubmittedByUserId { get; private set; }

    public bool IsSubmitted => SubmittedAt is not null;

    public Answer? AnswerTo(Question question) => _answers.SingleOrDefault(a => a.QuestionId == question.Id);

    /// <summary>What keeps the yttrande from being submitted: each required question it leaves unanswered.</summary>
    public IReadOnlyList<Refusal> ProblemsBeforeSubmitting(IReadOnlyList<Question> questions) =>
        ProblemsBeforeSubmitting(this, questions);

    /// <summary>The same for an yttrande that may not exist yet (<paramref name="response"/> null): every required question.</summary>
    public static IReadOnlyList<Refusal> ProblemsBeforeSubmitting(Response? response, IReadOnlyList<Question> questions) =>
        [.. questions
            .Where(q => q.IsRequired && !(response?.AnswerTo(q)?.Counts(q) ?? false))
            .Select(q => new Refusal(new Subject(Field.Answer, q.Number), RefusalKey.RequiredQuestionUnanswered))];

    internal void Apply(ResponseContent content, int basedOnVersion, IReadOnlyList<Question> questions, ResponseContext context, Guid userId, DateTime nowUtc)
    {
        EnsureDraft();
        if (basedOnVersion != Version)
        {
            throw new ConcurrencyConflictException(new Refusal(Field.Form, RefusalKey.ResponseSavedMeanwhile), Version);
        }

        // Check everything before changing anything: a refusal leaves the draft as it was.
        var summary = Text.Optional(content.Summary, Field.Summary, RichTextMaxLength);
        var generalViews = Text.Optional(content.GeneralViews, Field.GeneralViews, RichTextMaxLength);
        var answers = content.Answers
            .Select(answer => Answer.Validate(
                questions.SingleOrDefault(q => q.Number == answer.QuestionNumber)
                    ?? throw new DomainException(new Subject(Field.Answer, answer.QuestionNumber), RefusalKey.QuestionNotInRemiss),
                answer,
                context.OrganisationNames))
            .ToList();
        if (answers.DistinctBy(a => a.Question.Id).Count() != answers.Count)
        {
            throw new DomainException(Field.Form, RefusalKey.QuestionAnsweredTwice);
        }

        var sections = content.Sections
            .Select((s, i) => context.StandardSections.Contains(s.Name)
                ? new SectionText(s.Name, ValidSectionText(s, i + 1))
                : throw new DomainException(new Subject(Field.SectionText, i + 1), RefusalKey.SectionNotStandard, s.Name))
            .Where(s => s.Text is not null)
            .ToList();
        var decision = content.Decision is null ? null : Decision.From(content.Decision);
        // Numbered by row, as the form labels them ("Namn på ansvarig 2"), so a refusal finds its field.
        var signatories = content.Signatories
            .Select((s, i) => (Signatory: s, Row: i + 1))
            .Where(s => !string.IsNullOrWhiteSpace(s.Signatory.Name) || !string.IsNullOrWhiteSpace(s.Signatory.Title))
            .Select(s => new Signatory(Text.Required(s.Signatory.Name, new Subject(Field.SignatoryName, s.Row), 200), Text.Optional(s.Signatory.Title, new Subject(Field.SignatoryTitle, s.Row), 200)))
            .ToList();
        if (signatories.Count > MaxSignatories)
        {
            throw new DomainException(Field.Signatories, RefusalKey.TooManySignatories, MaxSignatories);
        }

        Summary = summary;
        GeneralViews = generalViews;
        foreach (var answer in answers)
        {
            var existing = AnswerTo(answer.Question);
            if (existing is null)
            {
                existing = new Answer(TenantId, Id, answer.Question.Id);
                _answers.Add(existing);
            }

            existing.Apply(answer);
        }

        _sections = sections;
        Decision = decision;
        _signatories = signatories;
        MarkSaved(userId, nowUtc);
    }

    internal void MarkSubmitted(Guid userId, DateTime nowUtc)
    {
        EnsureDraft();
        SubmittedAt = nowUtc;
        SubmittedByUserId = userId;
        Version++;
    }

    internal void Reopen()
    {
        SubmittedAt = null;
        SubmittedByUserId = null;
        Version++;
    }

    /// <summary>Records the nämnd's decision on an yttrande that was submitted as the förvaltning's preliminary answer.</summary>
    internal void ConfirmDecision(DecisionContent decision, AttachmentFile? protocolExtract, Guid userId, DateTime nowUtc)
    {
        if (!IsSubmitted || Decision?.Kind != DecisionKind.PreliminaryAnswer)
        {
            throw new DomainException(Field.Decision, RefusalKey.ConfirmOnlyPreliminary);
        }

        if (decision.Kind == DecisionKind.PreliminaryAnswer || decision.DecisionDate is null)
        {
            throw new DomainException(Field.Decision, RefusalKey.DecisionDateRequired);
        }

        Decision = Decision.From(decision);
        if (protocolExtract is not null)
        {
            _attachments.Add(new ResponseAttachment(TenantId, Id, protocolExtract, userId, nowUtc));
        }

        MarkSaved(userId, nowUtc);
    }

    internal ResponseAttachment AddAttachment(AttachmentFile file, Guid userId, DateTime nowUtc)
    {
        EnsureDraft();
        var attachment = new ResponseAttachment(TenantId, Id, file, userId, nowUtc);
        _attachments.Add(attachment);
        MarkSaved(userId, nowUtc);
        return attachment;
    }

    /// <summary>The bilaga of this yttrande with <paramref name="attachmentId"/>; one of another yttrande or tenant is not found.</summary>
    public ResponseAttachment AttachmentWithId(Guid attachmentId) =>
        _attachments.SingleOrDefault(a => a.Id == attachmentId) ?? throw new NotFoundException($"Bilagan {attachmentId} finns inte i yttrandet {Id}.");

    internal ResponseAttachment RemoveAttachment(Guid attachmentId, Guid userId, DateTime nowUtc)
    {
        var attachment = AttachmentWithId(attachmentId);
        EnsureDraft();
        _attachments.Remove(attachment);
        MarkSaved(userId, nowUtc);
        return attachment;
    }

    /// <summary>True when an HTML fragment holds no visible text ("&lt;p&gt;&lt;/p&gt;" is empty).</summary>
    public static bool IsBlankHtml(string? html) =>
        string.IsNullOrWhiteSpace(html) || string.IsNullOrWhiteSpace(TagPattern().Replace(html, " ").Replace("&nbsp;", " ", StringComparison.Ordinal));

    /// <summary>A standard section's text; its name is the tenant's own, so a refusal says it rather than a label.</summary>
    private static string? ValidSectionText(SectionContent section, int row)
    {
        var text = Text.Optional(section.Text, new Subject(Field.SectionText, row), int.MaxValue);
        return text is { Length: > RichTextMaxLength }
            ? throw new DomainException(new Subject(Field.SectionText, row), RefusalKey.SectionTextMaxLength, section.Name, RichTextMaxLength)
            : text;
    }

    private void MarkSaved(Guid userId, DateTime nowUtc)
    {
        LastSavedAt = nowUtc;
        LastSavedByUserId = userId;
        Version++;
    }

    private void EnsureDraft()
    {
        if (IsSubmitted)
        {
            throw new DomainException(Field.Form, RefusalKey.ResponseSubmitted);
        }
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}

/// <summary>One of the tenant's standard sections (Barnperspektiv, Jämställdhet, Ekonomiska konsekvenser…) with its text.</summary>
public sealed record SectionText(string Name, string? Text);

/// <summary>Ansvarig: a name and title signing the yttrande.</summary>
public sealed record Signatory(string Name, string? Title);

/// <summary>Beslut: who decided the yttrande, when, under which paragraph, and what kind of decision it is.</summary>
public sealed record Decision(DecisionKind Kind, string? DecidedBy, DateOnly? DecisionDate, string? Paragraph)
{
    public static Decision From(DecisionContent content) =>
        Enum.IsDefined(content.Kind)
            ? new Decision(
                content.Kind,
                Text.Optional(content.DecidedBy, Field.DecidedBy, 200),
                content.DecisionDate,
                Text.Optional(content.Paragraph, Field.DecisionParagraph, 50))
            : throw new DomainException(Field.Decision, RefusalKey.DecisionKindRequired);
}
