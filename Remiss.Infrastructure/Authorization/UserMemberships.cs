namespace Remiss.Infrastructure.Authorization;

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// The organisations the signed-in user is a member of, in the current tenant, read from the database once
/// per request (so a membership removed a minute ago is gone now, not when the cookie expires).
/// </summary>
public sealed class UserMemberships(AppDbContext db, ITenantContext tenantContext)
{
    private readonly Dictionary<Guid, IReadOnlySet<Guid>> _cache = [];

    /// <summary>True when the user belongs to the tenant of this request.</summary>
    public bool IsInCurrentTenant(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && tenantContext.TenantId is { } tenant && user.TenantId() == tenant;

    public async Task<IReadOnlySet<Guid>> OrganisationIdsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!IsInCurrentTenant(user) || user.UserId() is not { } userId)
        {
            return new HashSet<Guid>();
        }

        if (!_cache.TryGetValue(userId, out var ids))
        {
            ids = (await db.Memberships.Where(m => m.UserId == userId).Select(m => m.OrganisationId).ToListAsync(cancellationToken).ConfigureAwait(false))
                .ToHashSet();
            _cache[userId] = ids;
        }

        return ids;
    }
}
