namespace Remiss.Web.Hosting;

using System.Globalization;
using Remiss.Infrastructure;
using Remiss.Infrastructure.Persistence;

/// <summary>
/// <c>dotnet run -c Release --project Remiss.Web -- benchmark NAME</c>: the measurements named in the README, each in a
/// host of its own on a fresh SQLite file in a temporary folder that is removed afterwards. They print; they assert
/// nothing.
/// </summary>
public static class Benchmarks
{
    public static async Task<int> RunAsync(string[] args)
    {
        var name = args.Length > 1 ? args[1] : string.Empty;
        var folder = Path.Combine(Path.GetTempPath(), "remiss-benchmark-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            switch (name)
            {
                case "chaser":
                    await ChaserAsync(folder);
                    return 0;
                case "summary":
                    // The sammanställning in memory: no database, no web server.
                    await Remiss.Infrastructure.Documents.SummaryBenchmark.RunAsync(Console.Out, CancellationToken.None);
                    return 0;
                case "load":
                    var seconds = args.Length > 2 && int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? Math.Clamp(s, 6, 60) : 60;
                    await LoadAsync(folder, TimeSpan.FromSeconds(seconds));
                    return 0;
                default:
                    await Console.Error.WriteLineAsync("Usage: benchmark chaser | benchmark summary | benchmark load [seconds in all, 6 to 60]");
                    return 2;
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ChaserAsync(string folder)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(ChaserBenchmark.Settings(folder));
        var clock = new BenchmarkClock();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddRemissInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddRemissWeb(builder.Environment, builder.Configuration);
        await using var app = builder.Build();
        await ChaserBenchmark.RunAsync(app.Services, clock, Console.Out, CancellationToken.None);
    }

    /// <summary>The app as <c>dotnet run</c> starts it (Development, the demo), on a free port of 127.0.0.1.</summary>
    private static async Task LoadAsync(string folder, TimeSpan duration)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(LoadBenchmark.Settings(folder));
        builder.Services.AddRemissInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddRemissWeb(builder.Environment, builder.Configuration);
        await using var app = builder.Build();
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        app.UseRemissPipeline();
        await app.StartAsync();
        await LoadBenchmark.RunAsync(app, duration, Console.Out, CancellationToken.None);
        await app.StopAsync();
    }
}
