using Remiss.Infrastructure;
using Remiss.Infrastructure.Persistence;
using Remiss.Web.Hosting;

// `dotnet run -c Release --project Remiss.Web -- benchmark summary`: times the sammanställning in memory; no database, no web server.
if (args is ["benchmark", "summary", ..])
{
    await Remiss.Infrastructure.Documents.SummaryBenchmark.RunAsync(Console.Out, CancellationToken.None);
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
builder.Services.AddRemissInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddRemissWeb(builder.Environment);

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
