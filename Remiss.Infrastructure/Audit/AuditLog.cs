namespace Remiss.Infrastructure.Audit;

using Remiss.Domain.Audit;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>Who is acting in this scope: the signed-in user of a request, or nobody (the system).</summary>
public interface IAuditActor
{
    Guid? UserId { get; }

    string? Name { get; }
}

/// <summary>The actor of a scope without a request, e.g. a job: the system.</summary>
public sealed class SystemAuditActor : IAuditActor
{
    public Guid? UserId => null;

    public string? Name => null;
}

/// <summary>The kinds of row an audit entry can concern.</summary>
public static class AuditSubjects
{
    public const string Remiss = "Remiss";
    public const string Recipient = "Recipient";
    public const string Organisation = "Organisation";
    public const string User = "User";
    public const string Tenant = "Tenant";
}

/// <summary>
/// The one way changes are recorded: every service calls <see cref="Record"/> before its own SaveChanges, so the
/// entry is written in the same transaction as the change and exists exactly when the change does. A refused action
/// throws before it saves, and leaves no entry.
/// </summary>
public sealed class AuditLog(AppDbContext db, ITenantContext tenantContext, TimeProvider clock, IAuditActor actor)
{
    /// <summary>Adds an entry for the current tenant, by the current actor, to the context, unsaved.</summary>
    public AuditEntry Record(AuditAction action, string subjectType, Guid? subjectId, string summary, Guid? remissId = null) =>
        RecordAs(actor.UserId, actor.Name, action, subjectType, subjectId, summary, remissId);

    /// <summary>As <see cref="Record"/>, for an actor the request does not know yet (signing in).</summary>
    public AuditEntry RecordAs(Guid? actorId, string? actorName, AuditAction action, string subjectType, Guid? subjectId, string summary, Guid? remissId = null)
    {
        var tenantId = tenantContext.TenantId ?? throw new InvalidOperationException("An audit entry needs the tenant it belongs to.");
        var entry = AuditEntry.Create(tenantId, clock.GetUtcNow().UtcDateTime, actorId, actorName, action, subjectType, subjectId, remissId, summary);
        db.AuditEntries.Add(entry);
        return entry;
    }
}
