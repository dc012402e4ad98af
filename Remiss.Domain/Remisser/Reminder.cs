namespace Remiss.Domain.Remisser;

using global::Remiss.Domain.Common;

/// <summary>What a <see cref="Reminder"/> chased: a step before the deadline, or the notice that the answer is late.</summary>
public enum ReminderKind
{
    /// <summary>A påminnelse a number of days before the recipient's sista svarsdag.</summary>
    BeforeDeadline = 1,

    /// <summary>The day after the sista svarsdag: the answer is late.</summary>
    Overdue = 2,

    /// <summary>An owner's påminnelse by hand (Påminn nu), on any day; <see cref="Reminder.DaysBefore"/> is the days left then.</summary>
    Manual = 3,
}

/// <summary>
/// The record that one step of the chase was taken for one recipient and one deadline. The chaser decides from
/// these rows, not from job history, so a missed run, a restart or two instances at once never loses or doubles a
/// påminnelse; a unique index on (recipient, kind, deadline, days before) makes a double impossible. When the
/// deadline moves (anstånd, a moved sista svarsdag) the steps start again from the new date.
/// </summary>
public sealed class Reminder : TenantEntity
{
    private Reminder()
    {
    }

    private Reminder(Recipient recipient, ReminderKind kind, DateOnly deadline, int daysBefore, bool sent, DateTime nowUtc)
        : base(recipient.TenantId)
    {
        RemissId = recipient.RemissId;
        RecipientId = recipient.Id;
        Kind = kind;
        Deadline = deadline;
        DaysBefore = daysBefore;
        WasSent = sent;
        QueuedAt = nowUtc;
    }

    public Guid RemissId { get; private set; }

    public Guid RecipientId { get; private set; }

    public ReminderKind Kind { get; private set; }

    /// <summary>The recipient's sista svarsdag the step belonged to.</summary>
    public DateOnly Deadline { get; private set; }

    /// <summary>Days before <see cref="Deadline"/>; 0 for the overdue notice.</summary>
    public int DaysBefore { get; private set; }

    /// <summary>False for a step that fell due together with a later one and was passed over, so nobody gets two at once.</summary>
    public bool WasSent { get; private set; }

    public DateTime QueuedAt { get; private set; }

    public static Reminder Before(Recipient recipient, DateOnly deadline, int daysBefore, bool sent, DateTime nowUtc) =>
        daysBefore is < 1 or > Organisations.ReminderSchedule.MaxDaysBefore
            ? throw new ArgumentOutOfRangeException(nameof(daysBefore), daysBefore, "A step is 1–90 days before the deadline.")
            : new(recipient, ReminderKind.BeforeDeadline, deadline, daysBefore, sent, nowUtc);

    /// <summary>
    /// The record of a påminnelse an owner sent by hand on <paramref name="today"/>. Its days before the deadline are the
    /// days left that day (negative once late), so the unique index allows one a day per deadline, as the domain does.
    /// </summary>
    public static Reminder Manual(Recipient recipient, DateOnly deadline, DateOnly today, DateTime nowUtc) =>
        new(recipient, ReminderKind.Manual, deadline, deadline.DayNumber - today.DayNumber, sent: true, nowUtc);

    public static Reminder Overdue(Recipient recipient, DateOnly deadline, DateTime nowUtc) =>
        new(recipient, ReminderKind.Overdue, deadline, 0, sent: true, nowUtc);
}

/// <summary>The record that the owners of a remiss got the day's list of late recipients.</summary>
public sealed class LateDigest : TenantEntity
{
    private LateDigest()
    {
    }

    public LateDigest(Remiss remiss, DateOnly date, int lateRecipients, DateTime nowUtc)
        : base(remiss.TenantId)
    {
        RemissId = remiss.Id;
        Date = date;
        LateRecipients = lateRecipients > 0
            ? lateRecipients
            : throw new ArgumentOutOfRangeException(nameof(lateRecipients), lateRecipients, "A digest lists at least one late recipient.");
        QueuedAt = nowUtc;
    }

    public Guid RemissId { get; private set; }

    /// <summary>The tenant's calendar date of the digest: one a day per remiss.</summary>
    public DateOnly Date { get; private set; }

    public int LateRecipients { get; private set; }

    public DateTime QueuedAt { get; private set; }
}
