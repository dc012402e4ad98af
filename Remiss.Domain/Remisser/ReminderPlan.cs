namespace Remiss.Domain.Remisser;

/// <summary>A step that is due now: the påminnelse to send, and earlier steps of the same deadline passed over with it.</summary>
public sealed record DueReminder(int DaysBefore, IReadOnlyList<int> PassedOver);

/// <summary>
/// When the chase speaks, by the tenant's calendar. A påminnelse goes out on the day that is its number of days
/// before the recipient's own sista svarsdag, from <see cref="SendFromHour"/> in the morning Swedish time (never
/// in the night, whatever the clocks do around summer time); the overdue notice goes out the day after the deadline.
/// A run that was missed catches up, but a recipient never gets two påminnelser at once: the latest due step is sent
/// and the earlier ones are recorded as passed over. A step on or before the day the recipient learnt its deadline (the
/// invitation, an anstånd, a moved deadline) is never due: that message itself said when to answer.
/// </summary>
public static class ReminderPlan
{
    /// <summary>Local hour from which påminnelser, late notices and digests are sent.</summary>
    public const int SendFromHour = 8;

    /// <summary>True when the tenant's local time is within the hours in which the chase may send.</summary>
    public static bool IsSendingTime(DateTime localNow) => localNow.Hour >= SendFromHour;

    /// <summary>The step to send today for a recipient who has neither submitted nor declined, or null when none is due.</summary>
    /// <param name="schedule">Days before the deadline, from the remiss or else the tenant.</param>
    /// <param name="deadline">The recipient's own sista svarsdag.</param>
    /// <param name="today">The tenant's date now.</param>
    /// <param name="deadlineKnownOn">The tenant's date on which the recipient was told its current deadline.</param>
    /// <param name="handled">Steps already recorded for this deadline.</param>
    public static DueReminder? Due(IReadOnlyCollection<int> schedule, DateOnly deadline, DateOnly today, DateOnly deadlineKnownOn, IReadOnlyCollection<int> handled)
    {
        if (today > deadline)
        {
            return null;
        }

        var due = schedule
            .Where(days => !handled.Contains(days))
            .Select(days => (days, on: deadline.AddDays(-days)))
            .Where(step => step.on <= today && step.on > deadlineKnownOn)
            .Select(step => step.days)
            .Order()
            .ToList();
        return due.Count == 0 ? null : new DueReminder(due[0], [.. due.Skip(1)]);
    }

    /// <summary>
    /// Whether a recipient that has not answered is close to its deadline: closer than the last påminnelse of the
    /// schedule (2 days by default), so the owner's follow-up shows it in red together with the late ones. Far from the
    /// deadline "Ej påbörjat" is no cause for alarm. Without påminnelser before the deadline nothing is close.
    /// </summary>
    public static bool IsNearDeadline(IReadOnlyCollection<int> schedule, DateOnly deadline, DateOnly today) =>
        schedule.Count > 0 && today <= deadline && deadline.DayNumber - today.DayNumber < schedule.Min();

    /// <summary>The overdue notice is due from the day after the deadline, once per deadline.</summary>
    public static bool OverdueNoticeDue(DateOnly deadline, DateOnly today, bool alreadySent) => today > deadline && !alreadySent;
}
