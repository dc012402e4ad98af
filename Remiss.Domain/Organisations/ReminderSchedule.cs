namespace Remiss.Domain.Organisations;

using Remiss.Domain.Common;

/// <summary>The days before a deadline on which a påminnelse is sent: 14, 7 and 2 unless a tenant or remiss says otherwise.</summary>
public static class ReminderSchedule
{
    public const int MaxDaysBefore = 90;

    public static List<int> Validate(IEnumerable<int> daysBefore)
    {
        var days = daysBefore.ToList();
        if (days.Any(d => d is < 1 or > MaxDaysBefore))
        {
            throw new DomainException(Field.ReminderDays, RefusalKey.ReminderDaysOutOfRange, MaxDaysBefore);
        }

        if (days.Distinct().Count() != days.Count)
        {
            throw new DomainException(Field.ReminderDays, RefusalKey.ReminderDaysRepeated);
        }

        return [.. days.OrderDescending()];
    }
}
