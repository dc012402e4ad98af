namespace Remiss.Infrastructure.Identity;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Remiss.Infrastructure.Persistence;

/// <summary>
/// Everything that ties an account to a tenant for sign-in with the organisation's provider, in one place: the
/// person's <see cref="TenantAccess"/> to the tenant whose provider vouched for them (decision 0011).
/// </summary>
public sealed class OrganisationAccounts(AppDbContext db, TimeProvider clock, ILogger<OrganisationAccounts> logger)
{
    /// <summary>Whether the account has an active access to the tenant.</summary>
    public async Task<bool> HasAccessAsync(ApplicationUser user, Guid tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var allowed = await db.TenantAccesses.AnyAsync(a => a.UserId == user.Id && a.TenantId == tenantId && a.IsActive, cancellationToken).ConfigureAwait(false);
        if (!allowed)
        {
            logger.LogWarning("User {UserId} has no active access to tenant {TenantId}: refused.", user.Id, tenantId);
        }

        return allowed;
    }

    /// <summary>
    /// Gives the account an access to the tenant, without any organisation or role, when it has none: the tenant's own
    /// provider has vouched for the person, and the administrator then sees them in Användare. An access the
    /// administrator deactivated stays deactivated: false, logged.
    /// </summary>
    public async Task<bool> GrantAccessAsync(ApplicationUser user, Guid tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var existing = await db.TenantAccesses.SingleOrDefaultAsync(a => a.UserId == user.Id && a.TenantId == tenantId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            if (!existing.IsActive)
            {
                logger.LogWarning("User {UserId} came from the provider of tenant {TenantId}, where their access is deactivated: refused.", user.Id, tenantId);
            }

            return existing.IsActive;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var access = TenantAccess.Grant(user.Id, tenantId, isAdmin: false, now);
        access.FirstUsedAt = now;
        db.TenantAccesses.Add(access);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
