namespace Remiss.Domain.Common;

/// <summary>
/// Deadlines are calendar dates in the tenant's time zone: "sista svarsdag 30 november" means on time until
/// 23:59:59 Swedish time that day, whatever daylight saving time does. All instants are UTC.
/// </summary>
public sealed class TenantCalendar
{
    public const string DefaultTimeZoneId = "Europe/Stockholm";

    public TenantCalendar(TimeZoneInfo timeZone) => TimeZone = timeZone;

    public TimeZoneInfo TimeZone { get; }

    public static TenantCalendar Stockholm() => For(DefaultTimeZoneId);

    /// <summary>The calendar of a tenant's time zone; with none (a page outside every tenant) Swedish time.</summary>
    public static TenantCalendar For(string? timeZoneId) =>
        new(TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(timeZoneId) ? DefaultTimeZoneId : timeZoneId));

    /// <summary>The calendar date it is in the tenant's time zone at the given instant.</summary>
    public DateOnly Today(DateTime nowUtc) =>
        DateOnly.FromDateTime(Local(nowUtc));

    /// <summary>The tenant's wall-clock time at the given instant.</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), TimeZone);

    /// <summary>An instant as the tenant's people read it: "30 november 2023 kl. 11.00".</summary>
    public string DateAndTime(DateTime utc) => SwedishDates.DateAndTime(Local(utc));

    /// <summary>The last instant (UTC) at which an answer due on <paramref name="deadline"/> is on time.</summary>
    public DateTime EndOfDayUtc(DateOnly deadline)
    {
        // The next day begins at local midnight, or — where the clocks jump forward at midnight — at the first
        // local time that exists that day.
        var nextDayStart = deadline.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (TimeZone.IsInvalidTime(nextDayStart))
        {
            nextDayStart = nextDayStart.AddMinutes(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(nextDayStart, TimeZone).AddSeconds(-1);
    }

    /// <summary>Whole calendar days from today to the deadline (negative when it has passed).</summary>
    public int DaysLeft(DateOnly deadline, DateTime nowUtc) => deadline.DayNumber - Today(nowUtc).DayNumber;

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value.ToUniversalTime(),
    };
}
