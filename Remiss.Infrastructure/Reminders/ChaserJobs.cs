namespace Remiss.Infrastructure.Reminders;

using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Infrastructure.Persistence;

/// <summary>
/// The recurring chase: every hour it starts one job per active tenant, each carrying its tenant id and entering
/// that tenant before touching data. Running it twice, or skipping a run, is harmless: the chaser decides from
/// stored state.
/// </summary>
public sealed class ChaserJobs(IServiceScopeFactory scopes, IBackgroundJobClient jobs)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [JobDisplayName("Påminnelser: alla kunder")]
    public async Task<int> ChaseAllAsync(CancellationToken cancellationToken)
    {
        var tenants = await ActiveTenantsAsync(scopes, cancellationToken).ConfigureAwait(false);
        foreach (var tenantId in tenants)
        {
            jobs.Enqueue<ChaserJobs>(j => j.ChaseTenantAsync(tenantId, CancellationToken.None));
        }

        return tenants.Count;
    }

    [AutomaticRetry(Attempts = 2)]
    [JobDisplayName("Påminnelser: kund {0}")]
    public async Task<ChaseResult> ChaseTenantAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineChaser>().ChaseTenantAsync(tenantId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Chases every active tenant here and now, one scope each: what the jobs do, without the queue.</summary>
    public static async Task<ChaseResult> ChaseEveryTenantAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        var total = ChaseResult.Nothing;
        foreach (var tenantId in await ActiveTenantsAsync(scopes, cancellationToken).ConfigureAwait(false))
        {
            await using var scope = scopes.CreateAsyncScope();
            total += await scope.ServiceProvider.GetRequiredService<DeadlineChaser>().ChaseTenantAsync(tenantId, cancellationToken).ConfigureAwait(false);
        }

        return total;
    }

    private static async Task<List<Guid>> ActiveTenantsAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Tenants.AsNoTracking().Where(t => !t.IsSuspended).OrderBy(t => t.Slug).Select(t => t.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
