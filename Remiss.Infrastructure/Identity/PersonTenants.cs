namespace Remiss.Infrastructure.Identity;

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;

/// <summary>A tenant a person may open, as the header's switcher and the start page name it.</summary>
public sealed record TenantChoice(Guid Id, string Slug, string Name);

/// <summary>
/// The tenants a person has access to now: an active <see cref="TenantAccess"/> to a tenant that is not suspended.
/// Read once per request (the header asks on every page), never from the cookie, so an access taken away is gone at once.
/// </summary>
public sealed class PersonTenants(AppDbContext db, TimeProvider clock)
{
    private const string AccessAuthenticationType = "remiss:tenant_access";

    private readonly Dictionary<Guid, IReadOnlyList<TenantChoice>> _cache = [];

    /// <summary>The person's tenants in Swedish order of their names.</summary>
    public async Task<IReadOnlyList<TenantChoice>> ActiveAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        if (!_cache.TryGetValue(userId, out var tenants))
        {
            var rows = await (
                    from a in db.TenantAccesses
                    where a.UserId == userId && a.IsActive
                    join t in db.Tenants on a.TenantId equals t.Id
                    where !t.IsSuspended
                    select new TenantChoice(t.Id, t.Slug, t.Name))
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            tenants = SwedishOrder.By(rows, t => t.Name);
            _cache[userId] = tenants;
        }

        return tenants;
    }

    /// <summary>
    /// The tenants this session may open: the person's, or only the one whose identity provider began the session.
    /// </summary>
    public async Task<IReadOnlyList<TenantChoice>> ForSessionAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.UserId() is { } userId
            ? [.. (await ActiveAsync(userId, cancellationToken).ConfigureAwait(false)).Where(t => OpensTenant(user, t.Id))]
            : [];
    }

    /// <summary>Where the session starts: the tenant the person last worked in, else the first of theirs.</summary>
    public async Task<TenantChoice?> StartAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.UserId() is { } userId
            ? await LastUsedOfAsync(userId, await ForSessionAsync(user, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>The person's start, outside a session (the e-mail for a forgotten password is sent in its name).</summary>
    public async Task<TenantChoice?> StartAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await LastUsedOfAsync(userId, await ActiveAsync(userId, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Whether the person has an active access at all, to a suspended tenant or not.</summary>
    public async Task<bool> HasActiveAccessAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.TenantAccesses.AnyAsync(a => a.UserId == userId && a.IsActive, cancellationToken).ConfigureAwait(false);

    /// <summary>Every tenant the person has an access to, active or not: whose logs record what they do to their account.</summary>
    public async Task<IReadOnlyList<Guid>> AccessTenantIdsAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.TenantAccesses.Where(a => a.UserId == userId).Select(a => a.TenantId).ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Lets <paramref name="user"/> into <paramref name="tenant"/> for this request if they have an active access to it:
    /// adds the tenant and, where the access has it, the TenantAdmin role to the principal as claims of an identity of
    /// their own, and notes that the person has opened the tenant (the first time, and when they switch). False, and
    /// nothing added, without an access.
    /// </summary>
    public async Task<bool> EnterAsync(ClaimsPrincipal user, CurrentTenant tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(tenant);
        if (user.UserId() is not { } userId || !OpensTenant(user, tenant.Id))
        {
            return false;
        }

        var access = await db.TenantAccesses.AsNoTracking()
            .Where(a => a.UserId == userId && a.TenantId == tenant.Id && a.IsActive)
            .Select(a => new { a.IsAdmin, a.FirstUsedAt, LastTenantId = db.Users.Where(u => u.Id == userId).Select(u => u.LastTenantId).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        if (access is null)
        {
            return false;
        }

        List<Claim> claims = [new(RemissClaims.TenantId, tenant.Id.ToString()), new(RemissClaims.TenantSlug, tenant.Slug)];
        if (access.IsAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, Roles.TenantAdmin));
        }

        // In place, not a new principal: authorization takes the user from the authentication result's principal. The
        // cookie is never rewritten from it (a renewed cookie is cloned from the ticket before the tenant is entered).
        user.AddIdentity(new ClaimsIdentity(claims, AccessAuthenticationType, ClaimTypes.Name, ClaimTypes.Role));

        // A write only when the person comes to the tenant for the first time, or switches to it: not on every request.
        if (access.FirstUsedAt is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.TenantAccesses.Where(a => a.UserId == userId && a.TenantId == tenant.Id && a.FirstUsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.FirstUsedAt, now), cancellationToken).ConfigureAwait(false);
        }

        if (access.LastTenantId != tenant.Id)
        {
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTenantId, tenant.Id), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task<TenantChoice?> LastUsedOfAsync(Guid userId, IReadOnlyList<TenantChoice> tenants, CancellationToken cancellationToken)
    {
        if (tenants.Count <= 1)
        {
            return tenants.Count == 0 ? null : tenants[0];
        }

        var last = await db.Users.Where(u => u.Id == userId).Select(u => u.LastTenantId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return tenants.FirstOrDefault(t => t.Id == last) ?? tenants[0];
    }

    /// <summary>A session begun by a tenant's identity provider opens that tenant only.</summary>
    private static bool OpensTenant(ClaimsPrincipal user, Guid tenantId) =>
        user.FindFirstValue(RemissClaims.ProviderTenantId) is not { } providerTenant
        || string.Equals(providerTenant, tenantId.ToString(), StringComparison.Ordinal);
}
