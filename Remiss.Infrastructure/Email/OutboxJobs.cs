namespace Remiss.Infrastructure.Email;

using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// The outbox's background jobs. Each message is sent in a scope of its own, under its own tenant. The sweep is the
/// safety net that makes delivery independent of job history: it sends every pending message whose time has come
/// (a lost enqueue, a restart, a retry whose job vanished) and releases claims that a crash cut off.
/// </summary>
public sealed partial class OutboxJobs(IServiceScopeFactory scopes, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxJobs> logger)
{
    /// <summary>Sends one message. Hangfire does not retry it: the sender records failures and schedules the retry.</summary>
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("E-post {1}")]
    public async Task<SendOutcome> SendAsync(Guid tenantId, Guid messageId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendAsync(tenantId, messageId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends what is due and frees stale claims; returns how many messages were sent.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("E-post: skicka det som väntar")]
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        List<(Guid TenantId, Guid Id)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var all = db.Outbox.IgnoreQueryFilters([AppDbContext.TenantFilter]);
            var staleBefore = now - settings.ClaimLease;
            var stale = await all
                .Where(m => m.State == OutboxState.Sending && m.SendingSince < staleBefore)
                .OrderBy(m => m.SendingSince)
                .Select(m => new { m.TenantId, m.Id })
                .Take(settings.SweepBatchSize)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            foreach (var claim in stale)
            {
                await ReleaseAsync(claim.TenantId, claim.Id, cancellationToken).ConfigureAwait(false);
            }

            due = [.. (await DueMessages(db, now, settings.SweepBatchSize)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false)).Select(m => (m.TenantId, m.Id))];
        }

        var sent = 0;
        foreach (var (tenantId, id) in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await SendAsync(tenantId, id, cancellationToken).ConfigureAwait(false) == SendOutcome.Sent)
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>Pending messages of every tenant whose time has come, oldest first: the sweep's query, on the (State, NextAttemptAt) index.</summary>
    internal static IQueryable<OutboxMessage> DueMessages(AppDbContext db, DateTime nowUtc, int batchSize) =>
        db.Outbox.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= nowUtc)
            .OrderBy(m => m.NextAttemptAt)
            .Take(batchSize);

    private async Task ReleaseAsync(Guid tenantId, Guid messageId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await TenantScope.EnterAsync(db, scope.ServiceProvider.GetRequiredService<TenantContext>(), tenantId, cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        var message = await db.Outbox.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken).ConfigureAwait(false);
        if (message is not { State: OutboxState.Sending })
        {
            return;
        }

        message.ReleaseStaleClaim(clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            LogReleased(messageId);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Its sender finished after all.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {MessageId} was claimed but never finished; released to be sent again with the same Message-ID.")]
    private partial void LogReleased(Guid messageId);
}
