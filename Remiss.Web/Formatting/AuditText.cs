namespace Remiss.Web;

using Remiss.Domain.Audit;
using Remiss.Domain.Common;

/// <summary>An audit entry as pages show it: the time in the tenant's zone and the action's Swedish name.</summary>
public static class AuditText
{
    public static string When(AuditEntry entry, string timeZoneId) => TenantCalendar.For(timeZoneId).DateAndTime(entry.OccurredAt);

    public static string Label(AuditAction action) => AuditActions.Label(action);
}
