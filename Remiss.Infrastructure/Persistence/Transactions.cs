namespace Remiss.Infrastructure.Persistence;

using Microsoft.EntityFrameworkCore;

public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, for a change that takes several SaveChanges (Identity's user
    /// manager saves as it goes). Goes through the provider's execution strategy, which SQL Server's retry on failure
    /// requires of a transaction the application begins itself. A retried attempt starts from a clean change tracker
    /// (<see cref="FreshOnRetry{T}"/>).
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this AppDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var attempt = FreshOnRetry(db, work);
        return db.Database.CreateExecutionStrategy().ExecuteAsync(
            async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                var result = await attempt(ct).ConfigureAwait(false);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return result;
            },
            cancellationToken);
    }

    /// <summary>
    /// <paramref name="work"/>, which from its second run on first forgets what the context tracks. After a transient
    /// error the failed attempt's rows are still tracked (added, changed, deleted); run again on top of them, the retry
    /// would save the first attempt's changes twice or fail on them. The work then tracks only what it does itself.
    /// </summary>
    public static Func<CancellationToken, Task<T>> FreshOnRetry<T>(AppDbContext db, Func<CancellationToken, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        var runs = 0;
        return ct =>
        {
            if (Interlocked.Increment(ref runs) > 1)
            {
                db.ChangeTracker.Clear();
            }

            return work(ct);
        };
    }
}
