using Remiss.Infrastructure;
using Remiss.Infrastructure.Persistence;
using Remiss.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

// `dotnet run -c Release --project Remiss.Web -- benchmark chaser`: measures the deadline chaser on generated data.
if (args is ["benchmark", "chaser", ..])
{
    var folder = Path.Combine(Path.GetTempPath(), "remiss-benchmark-" + Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(folder);
    builder.Configuration.AddInMemoryCollection(ChaserBenchmark.Settings(folder));
    var clock = new BenchmarkClock();
    builder.Services.AddSingleton<TimeProvider>(clock);
    builder.Services.AddRemissInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
    builder.Services.AddRemissWeb(builder.Environment, builder.Configuration);
    await using (var benchmarkApp = builder.Build())
    {
        await ChaserBenchmark.RunAsync(benchmarkApp.Services, clock, Console.Out, CancellationToken.None);
    }

    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
    return;
}

builder.Services.AddRemissInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddRemissWeb(builder.Environment, builder.Configuration);

var app = builder.Build();

// `dotnet Remiss.Web.dll migrate`: production applies migrations as a step of its own, then exits.
if (args.Contains("migrate", StringComparer.Ordinal))
{
    await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
    return;
}

await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
app.UseRemissPipeline();
app.LogAddressesAndDemoLoginsOnStart();
await app.RunAsync();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
