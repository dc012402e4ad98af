namespace Remiss.Infrastructure.Platform;

using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Persistence;

public sealed record TenantSummary(Guid Id, string Name, string Slug, bool IsSuspended, int Organisations, int Users, int OpenRemisser);

/// <summary>
/// Counts across tenants for the platform operator. The only place that lifts the tenant filter, and it
/// reads numbers only.
/// </summary>
public sealed class TenantOverview(AppDbContext db)
{
    public async Task<IReadOnlyList<TenantSummary>> ListAsync(CancellationToken cancellationToken) =>
        await Query().ToListAsync(cancellationToken).ConfigureAwait(false);

    public IQueryable<TenantSummary> Query()
    {
        string[] lifted = [AppDbContext.TenantFilter];
        return db.Tenants
            .OrderBy(t => t.Name)
            .Select(t => new TenantSummary(
                t.Id,
                t.Name,
                t.Slug,
                t.IsSuspended,
                db.Organisations.IgnoreQueryFilters(lifted).Count(o => o.TenantId == t.Id),
                db.TenantAccesses.Count(a => a.TenantId == t.Id),
                db.Remisser.IgnoreQueryFilters(lifted).Count(r => r.TenantId == t.Id && r.Status == RemissStatus.Sent)));
    }
}
