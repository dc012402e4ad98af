namespace Remiss.Web.Hosting;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Demo;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// <c>dotnet run -c Release --project Remiss.Web -- benchmark load [seconds]</c>: the app on the embedded default (a fresh
/// SQLite file, the demo) on 127.0.0.1, its demo remiss sent to 300 recipients, then 32 clients signed in as 32
/// different users for at most 60 seconds: owners read the start page and the follow-up page, secretaries read the
/// start page and the yttrande form and save drafts. Then the same 32 clients read a trivial page (the sign-in page)
/// as the baseline. It prints requests per second, p50/p95/p99 and errors per kind, and the ratio to the baseline.
/// Loopback only; every loop is bounded by time and by count.
/// </summary>
public static partial class LoadBenchmark
{
    public const int Clients = 32;
    public const int Owners = 4;
    public const int Recipients = 300;
    private const int MaxRequestsPerClient = 20_000;

    public static IReadOnlyDictionary<string, string?> Settings(string folder) => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:MigrateOnStartup"] = "true",
        ["ConnectionStrings:Remiss"] = $"Data Source={Path.Combine(folder, "load.db")}",
        ["Demo:Seed"] = "true",
        ["Files:Root"] = Path.Combine(folder, "files"),
        ["Smtp:Host"] = string.Empty,
        ["Smtp:PickupDirectory"] = Path.Combine(folder, "mail"),
        ["RateLimits:AccountPostsPerWindow"] = "1000",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
        ["Logging:LogLevel:Remiss"] = "Warning",
    };

    public static async Task RunAsync(WebApplication app, TimeSpan duration, TextWriter output, CancellationToken cancellationToken)
    {
        var (remissId, users) = await EnlargeDemoAsync(app.Services, cancellationToken);
        if (Environment.GetEnvironmentVariable("REMISS_LOAD_CLIENTS") is { } few && int.TryParse(few, CultureInfo.InvariantCulture, out var n) && n is > 1 and < Clients)
        {
            // One owner and n-1 secretaries, to see what a request costs without the others' queueing.
            users = [users[0], .. users.Skip(Owners).Take(n - 1)];
        }

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Load: {address} — demo remiss sent to {Recipients} recipients; {Clients} clients signed in as different users, {duration.TotalSeconds:F0} s per phase"));

        var clients = new List<(HttpClient Client, bool IsOwner)>();
        foreach (var (email, isOwner) in users)
        {
            clients.Add((await SignedInAsync(address, email, cancellationToken), isOwner));
        }

        var story = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var errors = new ConcurrentDictionary<string, int>();
        var remissPath = $"/malmo/remisser/{remissId}";
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(c => Task.Run(() => c.IsOwner
            ? OwnerLoopAsync(c.Client, remissPath, duration, story, errors, cancellationToken)
            : SecretaryLoopAsync(c.Client, remissPath, duration, story, errors, cancellationToken), cancellationToken)));
        var storySeconds = watch.Elapsed.TotalSeconds;

        var baseline = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        watch.Restart();
        await Task.WhenAll(clients.Select(c => Task.Run(() => BaselineLoopAsync(c.Client, duration, baseline, errors, cancellationToken), cancellationToken)));
        var baselineSeconds = watch.Elapsed.TotalSeconds;

        output.WriteLine($"{"kind",-24} {"requests",9} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7}");
        foreach (var (kind, times) in story.OrderBy(k => k.Key, StringComparer.Ordinal).Concat(baseline))
        {
            var seconds = baseline.ContainsKey(kind) ? baselineSeconds : storySeconds;
            Print(output, kind, [.. times], seconds, errors.GetValueOrDefault(kind));
        }

        var all = story.Values.SelectMany(t => t).ToList();
        Print(output, "all of the story", all, storySeconds, story.Keys.Sum(k => errors.GetValueOrDefault(k)));
        var followUp = story.GetValueOrDefault("follow-up page")?.Count / storySeconds ?? 0;
        var trivial = baseline.Values.Single().Count / baselineSeconds;

        // The follow-up page is read by 4 of the 32 clients while the rest do other work; its throughput per client
        // against the baseline's per client is the fair comparison.
        var followUpPerClient = followUp / Owners;
        var trivialPerClient = trivial / Clients;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"follow-up page per client {followUpPerClient:F1} req/s vs baseline per client {trivialPerClient:F1} req/s: ratio {followUpPerClient / trivialPerClient:P0}; all story requests {all.Count / storySeconds:F0} req/s vs baseline {trivial:F0} req/s: ratio {all.Count / storySeconds / trivial:P0}; errors {errors.Values.Sum()}"));

        foreach (var (client, _) in clients)
        {
            client.Dispose();
        }
    }

    private static void Print(TextWriter output, string kind, List<double> times, double seconds, int errorCount)
    {
        times.Sort();
        double At(double p) => times.Count == 0 ? 0 : times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-24} {times.Count,9} {times.Count / seconds,8:F0} {At(0.50),8:F1} {At(0.95),8:F1} {At(0.99),8:F1} {errorCount,7}"));
    }

    private static async Task OwnerLoopAsync(
        HttpClient client, string remissPath, TimeSpan duration, ConcurrentDictionary<string, ConcurrentBag<double>> times, ConcurrentDictionary<string, int> errors, CancellationToken cancellationToken)
    {
        var until = Stopwatch.StartNew();
        for (var i = 0; i < MaxRequestsPerClient && until.Elapsed < duration; i++)
        {
            await TimedGetAsync(client, i % 4 == 0 ? "/malmo" : remissPath, i % 4 == 0 ? "start page" : "follow-up page", times, errors, cancellationToken);
        }
    }

    private static async Task SecretaryLoopAsync(
        HttpClient client, string remissPath, TimeSpan duration, ConcurrentDictionary<string, ConcurrentBag<double>> times, ConcurrentDictionary<string, int> errors, CancellationToken cancellationToken)
    {
        var until = Stopwatch.StartNew();
        var version = 0;
        for (var i = 0; i < MaxRequestsPerClient && until.Elapsed < duration; i++)
        {
            switch (i % 4)
            {
                case 0:
                    await TimedGetAsync(client, "/malmo", "start page", times, errors, cancellationToken);
                    break;
                case 1:
                case 2:
                    var form = await TimedGetAsync(client, remissPath + "/yttrande", "yttrande form", times, errors, cancellationToken);
                    if (form is not null && VersionInput().Match(form) is { Success: true } v)
                    {
                        version = int.Parse(v.Groups[1].Value, CultureInfo.InvariantCulture);
                    }

                    break;
                default:
                    version = await SaveDraftAsync(client, remissPath, version, i, times, errors, cancellationToken);
                    break;
            }
        }
    }

    private static async Task BaselineLoopAsync(
        HttpClient client, TimeSpan duration, ConcurrentDictionary<string, ConcurrentBag<double>> times, ConcurrentDictionary<string, int> errors, CancellationToken cancellationToken)
    {
        var until = Stopwatch.StartNew();
        for (var i = 0; i < MaxRequestsPerClient && until.Elapsed < duration; i++)
        {
            await TimedGetAsync(client, "/konto/logga-in", "baseline: sign-in page", times, errors, cancellationToken);
        }
    }

    private static async Task<string?> TimedGetAsync(
        HttpClient client, string path, string kind, ConcurrentDictionary<string, ConcurrentBag<double>> times, ConcurrentDictionary<string, int> errors, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await client.GetAsync(path, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            times.GetOrAdd(kind, _ => []).Add(watch.Elapsed.TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
                return null;
            }

            return body;
        }
        catch (HttpRequestException)
        {
            errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
            return null;
        }
    }

    private static async Task<int> SaveDraftAsync(
        HttpClient client, string remissPath, int version, int round, ConcurrentDictionary<string, ConcurrentBag<double>> times, ConcurrentDictionary<string, int> errors, CancellationToken cancellationToken)
    {
        const string kind = "save draft (autosave)";
        var form = await client.GetStringAsync(remissPath + "/yttrande", cancellationToken);
        var token = Token().Match(form).Groups[1].Value;
        var url = WebUtility.HtmlDecode(AutosaveUrl().Match(form).Groups[1].Value);
        var current = VersionInput().Match(form) is { Success: true } v ? int.Parse(v.Groups[1].Value, CultureInfo.InvariantCulture) : version;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Version"] = current.ToString(CultureInfo.InvariantCulture),
            ["Input.Summary"] = string.Create(CultureInfo.InvariantCulture, $"Nämnden tillstyrker förslaget. Sparat i omgång {round}."),
        });
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await client.PostAsync(url, content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            times.GetOrAdd(kind, _ => []).Add(watch.Elapsed.TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK || !body.Contains("\"saved\":true", StringComparison.Ordinal))
            {
                errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
                return current;
            }

            return SavedVersion().Match(body) is { Success: true } saved ? int.Parse(saved.Groups[1].Value, CultureInfo.InvariantCulture) : current;
        }
        catch (HttpRequestException)
        {
            errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
            return current;
        }
    }

    private static async Task<HttpClient> SignedInAsync(Uri address, string email, CancellationToken cancellationToken)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = address };
        var page = await client.GetStringAsync("/konto/logga-in", cancellationToken);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
            ["Input.Email"] = email,
            ["Input.Password"] = DemoOptions.Password,
        });
        using var response = await client.PostAsync("/konto/logga-in", form, cancellationToken);
        if (response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/malmo", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"{email} could not sign in.");
        }

        return client;
    }

    /// <summary>Adds organisations until the demo remiss has 300 recipients, 32 users with the demo password, and sends it.</summary>
    private static async Task<(Guid RemissId, List<(string Email, bool IsOwner)> Users)> EnlargeDemoAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Slug == "malmo", cancellationToken);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(new CurrentTenant(tenant.Id, tenant.Slug, tenant.Name, tenant.TimeZoneId));
        var remiss = await db.Remisser.Include(r => r.Recipients).Include(r => r.Questions).SingleAsync(r => r.Diarienummer == "STK-2023-137", cancellationToken);
        var owner = await db.Organisations.SingleAsync(o => o.Id == remiss.OwnerOrganisationId, cancellationToken);
        for (var i = remiss.Recipients.Count + 1; i <= Recipients; i++)
        {
            var organisation = Organisation.Create(tenant.Id, string.Create(CultureInfo.InvariantCulture, $"Nämnd {i:D3}"), OrganisationKind.Namnd, string.Create(CultureInfo.InvariantCulture, $"namnd{i:D3}@malmo.example"));
            db.Organisations.Add(organisation);
            remiss.AddRecipient(organisation);
        }

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        remiss.Send(tenant.Calendar().Today(now), now);
        await db.SaveChangesAsync(cancellationToken);

        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var recipients = remiss.Recipients.Take(Clients - Owners).ToList();
        var users = new List<(string, bool)>();
        for (var i = 0; i < Clients; i++)
        {
            var isOwner = i < Owners;
            var email = string.Create(CultureInfo.InvariantCulture, $"last{i:D2}@malmo.example");
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, TenantId = tenant.Id, DisplayName = string.Create(CultureInfo.InvariantCulture, $"Lastanvändare {i:D2}"), CreatedAt = now };
            var created = await userManager.CreateAsync(user, DemoOptions.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join(", ", created.Errors.Select(e => e.Description)));
            }

            db.Memberships.Add(Membership.Create(isOwner ? owner : await db.Organisations.SingleAsync(o => o.Id == recipients[i - Owners].OrganisationId, cancellationToken), user.Id));
            users.Add((email, isOwner));
        }

        await db.SaveChangesAsync(cancellationToken);
        return (remiss.Id, users);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("data-autosave-url=\"([^\"]+)\"")]
    private static partial Regex AutosaveUrl();

    [GeneratedRegex("name=\"Input\\.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionInput();

    [GeneratedRegex("\"version\":(\\d+)")]
    private static partial Regex SavedVersion();
}
