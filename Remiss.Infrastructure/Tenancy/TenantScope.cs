namespace Remiss.Infrastructure.Tenancy;

using Microsoft.EntityFrameworkCore;
using Remiss.Infrastructure.Persistence;

/// <summary>How a background job, which has no request to take the tenant from, enters the tenant its argument names.</summary>
public static class TenantScope
{
    /// <summary>Sets the scope's tenant from the database; false when the tenant does not exist.</summary>
    public static async Task<CurrentTenant?> EnterAsync(AppDbContext db, TenantContext context, Guid tenantId, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking()
            .Where(t => t.Id == tenantId)
            .Select(t => new CurrentTenant(t.Id, t.Slug, t.Name, t.TimeZoneId))
            .SingleOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        if (tenant is not null)
        {
            context.Set(tenant);
        }

        return tenant;
    }
}
