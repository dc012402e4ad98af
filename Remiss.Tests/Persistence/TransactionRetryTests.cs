namespace Remiss.Tests.Persistence;

using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Persistence;
using Remiss.Tests.TestSupport;

/// <summary>A transaction the execution strategy runs again after a transient error starts from a clean change tracker.</summary>
public sealed class TransactionRetryTests
{
    [Fact]
    public async Task ARetriedAttempt_DoesNotCarryTheFailedAttemptsTrackedRows()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext(null);
        var tenant = A.Tenant("retry", "Försöksstad");
        var attempt = Transactions.FreshOnRetry(db, _ =>
        {
            db.Tenants.Add(Tenant.Create($"t{Guid.NewGuid():N}"[..20], "Ny kund", A.Now));
            return Task.FromResult(db.ChangeTracker.Entries().Count());
        });
        db.Tenants.Add(tenant);

        var first = await attempt(CancellationToken.None);
        var second = await attempt(CancellationToken.None);

        Assert.Equal(2, first);
        Assert.Equal(1, second);
    }
}
