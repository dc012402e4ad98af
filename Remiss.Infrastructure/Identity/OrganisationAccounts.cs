namespace Remiss.Infrastructure.Identity;

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

/// <summary>
/// Everything that ties an account to a tenant for sign-in with the organisation's provider, in one place, so that
/// a change of the account model (one account, access to several tenants) changes only this class. Today an account
/// belongs to at most one tenant (<see cref="ApplicationUser.TenantId"/>).
/// </summary>
public sealed class OrganisationAccounts(UserManager<ApplicationUser> users, ILogger<OrganisationAccounts> logger)
{
    /// <summary>Whether the account may work in the tenant.</summary>
    public Task<bool> HasAccessAsync(ApplicationUser user, Guid tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var allowed = user.TenantId == tenantId;
        if (!allowed)
        {
            logger.LogWarning("User {UserId} has no access to tenant {TenantId}: refused.", user.Id, tenantId);
        }

        return Task.FromResult(allowed);
    }

    /// <summary>
    /// Gives the account access to the tenant, without any organisation. An account of another tenant is refused
    /// (false) and logged: today an account has one tenant.
    /// </summary>
    public async Task<bool> GrantAccessAsync(ApplicationUser user, Guid tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.TenantId == tenantId)
        {
            return true;
        }

        if (user.TenantId is not null)
        {
            logger.LogWarning("User {UserId} belongs to another tenant; access to tenant {TenantId} refused.", user.Id, tenantId);
            return false;
        }

        user.TenantId = tenantId;
        return (await users.UpdateAsync(user).ConfigureAwait(false)).Succeeded;
    }
}
