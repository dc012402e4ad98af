namespace Remiss.Tests.TestSupport;

using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;

/// <summary>Saving a remiss built in a test as the services do: the remiss and its remissinstanser, two aggregates.</summary>
public static class RemissDatabase
{
    /// <summary>Adds the remiss and every remissinstans the builders made for it (<see cref="A.RecipientsOf"/>).</summary>
    public static void AddRemiss(this AppDbContext db, Remiss remiss)
    {
        db.Remisser.Add(remiss);
        db.Recipients.AddRange(A.RecipientsOf(remiss));
    }

    /// <summary>The one remiss that matches, whole, as the reader loads it (its recipients' entries with it).</summary>
    public static async Task<Remiss> WholeRemissAsync(this AppDbContext db, Expression<Func<Remiss, bool>>? predicate = null)
    {
        var id = await db.Remisser.Where(predicate ?? (_ => true)).Select(r => r.Id).SingleAsync();
        return (await new RemissReader(db, new TenantContext()).FindAsync(id, CancellationToken.None))!;
    }
}
