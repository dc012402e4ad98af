namespace Remiss.Domain.Remisser;

using global::Remiss.Domain.Common;
using global::Remiss.Domain.Organisations;

/// <summary>
/// A consultation: a proposal with numbered questions sent to remissinstanser with a sista svarsdag.
/// Edited freely as a draft; once sent, only the deadline may move.
/// </summary>
public sealed class Remiss : TenantEntity
{
    public const int TitleMaxLength = 300;
    public const int DiarienummerMaxLength = 50;
    public const int DescriptionMaxLength = 200_000;

    /// <summary>A deadline closer than this is allowed but earns a warning: recipients' nämnder meet rarely.</summary>
    public const int ShortNoticeDays = 21;

    private readonly List<Question> _questions = [];
    private List<RecipientEntry>? _recipients;
    private readonly List<RemissAttachment> _attachments = [];
    private List<int>? _reminderDaysBefore;

    private Remiss()
    {
        Title = string.Empty;
    }

    private Remiss(Guid tenantId)
        : base(tenantId)
    {
        Title = string.Empty;
        _recipients = [];
    }

    public string Title { get; private set; }

    /// <summary>The sender's registration number, e.g. STK-2023-137; unique in the tenant.</summary>
    public string? Diarienummer { get; private set; }

    /// <summary>The proposal in sanitised HTML.</summary>
    public string? Description { get; private set; }

    public Guid OwnerOrganisationId { get; private set; }

    /// <summary>Sista svarsdag: a calendar date in the tenant's time zone.</summary>
    public DateOnly? Deadline { get; private set; }

    /// <summary>The tenant's date on which the owner last moved the deadline of the sent remiss.</summary>
    public DateOnly? DeadlineMovedOn { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactEmail { get; private set; }

    public RemissStatus Status { get; private set; }

    public Guid CreatedByUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public DateTime? WithdrawnAt { get; private set; }

    public string? WithdrawalReason { get; private set; }

    /// <summary>Bumped by every change; guards against two people overwriting each other.</summary>
    public int Version { get; private set; }

    /// <summary>The questions in number order (the database returns them in any order).</summary>
    public IReadOnlyList<Question> Questions => [.. _questions.OrderBy(q => q.Number)];

    /// <summary>
    /// Which organisations are its remissinstanser, and under which id: always all of them, and only that. Each
    /// remissinstans with its yttrande and anstånd is a <see cref="Recipient"/> aggregate of its own.
    /// </summary>
    public IReadOnlyList<RecipientEntry> Recipients => Entries;

    private List<RecipientEntry> Entries => _recipients ?? throw new InvalidOperationException("The remiss was loaded without its recipients.");

    /// <summary>
    /// Gives a remiss read from storage its recipients' entries, read with it: every one of them, once, so it never
    /// holds only some. A remiss read without them refuses to say who its recipients are.
    /// </summary>
    public Remiss WithRecipients(IEnumerable<RecipientEntry> entries)
    {
        if (_recipients is not null)
        {
            throw new InvalidOperationException("The remiss already has its recipients.");
        }

        _recipients = [.. entries];
        return this;
    }

    /// <summary>The organisations the remiss is sent to.</summary>
    public IReadOnlyList<Guid> RecipientOrganisationIds => [.. Entries.Select(r => r.OrganisationId)];

    /// <summary>What its remissinstanser need to know of the remiss, as it stands now.</summary>
    public RemissTerms Terms => new(Id, Status, Deadline, Questions);

    public IReadOnlyList<RemissAttachment> Attachments => _attachments;

    /// <summary>The remiss's own påminnelse days before the deadline, largest first; null follows the tenant's schedule.</summary>
    public IReadOnlyList<int>? ReminderDaysBefore => _reminderDaysBefore;

    public bool IsDraft => Status == RemissStatus.Draft;

    /// <summary>Avslutad or återkallad: nothing about the remiss changes any more.</summary>
    public bool IsReadOnly => Status is RemissStatus.Completed or RemissStatus.Withdrawn;

    /// <summary>The final sammanställning, stored once when the remiss was avslutad; null before.</summary>
    public FinalDocument? FinalSummary { get; private set; }

    /// <summary>Closed or completed: no more answers come in, so a sammanställning is final, not preliminary.</summary>
    public bool HasFinalAnswers => Status is RemissStatus.Closed or RemissStatus.Completed;

    public static Remiss CreateDraft(Organisation owner, string title, Guid createdByUserId, DateTime nowUtc)
    {
        if (owner.IsRetired)
        {
            throw new DomainException(Field.Owner, RefusalKey.RetiredCannotSend, owner.Name);
        }

        var remiss = new Remiss(owner.TenantId)
        {
            OwnerOrganisationId = owner.Id,
            Title = Text.Required(title, Field.Title, TitleMaxLength),
            Status = RemissStatus.Draft,
            CreatedByUserId = createdByUserId,
            CreatedAt = nowUtc,
            Version = 1,
        };
        return remiss;
    }

    /// <summary>
    /// Changes the draft's details. A deadline the user changes must be after <paramref name="today"/>; one set
    /// earlier that has since passed is kept (sending will refuse it).
    /// </summary>
    public void UpdateDetails(string title, string? diarienummer, string? description, DateOnly? deadline, DateOnly today, string? contactName = null, string? contactEmail = null)
    {
        EnsureDraft(Field.Details);
        if (deadline is { } newDeadline && newDeadline != Deadline && !IsPossibleDeadline(newDeadline, today))
        {
            throw new DomainException(Field.Deadline, RefusalKey.DeadlineNotAfterToday);
        }

        // Check everything before changing anything: a refusal leaves the remiss as it was.
        var validTitle = Text.Required(title, Field.Title, TitleMaxLength);
        var validDiarienummer = Text.Optional(diarienummer, Field.Diarienummer, DiarienummerMaxLength);
        var validDescription = Text.Optional(description, Field.Description, DescriptionMaxLength);
        var validContactName = Text.Optional(contactName, Field.ContactName, 200);
        var validContactEmail = Text.OptionalEmail(contactEmail, Field.ContactEmail);

        Title = validTitle;
        Diarienummer = validDiarienummer;
        Description = validDescription;
        Deadline = deadline;
        ContactName = validContactName;
        ContactEmail = validContactEmail;
        Touch();
    }

    public void ChangeOwner(Organisation owner)
    {
        EnsureDraft(Field.Owner);
        EnsureSameTenant(owner);
        if (owner.IsRetired)
        {
            throw new DomainException(Field.Owner, RefusalKey.RetiredCannotSend, owner.Name);
        }

        Entries.RemoveAll(r => r.OrganisationId == owner.Id);
        OwnerOrganisationId = owner.Id;
        Touch();
    }

    /// <summary>True when the deadline is set but less than three weeks away: allowed, with a warning.</summary>
    public bool HasShortNotice(DateOnly today) => Deadline is { } d && d > today && d.DayNumber - today.DayNumber < ShortNoticeDays;

    // ---- Questions -------------------------------------------------------------------------------------

    public Question AddQuestion(QuestionDefinition definition)
    {
        EnsureDraft(Field.Questions);
        var question = new Question(TenantId, Id, _questions.Count + 1, definition);
        _questions.Add(question);
        Touch();
        return question;
    }

    public void RemoveQuestion(int number)
    {
        EnsureDraft(Field.Questions);
        _questions.Remove(QuestionNumber(number));
        Renumber();
        Touch();
    }

    /// <summary>
    /// Makes the questions exactly these, in this order (the question rows of the form). Every definition is
    /// checked before anything changes; existing questions keep their identity by position.
    /// </summary>
    public void SetQuestions(IReadOnlyList<QuestionDefinition> definitions)
    {
        EnsureDraft(Field.Questions);
        for (var i = 0; i < definitions.Count; i++)
        {
            _ = Question.Validate(i + 1, definitions[i]);
        }

        var ordered = _questions.OrderBy(q => q.Number).ToList();
        for (var i = 0; i < definitions.Count; i++)
        {
            if (i < ordered.Count)
            {
                ordered[i].Number = i + 1;
                ordered[i].Apply(definitions[i]);
            }
            else
            {
                _questions.Add(new Question(TenantId, Id, i + 1, definitions[i]));
            }
        }

        foreach (var extra in ordered.Skip(definitions.Count))
        {
            _questions.Remove(extra);
        }

        Touch();
    }

    public void MoveQuestionUp(int number) => SwapQuestions(number, number - 1);

    public void MoveQuestionDown(int number) => SwapQuestions(number, number + 1);

    public Question QuestionNumber(int number) =>
        _questions.SingleOrDefault(q => q.Number == number) ?? throw new DomainException(new Subject(Field.QuestionText, number), RefusalKey.QuestionNotFound);

    private void SwapQuestions(int number, int other)
    {
        EnsureDraft(Field.Questions);
        var question = QuestionNumber(number);
        if (other < 1 || other > _questions.Count)
        {
            throw new DomainException(new Subject(Field.QuestionText, number), RefusalKey.QuestionCannotMove);
        }

        var neighbour = QuestionNumber(other);
        (question.Number, neighbour.Number) = (neighbour.Number, question.Number);
        Touch();
    }

    private void Renumber()
    {
        var number = 1;
        foreach (var question in _questions.OrderBy(q => q.Number))
        {
            question.Number = number++;
        }
    }

    // ---- Recipients ------------------------------------------------------------------------------------

    /// <summary>
    /// Adds a recipient; to a sent remiss it is invited at <paramref name="nowUtc"/> (the sending's time if not given).
    /// Returns the new remissinstans, an aggregate of its own that the caller saves with the remiss.
    /// </summary>
    public Recipient AddRecipient(Organisation organisation, DateTime? nowUtc = null)
    {
        if (Status is not (RemissStatus.Draft or RemissStatus.Sent))
        {
            throw new DomainException(Field.Recipients, RefusalKey.RecipientsOnlyWhileDraftOrSent);
        }

        EnsureCanBeRecipient(organisation);
        if (Entries.Any(r => r.OrganisationId == organisation.Id))
        {
            throw new DomainException(Field.Recipients, RefusalKey.AlreadyRecipient, organisation.Name);
        }

        var recipient = new Recipient(this, organisation.Id);
        if (Status == RemissStatus.Sent)
        {
            recipient.MarkInvited(nowUtc ?? SentAt ?? throw new InvalidOperationException("A sent remiss has a time of sending."));
        }

        Entries.Add(new RecipientEntry(recipient.Id, recipient.OrganisationId));
        Touch();
        return recipient;
    }

    private void EnsureCanBeRecipient(Organisation organisation)
    {
        EnsureSameTenant(organisation);
        if (organisation.Id == OwnerOrganisationId)
        {
            throw new DomainException(Field.Recipients, RefusalKey.OwnerCannotBeRecipient, organisation.Name);
        }

        if (organisation.IsRetired && Entries.All(r => r.OrganisationId != organisation.Id))
        {
            throw new DomainException(Field.Recipients, RefusalKey.RetiredCannotReceive, organisation.Name);
        }
    }

    /// <summary>
    /// Makes the recipients exactly these organisations (the recipient checkboxes of the form); returns the
    /// remissinstanser it added, for the caller to save.
    /// </summary>
    public IReadOnlyList<Recipient> ReplaceRecipients(IEnumerable<Organisation> organisations)
    {
        EnsureDraft(Field.Recipients);
        var wanted = organisations.DistinctBy(o => o.Id).ToList();
        foreach (var organisation in wanted)
        {
            EnsureCanBeRecipient(organisation);
        }

        Entries.RemoveAll(r => wanted.All(o => o.Id != r.OrganisationId));
        var added = wanted.Where(o => Entries.All(r => r.OrganisationId != o.Id)).Select(o => AddRecipient(o)).ToList();
        Touch();
        return added;
    }

    public RecipientEntry RecipientFor(Guid organisationId) =>
        Entries.SingleOrDefault(r => r.OrganisationId == organisationId)
        ?? throw new DomainException(Field.Form, RefusalKey.NotARecipient);

    /// <summary>
    /// Gives the remiss a påminnelse schedule of its own (days before each recipient's deadline), or with null goes back
    /// to the tenant's. An empty list means no påminnelser before the deadline; the late notice still goes out.
    /// </summary>
    public void SetReminderSchedule(IEnumerable<int>? daysBefore)
    {
        if (Status is not (RemissStatus.Draft or RemissStatus.Sent))
        {
            throw new DomainException(Field.ReminderDays, RefusalKey.RemindersOnlyWhileDraftOrSent);
        }

        _reminderDaysBefore = daysBefore is null ? null : Organisations.ReminderSchedule.Validate(daysBefore);
        Touch();
    }

    // ---- Attachments -----------------------------------------------------------------------------------

    public RemissAttachment AddAttachment(AttachmentFile file, Guid userId, DateTime nowUtc)
    {
        EnsureDraft(Field.Attachments);
        var attachment = new RemissAttachment(TenantId, Id, file, userId, nowUtc);
        _attachments.Add(attachment);
        Touch();
        return attachment;
    }

    /// <summary>The bilaga of this remiss with <paramref name="attachmentId"/>; one of another remiss or tenant is not found.</summary>
    public RemissAttachment AttachmentWithId(Guid attachmentId) =>
        _attachments.SingleOrDefault(a => a.Id == attachmentId) ?? throw new NotFoundException($"Bilagan {attachmentId} finns inte i remissen {Id}.");

    public RemissAttachment RemoveAttachment(Guid attachmentId)
    {
        var attachment = AttachmentWithId(attachmentId);
        EnsureDraft(Field.Attachments);
        _attachments.Remove(attachment);
        Touch();
        return attachment;
    }

    // ---- Life cycle ------------------------------------------------------------------------------------

    /// <summary>Everything that stops the draft from being sent today, as Swedish sentences; empty when it can go.</summary>
    public IReadOnlyList<Refusal> ProblemsBeforeSending(DateOnly today)
    {
        var problems = new List<Refusal>();
        if (Status != RemissStatus.Draft)
        {
            problems.Add(new(Field.Form, RefusalKey.AlreadySent));
            return problems;
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            problems.Add(new(Field.Title, RefusalKey.Required));
        }

        if (string.IsNullOrWhiteSpace(Diarienummer))
        {
            problems.Add(new(Field.Diarienummer, RefusalKey.RequiredBeforeSending));
        }

        if (Deadline is not { } deadline)
        {
            problems.Add(new(Field.Deadline, RefusalKey.DeadlineRequiredBeforeSending));
        }
        else if (!IsPossibleDeadline(deadline, today))
        {
            problems.Add(new(Field.Deadline, RefusalKey.DeadlineNotAfterToday));
        }

        if (_questions.Count == 0)
        {
            problems.Add(new(Field.Questions, RefusalKey.NoQuestions));
        }

        problems.AddRange(_questions.OrderBy(q => q.Number).SelectMany(q => q.ProblemsBeforeSending()));

        if (Entries.Count == 0)
        {
            problems.Add(new(Field.Recipients, RefusalKey.NoRecipients));
        }

        return problems;
    }

    /// <summary>
    /// The one rule for a sista svarsdag (or an anstånd) someone sets: it lies after <paramref name="today"/> in the
    /// tenant's calendar. Sending, moving the deadline, the draft form and anstånd all ask here.
    /// </summary>
    public static bool IsPossibleDeadline(DateOnly deadline, DateOnly today) => deadline > today;

    /// <summary>Sends the draft. Its remissinstanser are invited by the service that sends, in the same transaction.</summary>
    public void Send(DateOnly today, DateTime nowUtc)
    {
        var problems = ProblemsBeforeSending(today);
        DomainException.ThrowIfAny(problems);

        Status = RemissStatus.Sent;
        SentAt = nowUtc;
        Touch();
    }

    /// <summary>Moves the sista svarsdag of a sent remiss; recipients with a later anstånd keep theirs.</summary>
    public void MoveDeadline(DateOnly newDeadline, DateOnly today)
    {
        if (Status != RemissStatus.Sent)
        {
            throw new DomainException(Field.Deadline, RefusalKey.DeadlineMoveOnlyWhenSent);
        }

        if (!IsPossibleDeadline(newDeadline, today))
        {
            throw new DomainException(Field.Deadline, RefusalKey.DeadlineNotAfterToday);
        }

        if (newDeadline == Deadline)
        {
            throw new DomainException(Field.Deadline, RefusalKey.DeadlineUnchanged);
        }

        Deadline = newDeadline;
        DeadlineMovedOn = today;
        Touch();
    }

    public void Withdraw(string? reason, DateTime nowUtc)
    {
        if (Status != RemissStatus.Sent)
        {
            throw new DomainException(Field.Form, RefusalKey.WithdrawOnlyWhenSent);
        }

        WithdrawalReason = Text.Optional(reason, Field.Reason, 2_000);
        Status = RemissStatus.Withdrawn;
        WithdrawnAt = nowUtc;
        Touch();
    }

    public void Close(DateTime nowUtc)
    {
        if (Status != RemissStatus.Sent)
        {
            throw new DomainException(Field.Form, RefusalKey.CloseOnlyWhenSent);
        }

        Status = RemissStatus.Closed;
        ClosedAt = nowUtc;
        Touch();
    }

    /// <summary>
    /// Closes a sent remiss once every recipient has submitted or declined. The remissinstanser are aggregates of
    /// their own, so the caller counts those that have not answered, in the transaction that changed one of them.
    /// </summary>
    public bool CloseIfEveryRecipientHasAnswered(int notYetAnswered, DateTime nowUtc)
    {
        if (Status != RemissStatus.Sent || Entries.Count == 0 || notYetAnswered > 0)
        {
            return false;
        }

        Close(nowUtc);
        return true;
    }

    /// <summary>
    /// Avslutar the closed remiss: its final sammanställning, built once and stored as <paramref name="finalSummary"/>, is
    /// from now on the one every entitled reader downloads, and the remiss with the office's work on it is read-only.
    /// </summary>
    public void Complete(FinalDocument finalSummary, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(finalSummary);
        if (Status != RemissStatus.Closed)
        {
            throw new DomainException(Field.Form, RefusalKey.CompleteOnlyWhenClosed);
        }

        FinalSummary = finalSummary;
        Status = RemissStatus.Completed;
        CompletedAt = nowUtc;
        Touch();
    }

    /// <summary>
    /// A reopened yttrande takes the remiss back from Stängd to Utskickad; the service that reopens calls this and
    /// <see cref="Recipient.Reopen"/> in one transaction.
    /// </summary>
    public void ReopenForRecipient()
    {
        if (Status is not (RemissStatus.Sent or RemissStatus.Closed))
        {
            throw new DomainException(Field.Form, RefusalKey.ReopenOnlyWhileSentOrClosed);
        }

        if (Status == RemissStatus.Closed)
        {
            Status = RemissStatus.Sent;
            ClosedAt = null;
        }

        Touch();
    }

    /// <summary>
    /// Checks that the remiss may be deleted: only a draft, which nobody but its owners has seen. A sent remiss is part
    /// of the record; it is closed or withdrawn, never deleted.
    /// </summary>
    public void EnsureCanBeDeleted()
    {
        if (Status != RemissStatus.Draft)
        {
            throw new DomainException(Field.Form, RefusalKey.DeleteOnlyDraft);
        }
    }

    private void EnsureDraft(Field what)
    {
        if (Status != RemissStatus.Draft)
        {
            throw new DomainException(what, RefusalKey.ChangedAfterSending);
        }
    }

    private void EnsureSameTenant(Organisation organisation)
    {
        if (organisation.TenantId != TenantId)
        {
            throw new DomainException(Field.Form, RefusalKey.OrganisationNotFound);
        }
    }

    private void Touch() => Version++;
}
