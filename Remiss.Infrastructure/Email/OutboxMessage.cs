namespace Remiss.Infrastructure.Email;

using Remiss.Domain.Common;

/// <summary>Why an e-mail was sent: the event in the remiss's life that caused it.</summary>
public enum EmailReason
{
    Invitation = 1,
    DeadlineMoved = 2,
    Withdrawn = 3,
    ExtensionRequested = 4,
    ExtensionGranted = 5,
    ExtensionRefused = 6,
    Reopened = 7,
    Reminder = 8,
    Overdue = 9,
    OverdueDigest = 10,
    Receipt = 11,
    SubmittedNotice = 12,
    DecisionConfirmed = 13,
    Declined = 14,
    AccountInvitation = 15,
    PasswordReset = 16,
    Feedback = 17,
}

/// <summary>Where an outbox message is on its way to the SMTP server.</summary>
public enum OutboxState
{
    /// <summary>Waiting to be sent at <see cref="OutboxMessage.NextAttemptAt"/> (first try, or a retry after a failure).</summary>
    Pending = 1,

    /// <summary>Claimed by the sender; if the process dies here, the sender's recovery decides what happens.</summary>
    Sending = 2,

    /// <summary>Accepted by the SMTP server. Never sent again.</summary>
    Sent = 3,

    /// <summary>Given up: the sender will not try again.</summary>
    Failed = 4,
}

/// <summary>The kinds of row an e-mail can concern, as stored in <see cref="OutboxMessage.ConcernsType"/>.</summary>
public static class EmailConcerns
{
    public const string Remiss = "Remiss";
    public const string Recipient = "Recipient";
    public const string Extension = "Extension";
    public const string Response = "Response";
    public const string User = "User";
}

/// <summary>
/// One e-mail the product has decided to send, stored in the same transaction as the change that caused it and
/// delivered later by the sender, so that a failing SMTP server delays a message but never loses it, and a
/// message is sent once only. Its <see cref="MessageId"/> is fixed at creation so that a retry carries the same
/// Message-ID and receiving servers can recognise a duplicate.
/// </summary>
public sealed class OutboxMessage : TenantEntity
{
    public const int AddressMaxLength = 320;
    public const int NameMaxLength = 300;
    public const int SubjectMaxLength = 1_000;
    public const int MessageIdMaxLength = 100;
    public const int ConcernsTypeMaxLength = 50;
    public const int LastErrorMaxLength = 4_000;

    private OutboxMessage()
    {
        ToAddress = string.Empty;
        Subject = string.Empty;
        TextBody = string.Empty;
        HtmlBody = string.Empty;
        MessageId = string.Empty;
        ConcernsType = string.Empty;
    }

    private OutboxMessage(Guid tenantId)
        : base(tenantId)
    {
        ToAddress = string.Empty;
        Subject = string.Empty;
        TextBody = string.Empty;
        HtmlBody = string.Empty;
        MessageId = NewMessageId();
        ConcernsType = string.Empty;
    }

    public string ToAddress { get; private set; }

    public string? ToName { get; private set; }

    public string Subject { get; private set; }

    public string TextBody { get; private set; }

    public string HtmlBody { get; private set; }

    /// <summary>The Message-ID header, e.g. <c>&lt;0193…@remiss&gt;</c>; unique, and the same on every attempt.</summary>
    public string MessageId { get; private set; }

    public EmailReason Reason { get; private set; }

    /// <summary>The kind of row the message is about (see <see cref="EmailConcerns"/>).</summary>
    public string ConcernsType { get; private set; }

    public Guid ConcernsId { get; private set; }

    public OutboxState State { get; private set; }

    /// <summary>Attempts that ended, whether sent or failed.</summary>
    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>When the sender should next try; null once the message is sent or given up.</summary>
    public DateTime? NextAttemptAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public static OutboxMessage Create(
        Guid tenantId, EmailAddress to, EmailContent content, EmailReason reason, string concernsType, Guid concernsId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to.Address);
        ArgumentException.ThrowIfNullOrWhiteSpace(content.Subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(concernsType);
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown e-mail reason.");
        }

        var address = to.Address.Trim();
        if (address.Length > AddressMaxLength)
        {
            throw new ArgumentException($"An e-mail address is at most {AddressMaxLength} characters.", nameof(to));
        }

        return new OutboxMessage(tenantId)
        {
            ToAddress = address,
            ToName = Shorten(string.IsNullOrWhiteSpace(to.Name) ? null : OneLine(to.Name), NameMaxLength),

            // A line break in a subject would start a new header; titles are typed by people.
            Subject = Shorten(OneLine(content.Subject), SubjectMaxLength)!,
            TextBody = content.TextBody,
            HtmlBody = content.HtmlBody,
            Reason = reason,
            ConcernsType = concernsType.Length <= ConcernsTypeMaxLength
                ? concernsType
                : throw new ArgumentException($"A concerns type is at most {ConcernsTypeMaxLength} characters.", nameof(concernsType)),
            ConcernsId = concernsId,
            State = OutboxState.Pending,
            CreatedAt = nowUtc,
            NextAttemptAt = nowUtc,
        };
    }

    /// <summary>Since when the sender has held the message; a claim older than the sender's lease was cut off by a crash.</summary>
    public DateTime? SendingSince { get; private set; }

    /// <summary>The sender claims the message before it talks to the SMTP server.</summary>
    public void BeginSending(DateTime nowUtc)
    {
        if (State != OutboxState.Pending)
        {
            throw new InvalidOperationException($"Only a pending message can be sent; this one is {State}.");
        }

        State = OutboxState.Sending;
        SendingSince = nowUtc;
    }

    /// <summary>
    /// A claim that was never finished (the process died between talking to the server and recording it) goes back
    /// to pending. It is sent again with the same Message-ID, so a server that did receive it can tell the copy.
    /// </summary>
    public void ReleaseStaleClaim(DateTime nowUtc)
    {
        if (State != OutboxState.Sending)
        {
            throw new InvalidOperationException($"Only a message being sent can be released; this one is {State}.");
        }

        State = OutboxState.Pending;
        SendingSince = null;
        NextAttemptAt = nowUtc;
    }

    /// <summary>An operator sends a message that was given up once more; it keeps its Message-ID.</summary>
    public void Retry(DateTime nowUtc)
    {
        if (State != OutboxState.Failed)
        {
            throw new InvalidOperationException($"Only a failed message can be tried again; this one is {State}.");
        }

        State = OutboxState.Pending;
        NextAttemptAt = nowUtc;
    }

    /// <summary>The SMTP server accepted the message: it is never sent again.</summary>
    public void MarkSent(DateTime nowUtc)
    {
        EnsureNotFinished();
        Attempts++;
        State = OutboxState.Sent;
        SendingSince = null;
        SentAt = nowUtc;
        NextAttemptAt = null;
        LastError = null;
    }

    /// <summary>
    /// An attempt failed. With <paramref name="nextAttemptAt"/> the message waits as pending until then; without,
    /// the sender has given up and the message stays failed for someone to look at.
    /// </summary>
    public void MarkFailed(string error, DateTime? nextAttemptAt)
    {
        EnsureNotFinished();
        Attempts++;
        LastError = Shorten(string.IsNullOrWhiteSpace(error) ? "Okänt fel." : error, LastErrorMaxLength);
        State = nextAttemptAt is null ? OutboxState.Failed : OutboxState.Pending;
        SendingSince = null;
        NextAttemptAt = nextAttemptAt;
    }

    /// <summary>A time-ordered id under our own domain part, as RFC 5322 wants: unique without asking the database.</summary>
    private static string NewMessageId() => $"<{Guid.CreateVersion7():N}@remiss>";

    private void EnsureNotFinished()
    {
        if (State is OutboxState.Sent or OutboxState.Failed)
        {
            throw new InvalidOperationException($"The message is already {State}.");
        }
    }

    private static string OneLine(string value) =>
        string.Join(' ', value.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string? Shorten(string? value, int maxLength) =>
        value is null || value.Length <= maxLength ? value : value[..(maxLength - 1)] + "…";
}
