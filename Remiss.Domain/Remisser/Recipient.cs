namespace Remiss.Domain.Remisser;

using global::Remiss.Domain.Common;

/// <summary>
/// Remissinstans: one organisation's place in one remiss, its status, its own deadline after anstånd, and its
/// yttrande. An aggregate of its own, loaded whole by its id; what it needs of the remiss (open or not, deadline,
/// questions) it gets as <see cref="RemissTerms"/> when it is loaded, so the rules of the remiss and of the
/// yttrande (read-only once submitted) are still checked together.
/// </summary>
public sealed class Recipient : TenantEntity
{
    private readonly List<Extension> _extensions = [];
    private RemissTerms? _terms;

    private Recipient()
    {
    }

    internal Recipient(Remiss remiss, Guid organisationId)
        : base(remiss.TenantId)
    {
        RemissId = remiss.Id;
        OrganisationId = organisationId;
        Status = RecipientStatus.NotStarted;
        _terms = remiss.Terms;
    }

    public Guid RemissId { get; private set; }

    /// <summary>The remiss's terms this remissinstans works under: given when it is created or loaded.</summary>
    public RemissTerms Terms => _terms ?? throw new InvalidOperationException("The recipient was loaded without its remiss's terms.");

    /// <summary>Gives the remissinstans its remiss's terms as they stand (the reader does this on every load).</summary>
    public Recipient Under(RemissTerms terms)
    {
        if (terms.RemissId != RemissId)
        {
            throw new InvalidOperationException("These are the terms of another remiss.");
        }

        _terms = terms;
        return this;
    }

    public Guid OrganisationId { get; private set; }

    /// <summary>When the recipient was invited: the remiss's sending, or later when it was added to a sent remiss.</summary>
    public DateTime? InvitedAt { get; private set; }

    /// <summary>The tenant's date on which an anstånd gave the recipient its current deadline, if one did.</summary>
    public DateOnly? ExtendedOn { get; private set; }

    public RecipientStatus Status { get; private set; }

    /// <summary>A later deadline granted as anstånd; the remiss's deadline applies when it is earlier.</summary>
    public DateOnly? ExtendedDeadline { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public Guid? SubmittedByUserId { get; private set; }

    public DateTime? DeclinedAt { get; private set; }

    public string? DeclineReason { get; private set; }

    public DateTime? ReopenedAt { get; private set; }

    /// <summary>The tenant's date on which an owner last sent this recipient a påminnelse by hand (Påminn nu).</summary>
    public DateOnly? RemindedOn { get; private set; }

    public Response? Response { get; private set; }

    public IReadOnlyList<Extension> Extensions => _extensions;

    /// <summary>The recipient's sista svarsdag: the remiss's, or a later one granted as anstånd.</summary>
    public DateOnly Deadline => DeadlineOf(Terms.Deadline ?? throw new DomainException(Field.Deadline, RefusalKey.NoDeadline), ExtendedDeadline);

    /// <summary>
    /// Whether the remiss's owners may read the yttrande: only once it is submitted. Each nämnd is an authority of its own,
    /// and a draft another authority can read through a shared system risks becoming an allmän handling there before the
    /// nämnd has decided on it (TF 2 kap.; eSam's guidance on shared systems). Until then the owners see its status and
    /// last activity, never its content, its bilagor or its Word file. A reopened yttrande is a draft again.
    /// </summary>
    public bool ShowsYttrandeToOwners => Status == RecipientStatus.Submitted;

    /// <summary>Submitted or declined: nothing more is expected of this recipient.</summary>
    public bool HasAnswered => Status is RecipientStatus.Submitted or RecipientStatus.Declined;

    /// <summary>"Sen": the remiss is out, this recipient's deadline has passed and it has neither submitted nor declined.</summary>
    public bool IsOverdue(DateOnly today) => Terms.Deadline is not null && IsOverdueOn(today, Terms.Status, Status, Deadline);

    /// <summary>
    /// The rule of <see cref="IsOverdue"/> on plain values, for read models that do not load the recipient: late when
    /// the remiss is out, the recipient has neither submitted nor declined, and its sista svarsdag has passed.
    /// </summary>
    public static bool IsOverdueOn(DateOnly today, RemissStatus remissStatus, RecipientStatus status, DateOnly deadline) =>
        remissStatus == RemissStatus.Sent && status is not (RecipientStatus.Submitted or RecipientStatus.Declined) && today > deadline;

    /// <summary>The rule of <see cref="Deadline"/> on plain values: the remiss's sista svarsdag, or a later one granted as anstånd.</summary>
    public static DateOnly DeadlineOf(DateOnly remissDeadline, DateOnly? extendedDeadline) =>
        extendedDeadline is { } extended && extended > remissDeadline ? extended : remissDeadline;

    /// <summary>
    /// Bumped by every change of the remissinstans's own state (anstånd, submission, declining, reopening, decision), so two
    /// such changes made at once cannot both be saved. Drafts have the yttrande's own version and do not bump it.
    /// </summary>
    public int Version { get; private set; }

    public Extension? PendingExtension => _extensions.SingleOrDefault(e => e.Status == ExtensionStatus.Requested);

    /// <summary>Records the invitation: when its remiss was sent, or when it was added to a sent remiss.</summary>
    public void MarkInvited(DateTime nowUtc) => InvitedAt ??= nowUtc;

    /// <summary>Opens the yttrande for drafting (creating it on the first visit); returns it.</summary>
    public Response StartDrafting(Guid userId, DateTime nowUtc)
    {
        EnsureEditable(Act.WriteResponse);
        if (Response is null)
        {
            Response = new Response(this, userId, nowUtc);
        }

        Status = RecipientStatus.Drafting;
        return Response;
    }

    /// <summary>Saves the draft as it stands, without requiring anything; a save based on an older version is refused.</summary>
    public void SaveDraft(ResponseContent content, int basedOnVersion, ResponseContext context, Guid userId, DateTime nowUtc)
    {
        // The first save creates the yttrande; there is no older version it could overwrite.
        var isFirstSave = Response is null;
        var response = StartDrafting(userId, nowUtc);
        response.Apply(content, isFirstSave ? response.Version : basedOnVersion, Terms.Questions, context, userId, nowUtc);
    }

    public void Submit(Guid userId, DateTime nowUtc)
    {
        EnsureEditable(Act.SubmitResponse);
        if (Response is null)
        {
            throw new DomainException(Field.Form, RefusalKey.ResponseEmpty);
        }

        DomainException.ThrowIfAny(Response.ProblemsBeforeSubmitting(Terms.Questions));

        Response.MarkSubmitted(userId, nowUtc);
        PendingExtension?.Withdraw("Yttrandet skickades in innan anståndet avgjordes.", nowUtc);
        Status = RecipientStatus.Submitted;
        SubmittedAt = nowUtc;
        SubmittedByUserId = userId;
        Version++;
    }

    public void Decline(string? reason, Guid userId, DateTime nowUtc)
    {
        EnsureEditable(Act.Decline);
        _ = userId;
        DeclineReason = Text.Optional(reason, Field.Reason, 4_000);
        Status = RecipientStatus.Declined;
        DeclinedAt = nowUtc;
        PendingExtension?.Withdraw("Remissinstansen avstod från att yttra sig.", nowUtc);
        Version++;
    }

    /// <summary>
    /// The owner gives a submitted yttrande back to the recipient for changes. The remiss goes back from Stängd
    /// to Utskickad by <see cref="Remiss.ReopenForRecipient"/>, in the same service method and transaction.
    /// </summary>
    public void Reopen(DateTime nowUtc)
    {
        if (Status != RecipientStatus.Submitted)
        {
            throw new DomainException(Field.Form, RefusalKey.ReopenOnlySubmitted);
        }

        if (Terms.Status is not (RemissStatus.Sent or RemissStatus.Closed))
        {
            throw new DomainException(Field.Form, RefusalKey.ReopenOnlyWhileSentOrClosed);
        }

        Response!.Reopen();
        Status = RecipientStatus.Drafting;
        SubmittedAt = null;
        SubmittedByUserId = null;
        ReopenedAt = nowUtc;
        Version++;
    }

    /// <summary>
    /// Completes a preliminary answer with the nämnd's decision once it has met — and its protokollsutdrag, if
    /// given — without reopening the text.
    /// </summary>
    public void ConfirmDecision(DecisionContent decision, AttachmentFile? protocolExtract, Guid userId, DateTime nowUtc)
    {
        if (Status != RecipientStatus.Submitted || Response is null)
        {
            throw new DomainException(Field.Decision, RefusalKey.ConfirmOnlySubmitted);
        }

        if (Terms.Status is not (RemissStatus.Sent or RemissStatus.Closed))
        {
            throw new DomainException(Field.Decision, RefusalKey.ConfirmRemissEnded);
        }

        Response.ConfirmDecision(decision, protocolExtract, userId, nowUtc);
        Version++;
    }

    /// <summary>
    /// An owner reminds this recipient now (Påminn nu), besides the scheduled påminnelser: only while the remiss is out and
    /// the recipient has neither submitted nor declined, and at most once a day, so a nämnd is not flooded by clicks.
    /// </summary>
    public void RemindNow(DateOnly today)
    {
        Terms.EnsureOpenForAnswers(Act.Remind);
        if (HasAnswered)
        {
            throw new DomainException(Field.Form, RefusalKey.RemindAnswered);
        }

        if (!CanBeRemindedOn(today, RemindedOn))
        {
            throw new DomainException(Field.Form, RefusalKey.AlreadyRemindedToday);
        }

        RemindedOn = today;
        Version++;
    }

    /// <summary>The once-a-day rule of <see cref="RemindNow"/> on plain values, for the follow-up table.</summary>
    public static bool CanBeRemindedOn(DateOnly today, DateOnly? remindedOn) => remindedOn != today;

    public ResponseAttachment AddAttachment(AttachmentFile file, Guid userId, DateTime nowUtc) =>
        StartDrafting(userId, nowUtc).AddAttachment(file, userId, nowUtc);

    /// <summary>The bilaga of this recipient's yttrande with <paramref name="attachmentId"/>; any other is not found.</summary>
    public ResponseAttachment AttachmentWithId(Guid attachmentId) =>
        Response?.AttachmentWithId(attachmentId) ?? throw new NotFoundException($"Bilagan {attachmentId} finns inte hos remissinstansen {Id}.");

    public ResponseAttachment RemoveAttachment(Guid attachmentId, Guid userId, DateTime nowUtc)
    {
        AttachmentWithId(attachmentId);
        return StartDrafting(userId, nowUtc).RemoveAttachment(attachmentId, userId, nowUtc);
    }

    public Extension RequestExtension(DateOnly requestedDeadline, string? reason, Guid userId, DateTime nowUtc, DateOnly today)
    {
        EnsureEditable(Act.RequestExtension);
        if (!Remiss.IsPossibleDeadline(requestedDeadline, today))
        {
            throw new DomainException(Field.RequestedDeadline, RefusalKey.RequestedDateNotAfterToday);
        }

        if (PendingExtension is not null)
        {
            throw new DomainException(Field.RequestedDeadline, RefusalKey.ExtensionAlreadyPending);
        }

        if (requestedDeadline <= Deadline)
        {
            throw new DomainException(Field.RequestedDeadline, RefusalKey.RequestedDateNotLater);
        }

        var extension = new Extension(this, requestedDeadline, Text.Optional(reason, Field.Motivation, 4_000), userId, nowUtc);
        _extensions.Add(extension);
        Version++;
        return extension;
    }

    /// <summary>
    /// The owner grants anstånd, to the requested date or another later one; only this recipient's deadline moves.
    /// The owner's message to the recipient is kept with the decision, as a refusal's motivering is.
    /// </summary>
    public Extension GrantExtension(Guid extensionId, DateOnly? grantedDeadline, Guid userId, DateTime nowUtc, DateOnly today, string? message = null)
    {
        var extension = ExtensionWithId(extensionId);
        Terms.EnsureOpenForAnswers(Act.GrantExtension);
        EnsurePending(extension);
        var comment = Text.Optional(message, Field.Message, 4_000);
        var date = grantedDeadline ?? extension.RequestedDeadline;
        if (!Remiss.IsPossibleDeadline(date, today))
        {
            throw new DomainException(Field.Deadline, RefusalKey.GrantedDateNotAfterToday);
        }

        if (date <= Deadline)
        {
            throw new DomainException(Field.Deadline, RefusalKey.GrantedDateNotLater);
        }

        extension.Grant(date, comment, userId, nowUtc);
        ExtendedDeadline = date;
        ExtendedOn = today;
        Version++;
        return extension;
    }

    public Extension RefuseExtension(Guid extensionId, string? reason, Guid userId, DateTime nowUtc)
    {
        var extension = ExtensionWithId(extensionId);
        Terms.EnsureOpenForAnswers(Act.RefuseExtension);
        EnsurePending(extension);
        extension.Refuse(Text.Optional(reason, Field.Motivation, 4_000), userId, nowUtc);
        Version++;
        return extension;
    }

    /// <summary>This recipient's request with <paramref name="extensionId"/>; one of another recipient or tenant is not found.</summary>
    private Extension ExtensionWithId(Guid extensionId) =>
        _extensions.SingleOrDefault(e => e.Id == extensionId) ?? throw new NotFoundException($"Begäran om anstånd {extensionId} finns inte hos remissinstansen {Id}.");

    private static void EnsurePending(Extension extension)
    {
        if (extension.Status != ExtensionStatus.Requested)
        {
            throw new DomainException(Field.Form, RefusalKey.ExtensionAlreadyDecided);
        }
    }

    private void EnsureEditable(Act act)
    {
        Terms.EnsureOpenForAnswers(act);
        switch (Status)
        {
            case RecipientStatus.Submitted:
                throw new DomainException(Field.Form, RefusalKey.AlreadySubmitted, act);
            case RecipientStatus.Declined:
                throw new DomainException(Field.Form, RefusalKey.AlreadyDeclined, act);
            default:
                break;
        }
    }
}
