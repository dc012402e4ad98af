namespace Remiss.Infrastructure.Persistence;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remiss.Infrastructure.Demo;

/// <summary>
/// Brings the database up to date at start-up where configured (the embedded default), and seeds the demo
/// into an empty database when <c>Demo:Seed</c> is on and the environment is Development: the demo's users share a
/// published password, so a staging or test server that kept the embedded default's <c>Demo:Seed</c> must not get them.
/// </summary>
public sealed class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> database,
    IOptions<DemoOptions> demo,
    IHostEnvironment environment,
    DemoDataSeeder seeder,
    ILogger<DatabaseInitializer> logger)
{
    public bool WillSeedDemo => demo.Value.Seed && environment.IsDevelopment();

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (database.Value.MigrateOnStartup)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        if (demo.Value.Seed && !environment.IsDevelopment())
        {
            logger.LogWarning("Demo:Seed is on but the environment is {Environment}: the demo is seeded only in Development.", environment.EnvironmentName);
        }
        else if (WillSeedDemo)
        {
            await seeder.SeedAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging: readers go on while an autosave writes, and writers queue instead of failing
            // (Microsoft.Data.Sqlite retries a busy database until the command timeout). The mode stays in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }

        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}
