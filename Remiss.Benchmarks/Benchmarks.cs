namespace Remiss.Benchmarks;

using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Remiss.Infrastructure;
using Remiss.Infrastructure.Persistence;
using Remiss.Web.Hosting;

/// <summary>
/// <c>dotnet run -c Release --project Remiss.Benchmarks -- summary|final|chaser|load [seconds]</c>: the measurements named
/// in the README, each in a host of its own on a fresh SQLite file in a temporary folder that is removed afterwards.
/// They print; they assert nothing.
/// </summary>
public static class Benchmarks
{
    public const string Usage = "Usage: summary | final | chaser | load [seconds in all, 6 to 60] | questions";

    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var name = args.Length > 0 ? args[0] : string.Empty;
        if (name is not ("summary" or "final" or "chaser" or "load" or "questions"))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var folder = Path.Combine(Path.GetTempPath(), "remiss-benchmark-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            switch (name)
            {
                case "chaser":
                    await ChaserAsync(folder);
                    break;
                case "questions":
                    await QuestionPagesAsync(folder);
                    break;
                case "summary":
                    // The sammanställning in memory: no database, no web server.
                    await SummaryBenchmark.RunAsync(Console.Out, CancellationToken.None);
                    break;
                case "final":
                    // The final sammanställning with 1,000 synpunkter, likewise in memory.
                    await FinalSummaryBenchmark.RunAsync(Console.Out, CancellationToken.None);
                    break;
                default:
                    var seconds = args.Length > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? Math.Clamp(s, 6, 60) : 60;
                    await LoadAsync(folder, TimeSpan.FromSeconds(seconds));
                    break;
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Options for a host of the real app started from this console. The app is Remiss.Web: its pages are found in
    /// its assembly, not in this one, and its appsettings files (copied next to this program by the build) are read
    /// from here, wherever the command is started.
    /// </summary>
    public static WebApplicationOptions AppOptions(string environment) => new()
    {
        ApplicationName = typeof(WebRegistration).Assembly.GetName().Name,
        ContentRootPath = AppContext.BaseDirectory,
        EnvironmentName = environment,
    };

    private static async Task ChaserAsync(string folder)
    {
        // Development, as `dotnet run` of the app itself starts it.
        var builder = WebApplication.CreateBuilder(AppOptions(Environments.Development));
        builder.Configuration.AddInMemoryCollection(ChaserBenchmark.Settings(folder));
        var clock = new BenchmarkClock();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddRemissInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddRemissWeb(builder.Environment, builder.Configuration);
        await using var app = builder.Build();
        await ChaserBenchmark.RunAsync(app.Services, clock, Console.Out, CancellationToken.None);
    }

    /// <summary>The question pages of a remiss of 300 remissinstanser, on the app as <c>dotnet run</c> starts it.</summary>
    private static async Task QuestionPagesAsync(string folder)
    {
        await using var app = await StartedAppAsync(folder);
        await QuestionPageBenchmark.RunAsync(app, Console.Out, CancellationToken.None);
        await app.StopAsync();
    }

    /// <summary>The app as <c>dotnet run</c> starts it (Development, the demo) on a free port of 127.0.0.1, started.</summary>
    private static async Task<WebApplication> StartedAppAsync(string folder)
    {
        var builder = WebApplication.CreateBuilder(AppOptions(Environments.Development));
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(LoadBenchmark.Settings(folder));
        builder.Services.AddRemissInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddRemissWeb(builder.Environment, builder.Configuration);
        var app = builder.Build();
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        app.UseRemissPipeline();
        await app.StartAsync();
        return app;
    }

    /// <summary>The app as <c>dotnet run</c> starts it (Development, the demo), on a free port of 127.0.0.1.</summary>
    private static async Task LoadAsync(string folder, TimeSpan duration)
    {
        var builder = WebApplication.CreateBuilder(AppOptions(Environments.Development));
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(LoadBenchmark.Settings(folder));
        builder.Services.AddRemissInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddRemissWeb(builder.Environment, builder.Configuration);
        await using var app = builder.Build();
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        app.UseRemissPipeline();

        // The second baseline is this host's alone: Remiss.Web's own routing never maps it.
        var sameSize = new SameSizeBaseline();
        app.MapSameSizeBaseline(sameSize);
        await app.StartAsync();
        await LoadBenchmark.RunAsync(app, sameSize, duration, Console.Out, CancellationToken.None);
        await app.StopAsync();
    }
}
