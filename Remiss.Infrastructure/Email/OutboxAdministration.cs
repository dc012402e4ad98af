namespace Remiss.Infrastructure.Email;

using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Common;
using Remiss.Infrastructure.Persistence;

/// <summary>One message that did not go out as it should, as a tenant admin sees it.</summary>
public sealed record TroubledMessage(
    Guid Id, DateTime CreatedAt, string ToAddress, string Subject, EmailReason Reason, OutboxState State, int Attempts, string? LastError, DateTime? NextAttemptAt);

/// <summary>The tenant admin's view of the tenant's outbox: what failed for good, what is waiting to be retried, and a retry.</summary>
public sealed class OutboxAdministration(AppDbContext db, IOutboxDispatcher dispatcher, TimeProvider clock)
{
    /// <summary>Given-up messages, and pending ones that have failed at least once, newest first (under the tenant filter).</summary>
    public async Task<IReadOnlyList<TroubledMessage>> TroubledAsync(CancellationToken cancellationToken) =>
        await db.Outbox.AsNoTracking()
            .Where(m => m.State == OutboxState.Failed || (m.State == OutboxState.Pending && m.Attempts > 0))
            .OrderByDescending(m => m.CreatedAt)
            .Take(500)
            .Select(m => new TroubledMessage(m.Id, m.CreatedAt, m.ToAddress, m.Subject, m.Reason, m.State, m.Attempts, m.LastError, m.NextAttemptAt))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

    /// <summary>Sends a given-up message once more, with the same Message-ID.</summary>
    /// <returns>False when the tenant has no such message (another tenant's id looks the same): the caller answers 404.</returns>
    public async Task<bool> RetryAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var message = await db.Outbox.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            return false;
        }

        if (message.State != OutboxState.Failed)
        {
            throw new DomainException(Field.Form, RefusalKey.ResendOnlyFailed);
        }

        message.Retry(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        dispatcher.Dispatch(message.TenantId, message.Id);
        return true;
    }
}
