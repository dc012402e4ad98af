using Remiss.Infrastructure;
using Remiss.Infrastructure.Persistence;
using Remiss.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

builder.Services.AddRemissInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddRemissWeb(builder.Environment, builder.Configuration);

var app = builder.Build();

// `dotnet Remiss.Web.dll migrate`: production applies migrations as a step of its own, then exits.
if (args.Contains("migrate", StringComparer.Ordinal))
{
    await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
    await app.Services.GetRequiredService<Remiss.Infrastructure.Jobs.JobStorageSchema>().InstallAsync(CancellationToken.None);
    return 0;
}

await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
app.UseRemissPipeline();
app.LogAddressesAndDemoLoginsOnStart();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
