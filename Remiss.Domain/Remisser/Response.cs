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

    /// <summary>What keeps the yttrande from being submitted, as Swedish sentences.</summary>
    public IReadOnlyList<string> ProblemsBeforeSubmitting(IReadOnlyList<Question> questions) =>
        [.. questions
            .Where(q => q.IsRequired && !(AnswerTo(q)?.Counts(q) ?? false))
            .Select(q => $"Fråga {q.Number} är obligatorisk. Svara på den eller markera \"Inga synpunkter\".")];

    internal void Apply(ResponseContent content, int basedOnVersion, IReadOnlyList<Question> questions, ResponseContext context, Guid userId, DateTime nowUtc)
    {
        EnsureDraft();
        if (basedOnVersion != Version)
        {
            throw new ConcurrencyConflictException(
                "Någon annan har sparat yttrandet medan du skrev. Jämför versionerna och välj vad som ska sparas.", Version);
        }

        // Check everything before changing anything: a refusal leaves the draft as it was.
        var summary = Text.Optional(content.Summary, "Sammanfattning", RichTextMaxLength);
        var generalViews = Text.Optional(content.GeneralViews, "Övergripande synpunkter", RichTextMaxLength);
        var answers = content.Answers
            .Select(answer => Answer.Validate(
                questions.SingleOrDefault(q => q.Number == answer.QuestionNumber)
                    ?? throw new DomainException($"Fråga {answer.QuestionNumber} finns inte i remissen."),
                answer,
                context.OrganisationNames))
            .ToList();
        if (answers.DistinctBy(a => a.Question.Id).Count() != answers.Count)
        {
            throw new DomainException("Samma fråga kan bara besvaras en gång.");
        }

        var sections = content.Sections
            .Select(s => context.StandardSections.Contains(s.Name)
                ? new SectionText(s.Name, Text.Optional(s.Text, s.Name, RichTextMaxLength))
                : throw new DomainException($"Avsnittet \"{s.Name}\" finns inte bland kundens standardavsnitt."))
            .Where(s => s.Text is not null)
            .ToList();
        var decision = content.Decision is null ? null : Decision.From(content.Decision);
        // Named by row ("Namn på ansvarig 2"), as the form labels them, so a refusal finds its field.
        var signatories = content.Signatories
            .Select((s, i) => (Signatory: s, Row: i + 1))
            .Where(s => !string.IsNullOrWhiteSpace(s.Signatory.Name) || !string.IsNullOrWhiteSpace(s.Signatory.Title))
            .Select(s => new Signatory(Text.Required(s.Signatory.Name, $"Namn på ansvarig {s.Row}", 200), Text.Optional(s.Signatory.Title, $"Titel för ansvarig {s.Row}", 200)))
            .ToList();
        if (signatories.Count > MaxSignatories)
        {
            throw new DomainException($"Högst {MaxSignatories} ansvariga kan anges.");
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
            throw new DomainException("Beslutet kan bara kompletteras på ett inskickat preliminärt svar.");
        }

        if (decision.Kind == DecisionKind.PreliminaryAnswer || decision.DecisionDate is null)
        {
            throw new DomainException("Ange nämndens eller delegatens beslut med beslutsdatum.");
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
            throw new DomainException("Yttrandet är inskickat och kan inte ändras. Ägaren av remissen kan öppna det igen.");
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
                Text.Optional(content.DecidedBy, "Beslutande organ", 200),
                content.DecisionDate,
                Text.Optional(content.Paragraph, "Paragraf", 50))
            : throw new DomainException("Välj vilket slags beslut yttrandet bygger på.");
}
