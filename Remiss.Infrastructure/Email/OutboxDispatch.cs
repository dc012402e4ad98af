namespace Remiss.Infrastructure.Email;

using System.Runtime.CompilerServices;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

/// <summary>Starts the delivery of stored messages: one background job per message.</summary>
public interface IOutboxDispatcher
{
    /// <summary>Sends the message as soon as a worker is free.</summary>
    void Dispatch(Guid tenantId, Guid messageId);

    /// <summary>Tries the message again at <paramref name="atUtc"/>.</summary>
    void Schedule(Guid tenantId, Guid messageId, DateTime atUtc);
}

/// <summary>
/// A Hangfire job per message. Hangfire's own retries are off for it (<see cref="OutboxJobs.SendAsync"/>): the
/// outbox row keeps the attempts, so the delays survive a restart and an operator can see them. Should the enqueue
/// itself fail, the message is still stored and the sweep sends it.
/// </summary>
public sealed partial class HangfireOutboxDispatcher(IBackgroundJobClient jobs, ILogger<HangfireOutboxDispatcher> logger) : IOutboxDispatcher
{
    public void Dispatch(Guid tenantId, Guid messageId) =>
        Try(messageId, () => jobs.Enqueue<OutboxJobs>(j => j.SendAsync(tenantId, messageId, CancellationToken.None)));

    public void Schedule(Guid tenantId, Guid messageId, DateTime atUtc) =>
        Try(messageId, () => jobs.Schedule<OutboxJobs>(
            j => j.SendAsync(tenantId, messageId, CancellationToken.None),
            new DateTimeOffset(DateTime.SpecifyKind(atUtc, DateTimeKind.Utc))));

    private void Try(Guid messageId, Action enqueue)
    {
        try
        {
            enqueue();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogNotEnqueued(e, messageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue e-mail {MessageId}; the outbox sweep will send it.")]
    private partial void LogNotEnqueued(Exception failure, Guid messageId);
}

/// <summary>
/// After a save commits, dispatches the messages it added: a message is only ever dispatched once its row exists,
/// so a job can never look for a message that a rolled-back transaction took away.
/// </summary>
public sealed class OutboxDispatchInterceptor(IOutboxDispatcher dispatcher) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<(Guid TenantId, Guid Id)>> _added = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Dispatch(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Dispatch(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        Forget(eventData.Context);
        base.SaveChangesFailed(eventData);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var added = context.ChangeTracker.Entries<OutboxMessage>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => (e.Entity.TenantId, e.Entity.Id))
            .ToList();
        if (added.Count > 0)
        {
            _added.AddOrUpdate(context, added);
        }
        else
        {
            _added.Remove(context);
        }
    }

    private void Dispatch(DbContext? context)
    {
        if (context is null || !_added.TryGetValue(context, out var added))
        {
            return;
        }

        _added.Remove(context);
        foreach (var (tenantId, id) in added)
        {
            dispatcher.Dispatch(tenantId, id);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _added.Remove(context);
        }
    }
}
