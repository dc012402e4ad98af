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
            throw new DomainException($"Påminnelser kan skickas 1–{MaxDaysBefore} dagar före sista svarsdag.");
        }

        if (days.Distinct().Count() != days.Count)
        {
            throw new DomainException("Samma dag kan inte anges två gånger i påminnelseschemat.");
        }

        return [.. days.OrderDescending()];
    }
}
