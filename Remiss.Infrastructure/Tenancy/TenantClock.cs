namespace Remiss.Infrastructure.Tenancy;

using Remiss.Domain.Common;

/// <summary>
/// "Now" and "today" for the tenant of this request or job: the one place that joins the clock and the tenant's time
/// zone, so every page and service agrees on the date, also where no tenant is set (then Swedish time).
/// </summary>
public sealed class TenantClock(ITenantContext tenantContext, TimeProvider clock)
{
    private TenantCalendar? _calendar;

    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    public TenantCalendar Calendar => _calendar ??= TenantCalendar.For(tenantContext.Tenant?.TimeZoneId);

    /// <summary>The calendar date it is now in the tenant's time zone.</summary>
    public DateOnly Today => Calendar.Today(NowUtc);

    /// <summary>An instant as the tenant's people read it: "30 november 2023 kl. 11.00".</summary>
    public string DateAndTime(DateTime utc) => Calendar.DateAndTime(utc);
}
