namespace Remiss.Tests.TestSupport;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Remiss.Infrastructure.Demo;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// The real app on Kestrel over HTTPS on a free port of 127.0.0.1, with a fresh SQLite file and a fake clock.
/// The environment is "Testing": not Development (so cookies are Secure and errors are hidden, as in
/// production) and not Production (so the demo can be seeded).
/// </summary>
public class RemissAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "remiss-tests", Guid.NewGuid().ToString("N"));

    public RemissAppFactory()
        : this("Testing", seedDemo: true)
    {
    }

    protected RemissAppFactory(string environment, bool seedDemo)
    {
        Environment = environment;
        SeedDemo = seedDemo;
        Directory.CreateDirectory(_folder);
        UseKestrel(o => o.Listen(IPAddress.Loopback, ListenPort, listen => listen.UseHttps(TestCertificate.Value)));
    }

    /// <summary>The port to serve on; 0 takes a free one. A subclass that must know it before start (links in e-mails) picks one.</summary>
    protected virtual int ListenPort => 0;

    public FakeClock Clock { get; } = new();

    public string Environment { get; }

    public bool SeedDemo { get; }

    public string DatabasePath => Path.Combine(_folder, "remiss.db");

    /// <summary>Where e-mails go as .eml files when no SMTP host is set.</summary>
    public string MailFolder => Path.Combine(_folder, "mail");

    /// <summary>Whether this app runs Hangfire's workers (and so its recurring jobs); off unless a test needs them.</summary>
    protected virtual bool RunsJobs => false;

    /// <summary>Sign-in and password-reset posts one address may make a minute.</summary>
    protected virtual int AccountPostsPerMinute => 10_000;

    /// <summary>The server's address, e.g. https://127.0.0.1:41234.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address);
        }
    }

    /// <summary>A browser-like session: its own cookies, no automatic redirects.</summary>
    public WebSession NewSession() => new(BaseAddress);

    /// <summary>Runs <paramref name="work"/> in a scope whose tenant is the tenant with <paramref name="slug"/>.</summary>
    public async Task<T> InTenantAsync<T>(string slug, Func<AppDbContext, IServiceProvider, Task<T>> work)
    {
        StartServer();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = db.Tenants.Single(t => t.Slug == slug);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(new CurrentTenant(tenant.Id, tenant.Slug, tenant.Name, tenant.TimeZoneId));
        return await work(db, scope.ServiceProvider);
    }

    /// <summary>
    /// Gives the existing account <paramref name="email"/> an access to tenant <paramref name="slug"/> as well, a member of
    /// <paramref name="organisation"/> there when one is named: one person working in two tenants.
    /// </summary>
    public Task<Guid> AddAccessAsync(string slug, string email, string? organisation, bool isAdmin = false) =>
        InTenantAsync(slug, async (db, _) =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.TenantAccesses.Add(TenantAccess.Grant(userId, db.CurrentTenantId!.Value, isAdmin, Clock.UtcNow));
            if (organisation is not null)
            {
                db.Memberships.Add(Membership.Create(await db.Organisations.SingleAsync(o => o.Name == organisation), userId));
            }

            await db.SaveChangesAsync();
            return userId;
        });

    /// <summary>
    /// A signed-up user of tenant <paramref name="slug"/> with the demo password, a member of
    /// <paramref name="organisation"/> (by name) when one is named, in <paramref name="role"/> when one is named.
    /// </summary>
    public Task<Guid> AddUserAsync(string slug, string email, string name, string? organisation, string? role) =>
        InTenantAsync(slug, async (db, services) =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = Clock.UtcNow };
            Assert.True((await users.CreateAsync(user, WebSession.DemoPassword)).Succeeded, email);
            if (role == Roles.PlatformAdmin)
            {
                Assert.True((await users.AddToRoleAsync(user, role)).Succeeded, email);
            }
            else
            {
                var access = TenantAccess.Grant(user.Id, db.CurrentTenantId!.Value, isAdmin: role == Roles.TenantAdmin, Clock.UtcNow);
                access.FirstUsedAt = Clock.UtcNow;
                db.TenantAccesses.Add(access);
            }

            if (organisation is not null)
            {
                db.Memberships.Add(Membership.Create(await db.Organisations.SingleAsync(o => o.Name == organisation), user.Id));
            }

            await db.SaveChangesAsync();

            return user.Id;
        });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("ConnectionStrings:Remiss", $"Data Source={DatabasePath}");
        builder.UseSetting("Demo:Seed", SeedDemo ? "true" : "false");

        // Jobs run only where a test asks for them; e-mails never land in the source tree.
        builder.UseSetting("Hangfire:ServerEnabled", RunsJobs ? "true" : "false");
        builder.UseSetting("Smtp:PickupDirectory", MailFolder);

        // Tests sign in far more often than people; the limit itself is tested with its own setting.
        builder.UseSetting("RateLimits:AccountPostsPerWindow", AccountPostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>
    /// The app seeds its demo only in Development. The tests run as Testing (production-like cookies and error pages)
    /// and seed the same demo themselves once the app has migrated its database; Production is never seeded.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (SeedDemo && Environment == "Testing")
        {
            host.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None).GetAwaiter().GetResult();

            // Outside Development the platform operator must have two-step verification: the demo's operator has it, with a key the tests know.
            EnableOperatorTwoFactorAsync(host.Services).GetAwaiter().GetResult();
        }

        return host;
    }

    private static async Task EnableOperatorTwoFactorAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var store = (IUserAuthenticatorKeyStore<ApplicationUser>)scope.ServiceProvider.GetRequiredService<IUserStore<ApplicationUser>>();
        var operatorUser = await users.FindByEmailAsync("operator@remiss.example");
        if (operatorUser is null || operatorUser.TwoFactorEnabled)
        {
            return;
        }

        await store.SetAuthenticatorKeyAsync(operatorUser, Authenticator.OperatorKey, CancellationToken.None);
        Assert.True((await users.SetTwoFactorEnabledAsync(operatorUser, true)).Succeeded);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow machine is left for the OS to clean; the folder is under temp.
            }
        }
    }
}

/// <summary>The app as production starts it: no demo, whatever Demo:Seed says; its data-protection keys encrypted with a certificate.</summary>
public sealed class ProductionAppFactory : RemissAppFactory
{
    private readonly string _certificate = Path.Combine(Path.GetTempPath(), $"remiss-dp-{Guid.NewGuid():N}.pfx");

    public ProductionAppFactory()
        : base("Production", seedDemo: true)
    {
        File.WriteAllBytes(_certificate, TestCertificate.Value.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "test-lösen"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DataProtection:CertificatePath", _certificate);
        builder.UseSetting("DataProtection:CertificatePassword", "test-lösen");
    }

    private static async Task EnableOperatorTwoFactorAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var store = (IUserAuthenticatorKeyStore<ApplicationUser>)scope.ServiceProvider.GetRequiredService<IUserStore<ApplicationUser>>();
        var operatorUser = await users.FindByEmailAsync("operator@remiss.example");
        if (operatorUser is null || operatorUser.TwoFactorEnabled)
        {
            return;
        }

        await store.SetAuthenticatorKeyAsync(operatorUser, Authenticator.OperatorKey, CancellationToken.None);
        Assert.True((await users.SetTwoFactorEnabledAsync(operatorUser, true)).Succeeded);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_certificate);
    }
}
