namespace Remiss.Tests.Web;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Demo;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Persistence;
using Remiss.Tests.TestSupport;

/// <summary>The demo of domain.md, seeded once into an empty database, and never in production.</summary>
public sealed class DemoDataTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    private static readonly string[] MalmoRecipients =
    [
        "Tekniska nämnden", "Miljönämnden", "Funktionsstödsnämnden", "Förskolenämnden", "Grundskolenämnden",
        "Gymnasie- och vuxenutbildningsnämnden", "Hälsa-, vård- och omsorgsnämnden", "Arbetsmarknads- och socialnämnden",
        "Fritidsnämnden", "Kulturnämnden", "Servicenämnden", "Stadsbyggnadsnämnden", "MKB", "Parkering Malmö",
        "Parkeringsövervakning i Malmö AB",
    ];

    private static readonly string[] DemoEmails =
    [
        "handlaggare@malmo.example", "asn@malmo.example", "grundskola@malmo.example", "mkb@malmo.example",
        "admin@malmo.example", "handlaggare@lund.example", "operator@remiss.example",
    ];

    [Fact]
    public async Task Demo_HasTheTwoTenants()
    {
        var tenants = await factory.InTenantAsync("malmo", (db, _) => db.Tenants.OrderBy(t => t.Slug).Select(t => new { t.Slug, t.Name, t.IsSuspended, t.TimeZoneId }).ToListAsync());

        Assert.Equal(2, tenants.Count);
        Assert.Equal(("lund", "Lunds kommun"), (tenants[0].Slug, tenants[0].Name));
        Assert.Equal(("malmo", "Malmö stad"), (tenants[1].Slug, tenants[1].Name));
        Assert.All(tenants, t => Assert.False(t.IsSuspended));
        Assert.All(tenants, t => Assert.Equal("Europe/Stockholm", t.TimeZoneId));
    }

    [Fact]
    public async Task Malmo_HasStadskontoretAndTheFifteenRecipientsOfTheSeed_WithTheirKinds()
    {
        var organisations = await factory.InTenantAsync("malmo", (db, _) => db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Kind));

        Assert.Equal(16, organisations.Count);
        Assert.Equal(OrganisationKind.Forvaltning, organisations["Stadskontoret"]);
        Assert.All(MalmoRecipients, name => Assert.True(organisations.ContainsKey(name), $"{name} is missing."));
        Assert.Equal(OrganisationKind.Bolag, organisations["MKB"]);
        Assert.Equal(OrganisationKind.Bolag, organisations["Parkering Malmö"]);
        Assert.Equal(OrganisationKind.Bolag, organisations["Parkeringsövervakning i Malmö AB"]);
        Assert.Equal(OrganisationKind.Namnd, organisations["Hälsa-, vård- och omsorgsnämnden"]);
        Assert.Equal(OrganisationKind.Namnd, organisations["Arbetsmarknads- och socialnämnden"]);
        Assert.Equal(12, organisations.Values.Count(k => k == OrganisationKind.Namnd));
    }

    [Fact]
    public async Task Lund_HasAFewOrganisationsOfItsOwn_AndSeesNoneOfMalmos()
    {
        var names = await factory.InTenantAsync("lund", (db, _) => db.Organisations.Select(o => o.Name).ToListAsync());

        Assert.Contains("Kommunledningskontoret", names);
        Assert.InRange(names.Count, 2, 10);
        Assert.DoesNotContain("Stadskontoret", names);
        Assert.DoesNotContain("Arbetsmarknads- och socialnämnden", names);
    }

    [Fact]
    public async Task Demo_HasTheSevenUsers_WithTheirTenantsRolesAndMemberships()
    {
        await factory.InTenantAsync("malmo", async (db, services) =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var malmo = await db.Tenants.SingleAsync(t => t.Slug == "malmo");
            var lund = await db.Tenants.SingleAsync(t => t.Slug == "lund");

            Assert.Equal(7, await db.Users.CountAsync());
            Assert.Equal(DemoEmails.Order(StringComparer.Ordinal), (await db.Users.Select(u => u.Email!).ToListAsync()).Order(StringComparer.Ordinal));
            Assert.Equal(5, await db.TenantAccesses.CountAsync(a => a.TenantId == malmo.Id && a.IsActive));
            Assert.Equal(1, await db.TenantAccesses.CountAsync(a => a.TenantId == lund.Id && a.IsActive));
            var operatorId = (await users.FindByEmailAsync("operator@remiss.example"))!.Id;
            Assert.False(await db.TenantAccesses.AnyAsync(a => a.UserId == operatorId));

            Assert.Equal(["admin@malmo.example"], await db.TenantAccesses.Where(a => a.IsAdmin).Select(a => db.Users.Single(u => u.Id == a.UserId).Email).ToListAsync());
            Assert.Equal(["operator@remiss.example"], (await users.GetUsersInRoleAsync(Roles.PlatformAdmin)).Select(u => u.Email));

            foreach (var email in DemoEmails)
            {
                var user = await users.FindByEmailAsync(email);
                Assert.NotNull(user);
                Assert.True(await users.CheckPasswordAsync(user, DemoOptions.Password), $"{email} does not take the demo password.");
            }

            Assert.Equal(["Stadskontoret"], await MembershipsAsync(db, "handlaggare@malmo.example"));
            Assert.Equal(["Arbetsmarknads- och socialnämnden"], await MembershipsAsync(db, "asn@malmo.example"));
            Assert.Equal(["Grundskolenämnden"], await MembershipsAsync(db, "grundskola@malmo.example"));
            Assert.Equal(["MKB"], await MembershipsAsync(db, "mkb@malmo.example"));
            Assert.Empty(await MembershipsAsync(db, "admin@malmo.example"));
            return 0;
        });
    }

    [Fact]
    public async Task Malmo_HasTheDemoRemissAsADraftWithFourQuestionsAndFifteenRecipients()
    {
        var remiss = await factory.InTenantAsync("malmo", (db, _) =>
            db.WholeRemissAsync());
        var organisations = await factory.InTenantAsync("malmo", (db, _) => db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Name));

        Assert.Equal(RemissStatus.Draft, remiss.Status);
        Assert.Equal("STK-2023-137", remiss.Diarienummer);
        Assert.StartsWith("Definiera och starta ett långsiktigt och strategiskt områdeslyft", remiss.Title, StringComparison.Ordinal);
        Assert.Equal("Stadskontoret", organisations[remiss.OwnerOrganisationId]);
        Assert.Equal(new DateOnly(2027, 11, 30), remiss.Deadline);
        Assert.False(string.IsNullOrWhiteSpace(remiss.Description));
        Assert.Empty(remiss.ProblemsBeforeSending(new DateOnly(2026, 11, 23)));

        Assert.Equal([1, 2, 3, 4], remiss.Questions.Select(q => q.Number));
        Assert.Equal(
            [QuestionType.FreeText, QuestionType.FreeText, QuestionType.Position, QuestionType.Choice],
            remiss.Questions.Select(q => q.Type));
        Assert.True(remiss.Questions[3].OptionsAreOrganisations);
        Assert.All(remiss.Questions, q => Assert.False(string.IsNullOrWhiteSpace(q.Text)));

        Assert.Equal(15, remiss.Recipients.Count);
        Assert.Equal(
            MalmoRecipients.Order(StringComparer.Ordinal),
            remiss.Recipients.Select(r => organisations[r.OrganisationId]).Order(StringComparer.Ordinal));
        var statuses = await factory.InTenantAsync("malmo", (db, _) => db.Recipients.Where(r => r.RemissId == remiss.Id).Select(r => r.Status).ToListAsync());
        Assert.Equal(15, statuses.Count);
        Assert.All(statuses, s => Assert.Equal(RecipientStatus.NotStarted, s));
    }

    [Fact]
    public void DemoDeadline_IsTheNext30NovemberAtLeastThreeWeeksAway()
    {
        Assert.Equal(new DateOnly(2027, 11, 30), DemoDataSeeder.DemoDeadline(new DateOnly(2026, 11, 23)));
        Assert.Equal(new DateOnly(2026, 11, 30), DemoDataSeeder.DemoDeadline(new DateOnly(2026, 11, 9)));
        Assert.Equal(new DateOnly(2027, 11, 30), DemoDataSeeder.DemoDeadline(new DateOnly(2026, 11, 10)));
        Assert.Equal(new DateOnly(2027, 11, 30), DemoDataSeeder.DemoDeadline(new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public async Task Seeding_AgainOnTheSameDatabase_DoesNothing()
    {
        var before = await CountsAsync(factory);

        var seeded = await factory.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);

        Assert.False(seeded);
        Assert.Equal(before, await CountsAsync(factory));
    }

    [Fact]
    public async Task StartingTheAppASecondTime_OnTheSameDatabase_DoesNotSeedTwice()
    {
        var before = await CountsAsync(factory);

        await using var second = new SameDatabaseAppFactory(factory.DatabasePath);
        using var session = second.NewSession();
        using var health = await session.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        Assert.Equal(before, await CountsAsync(second));
        Assert.Equal(before, await CountsAsync(factory));
    }

    [Fact]
    public async Task Production_SeedsNoDemo_EvenWithDemoSeedOn()
    {
        await using var production = new ProductionAppFactory();
        using var session = production.NewSession();

        using var health = await session.GetAsync("/readyz");
        var (signIn, page) = await session.SignInAsync("handlaggare@malmo.example");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await using var scope = production.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.Tenants.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal("/konto/logga-in", signIn.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Fel e-postadress eller lösenord.", page.QuerySelector(".error-summary")?.TextContent ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStagingServer_WithTheEmbeddedDefaultsDemoSeedOn_SeedsNoDemo()
    {
        // The demo's users share a published password: only a developer's own machine (Development) gets them.
        await using var staging = new EnvironmentAppFactory("Staging");
        using var session = staging.NewSession();

        using var health = await session.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await using var scope = staging.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.CountAsync());
    }

    private static async Task<(int Tenants, int Organisations, int Users, int Remisser, int Memberships)> CountsAsync(RemissAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenants = await db.Tenants.CountAsync();
        var organisations = await db.Organisations.IgnoreQueryFilters([AppDbContext.TenantFilter]).CountAsync();
        var users = await db.Users.CountAsync();
        var remisser = await db.Remisser.IgnoreQueryFilters([AppDbContext.TenantFilter]).CountAsync();
        var memberships = await db.Memberships.IgnoreQueryFilters([AppDbContext.TenantFilter]).CountAsync();
        return (tenants, organisations, users, remisser, memberships);
    }

    private static async Task<List<string>> MembershipsAsync(AppDbContext db, string email)
    {
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await (from m in db.Memberships
                      join o in db.Organisations on m.OrganisationId equals o.Id
                      where m.UserId == userId
                      select o.Name).ToListAsync();
    }

    /// <summary>A second app on the database of the first: what a restart, or a second web instance, sees.</summary>
    private sealed class SameDatabaseAppFactory(string databasePath) : RemissAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Remiss", $"Data Source={databasePath}");
        }
    }

    /// <summary>The app in another environment, with Demo:Seed on as the embedded default has it.</summary>
    private sealed class EnvironmentAppFactory(string environment) : RemissAppFactory(environment, seedDemo: true);
}
