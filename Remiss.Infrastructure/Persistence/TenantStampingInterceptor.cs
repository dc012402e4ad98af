namespace Remiss.Infrastructure.Persistence;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Remiss.Domain.Common;

/// <summary>
/// The last line of defence for tenancy on writes: a new tenant-owned row without a tenant gets the current
/// one; any row of another tenant, or any tenant-owned row written with no current tenant, stops the save.
/// </summary>
public sealed class TenantStampingInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private static void Stamp(DbContext? context)
    {
        if (context is not AppDbContext db)
        {
            return;
        }

        foreach (var entry in db.ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var current = db.CurrentTenantId
                ?? throw new TenantMismatchException($"A {entry.Metadata.ClrType.Name} was written without a current tenant.");
            var tenantId = entry.Property(e => e.TenantId);
            if (entry.State == EntityState.Added && tenantId.CurrentValue == Guid.Empty)
            {
                tenantId.CurrentValue = current;
            }
            else if (tenantId.CurrentValue != current || (entry.State != EntityState.Added && tenantId.OriginalValue != current))
            {
                throw new TenantMismatchException($"A {entry.Metadata.ClrType.Name} of another tenant was written as tenant {current}.");
            }
        }
    }
}

/// <summary>A write crossed tenants. Never shown to a user: it means a bug or an attack, and is logged as such.</summary>
public sealed class TenantMismatchException : InvalidOperationException
{
    public TenantMismatchException(string message)
        : base(message)
    {
    }

    public TenantMismatchException()
    {
    }

    public TenantMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
