namespace Remiss.Tests.TestSupport;

using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Persistence;

/// <summary>Saving a remiss built in a test as the services do: the remiss and its remissinstanser, two aggregates.</summary>
public static class RemissDatabase
{
    /// <summary>Adds the remiss and every remissinstans the builders made for it (<see cref="A.RecipientsOf"/>).</summary>
    public static void AddRemiss(this AppDbContext db, Remiss remiss)
    {
        db.Remisser.Add(remiss);
        db.Recipients.AddRange(A.RecipientsOf(remiss));
    }
}
