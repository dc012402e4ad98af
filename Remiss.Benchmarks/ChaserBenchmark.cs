namespace Remiss.Benchmarks;

using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Reminders;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// <c>dotnet run -c Release --project Remiss.Benchmarks -- chaser</c>: seeds a fresh SQLite file with 50 tenants × 100
/// open remisser × 30 recipients (150,000 recipients, deadlines spread from 10 days ago to 89 days ahead, every
/// fifth recipient answered) and times whole chaser runs over every tenant, as the hourly job makes them. It measures;
/// it asserts nothing.
/// </summary>
public static class ChaserBenchmark
{
    public const int Tenants = 50;
    public const int RemisserPerTenant = 100;
    public const int RecipientsPerRemiss = 30;

    /// <summary>The benchmark's "today": runs are at 09:00 Swedish time on this day and the next.</summary>
    public static readonly DateOnly Day = new(2026, 11, 16);

    /// <summary>Settings for the benchmark's own host: a fresh SQLite file, no demo, no workers, e-mail to a temp folder.</summary>
    public static IReadOnlyDictionary<string, string?> Settings(string folder) => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:MigrateOnStartup"] = "true",
        ["ConnectionStrings:Remiss"] = $"Data Source={Path.Combine(folder, "benchmark.db")}",
        ["Demo:Seed"] = "false",
        ["Hangfire:ServerEnabled"] = "false",
        ["Smtp:Host"] = string.Empty,
        ["Smtp:PickupDirectory"] = Path.Combine(folder, "mail"),
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Remiss"] = "Warning",
    };

    public static async Task RunAsync(IServiceProvider services, BenchmarkClock clock, TextWriter output, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        DateTimeOffset At(DateOnly day, int hour) =>
            new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), stockholm), TimeSpan.Zero);

        var seeding = Stopwatch.StartNew();
        clock.Set(At(Day.AddDays(-30), 10));
        for (var t = 0; t < Tenants; t++)
        {
            await SeedTenantAsync(scopes, clock, t, cancellationToken);
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Chaser benchmark: {Tenants} tenants x {RemisserPerTenant} open remisser x {RecipientsPerRemiss} recipients = {Tenants * RemisserPerTenant * RecipientsPerRemiss:N0} recipients (SQLite, seeded in {seeding.Elapsed.TotalSeconds:F1} s)"));

        async Task TimeAsync(string name, DateTimeOffset at)
        {
            clock.Set(at);
            var watch = Stopwatch.StartNew();
            var result = await ChaserJobs.ChaseEveryTenantAsync(scopes, cancellationToken);
            watch.Stop();
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name,-44} {watch.Elapsed.TotalMilliseconds,8:F0} ms  påminnelser {result.Reminders,5}, late notices {result.OverdueNotices,5}, digests {result.Digests,4}, e-mails queued {result.Messages,6}"));
        }

        // Warm up EF's query cache and the connection pool on an hour when nothing may be sent.
        await TimeAsync($"warm-up ({Day:yyyy-MM-dd} 06:00, before sending hours)", At(Day, 6));
        await TimeAsync($"first run ever ({Day:yyyy-MM-dd} 09:00, catches up)", At(Day, 9));
        await TimeAsync($"same hour again ({Day:yyyy-MM-dd} 09:30)", At(Day, 9).AddMinutes(30));
        await TimeAsync($"next hour ({Day:yyyy-MM-dd} 10:00)", At(Day, 10));
        await TimeAsync($"next day, first run ({Day.AddDays(1):yyyy-MM-dd} 09:00)", At(Day.AddDays(1), 9));
        await TimeAsync($"next day, next hour ({Day.AddDays(1):yyyy-MM-dd} 10:00)", At(Day.AddDays(1), 10));
    }

    private static async Task SeedTenantAsync(IServiceScopeFactory scopes, BenchmarkClock clock, int index, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = clock.GetUtcNow().UtcDateTime;
        var slug = string.Create(CultureInfo.InvariantCulture, $"kommun{index:D2}");
        var tenant = Tenant.Create(slug, string.Create(CultureInfo.InvariantCulture, $"Kommun {index:D2}"), now);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(new CurrentTenant(tenant.Id, tenant.Slug, tenant.Name, tenant.TimeZoneId));
        db.Tenants.Add(tenant);

        var owner = Organisation.Create(tenant.Id, "Stadskontoret", OrganisationKind.Forvaltning, $"stadskontoret@{slug}.example");
        var recipients = Enumerable.Range(1, RecipientsPerRemiss)
            .Select(i => Organisation.Create(tenant.Id, string.Create(CultureInfo.InvariantCulture, $"Nämnd {i:D2}"), OrganisationKind.Namnd, string.Create(CultureInfo.InvariantCulture, $"namnd{i:D2}@{slug}.example")))
            .ToList();
        db.Organisations.Add(owner);
        db.Organisations.AddRange(recipients);
        foreach (var organisation in recipients.Prepend(owner))
        {
            var email = $"sekreterare.{organisation.Id:N}@{slug}.example";
            var user = new ApplicationUser { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(), DisplayName = "Sekreterare", CreatedAt = now };
            db.Users.Add(user);
            db.TenantAccesses.Add(TenantAccess.Grant(user.Id, tenant.Id, isAdmin: false, now));
            db.Memberships.Add(Membership.Create(organisation, user.Id));
        }

        var today = tenant.Calendar().Today(now);
        var userId = Guid.CreateVersion7();
        for (var r = 0; r < RemisserPerTenant; r++)
        {
            var remiss = Remiss.CreateDraft(owner, string.Create(CultureInfo.InvariantCulture, $"Remiss {r:D3}"), userId, now);
            var deadline = Day.AddDays(-10 + r);
            remiss.UpdateDetails(remiss.Title, string.Create(CultureInfo.InvariantCulture, $"KS-{index:D2}-{r:D3}"), "<p>Förslag.</p>", deadline, today);
            remiss.AddQuestion(QuestionDefinition.FreeText("Vad tycker ni om förslaget?"));
            var remissinstanser = recipients.Select(o => remiss.AddRecipient(o)).ToList();
            remiss.Send(today, now);
            for (var i = 0; i < remissinstanser.Count; i++)
            {
                remissinstanser[i].MarkInvited(now);
                if (i % 5 == 4)
                {
                    remissinstanser[i].Under(remiss.Terms).Decline(null, userId, now);
                }
            }

            db.Remisser.Add(remiss);
            db.Recipients.AddRange(remissinstanser);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A clock the benchmark sets.</summary>
public sealed class BenchmarkClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now;
}
