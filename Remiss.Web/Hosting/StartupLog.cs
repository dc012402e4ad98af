namespace Remiss.Web.Hosting;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Remiss.Infrastructure.Demo;
using Remiss.Infrastructure.Persistence;

public static class StartupLog
{
    /// <summary>Once the server listens, says where, and — when the demo is seeded — how to sign in.</summary>
    public static void LogAddressesAndDemoLoginsOnStart(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Remiss");
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                logger.LogInformation("Remiss är igång på {Address}", address);
            }

            if (app.Services.GetRequiredService<DatabaseInitializer>().WillSeedDemo)
            {
                logger.LogInformation("Demoinloggningar (lösenord {Password} för alla):", DemoOptions.Password);
                foreach (var (email, _, who) in DemoUsers.All)
                {
                    logger.LogInformation("  {Email} — {Who}", email, who);
                }
            }
        });
}
