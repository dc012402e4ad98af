namespace Remiss.Infrastructure.Identity;

using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// Puts sign-ins and failed sign-ins of a tenant's accounts in that tenant's log. An address without an account,
/// or the platform operator's account, belongs to no tenant: those attempts are only logged by the application.
/// </summary>
public sealed class SignInRecorder(AppDbContext db, TenantContext tenantContext, AuditLog audit)
{
    public async Task RecordAsync(ApplicationUser user, bool succeeded, string summary, CancellationToken cancellationToken)
    {
        if (user.TenantId is not { } tenantId)
        {
            return;
        }

        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken).ConfigureAwait(false);
        tenantContext.Set(new CurrentTenant(tenant.Id, tenant.Slug, tenant.Name, tenant.TimeZoneId));
        audit.RecordAs(user.Id, user.Email, succeeded ? AuditAction.SignedIn : AuditAction.SignInFailed, AuditSubjects.User, user.Id, summary);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
