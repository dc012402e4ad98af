namespace Remiss.Infrastructure.Identity;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Remiss.Domain.Audit;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// What a person does to their own account (signing in, a new password, two-step verification) belongs to no one tenant:
/// it goes to the log of every tenant the account has an access to. Each tenant's line is written in a scope of that
/// tenant's own, so the tenant stamp on writes keeps guarding every save; the platform operator, with no tenant, is
/// logged by the application only. Called after the change is saved: a refused change leaves no line.
/// </summary>
public sealed class AccountAudit(IServiceScopeFactory scopes, PersonTenants tenants, ILogger<AccountAudit> logger)
{
    public async Task RecordAsync(ApplicationUser user, AuditAction action, string summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var tenantIds = await tenants.AccessTenantIdsAsync(user.Id, cancellationToken).ConfigureAwait(false);
        if (tenantIds.Count == 0)
        {
            logger.LogInformation("Account {UserId} without a tenant: {Action}.", user.Id, action);
            return;
        }

        foreach (var tenantId in tenantIds)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken).ConfigureAwait(false);
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(new CurrentTenant(tenant.Id, tenant.Slug, tenant.Name, tenant.TimeZoneId));
            scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAs(user.Id, user.Email, action, AuditSubjects.User, user.Id, summary);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
