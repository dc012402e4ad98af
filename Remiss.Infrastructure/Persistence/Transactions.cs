namespace Remiss.Infrastructure.Persistence;

using Microsoft.EntityFrameworkCore;

public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, for a change that takes several SaveChanges (Identity's user
    /// manager saves as it goes). Goes through the provider's execution strategy, which SQL Server's retry on failure
    /// requires of a transaction the application begins itself.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this AppDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(
            async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                var result = await work(ct).ConfigureAwait(false);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return result;
            },
            cancellationToken);
}
