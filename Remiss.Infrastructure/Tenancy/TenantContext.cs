namespace Remiss.Infrastructure.Tenancy;

/// <summary>The tenant a request or a job works for. Set once, by the tenant middleware or by a job from its argument.</summary>
public interface ITenantContext
{
    CurrentTenant? Tenant { get; }

    Guid? TenantId => Tenant?.Id;
}

public sealed record CurrentTenant(Guid Id, string Slug, string Name, string TimeZoneId);

public sealed class TenantContext : ITenantContext
{
    public CurrentTenant? Tenant { get; private set; }

    /// <summary>Sets the tenant; setting a different one later is a programming error and throws.</summary>
    public void Set(CurrentTenant tenant)
    {
        if (Tenant is not null && Tenant.Id != tenant.Id)
        {
            throw new InvalidOperationException("The tenant of this scope is already set to another tenant.");
        }

        Tenant = tenant;
    }
}
