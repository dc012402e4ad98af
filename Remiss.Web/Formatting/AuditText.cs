namespace Remiss.Web;

using Remiss.Domain.Audit;
using Remiss.Infrastructure.Email;

/// <summary>An audit entry as pages show it: the time in the tenant's zone and the action's Swedish name.</summary>
public static class AuditText
{
    public static string When(AuditEntry entry, string timeZoneId) => RemissEmails.SwedishTime(entry.OccurredAt, timeZoneId);

    public static string Label(AuditAction action) => AuditActions.Label(action);
}
