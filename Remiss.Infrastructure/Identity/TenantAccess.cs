namespace Remiss.Infrastructure.Identity;

/// <summary>
/// A person's access to one tenant: what makes an account a user of that tenant, with the tenant-admin role and the
/// active state that belong to the tenant, not to the account. One account may have access to several tenants (a
/// länsstyrelse answers remisser from many kommuner); the tenant in the URL decides which access counts, and the tenant
/// middleware reads it on every request, so a role or an access taken away is gone at the next click.
/// Not tenant-filtered: the header lists a person's tenants, and sign-in reads them before a tenant is known; every
/// query says which tenant it means.
/// </summary>
public sealed class TenantAccess
{
    private TenantAccess()
    {
    }

    public Guid UserId { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>Keeps this tenant's directory, users and settings.</summary>
    public bool IsAdmin { get; set; }

    /// <summary>A deactivated access keeps the account's history in the tenant but opens none of its pages.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; private set; }

    /// <summary>
    /// When the person first opened the tenant. Until then the administrator sees "Inbjuden", whether or not the account
    /// existed before: the list tells no tenant that an address has an account elsewhere.
    /// </summary>
    public DateTime? FirstUsedAt { get; set; }

    public static TenantAccess Grant(Guid userId, Guid tenantId, bool isAdmin, DateTime createdAt) =>
        new() { UserId = userId, TenantId = tenantId, IsAdmin = isAdmin, CreatedAt = createdAt };
}
