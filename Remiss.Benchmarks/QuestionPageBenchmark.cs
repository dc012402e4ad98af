namespace Remiss.Benchmarks;

using System.Diagnostics;
using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// <c>dotnet run -c Release --project Remiss.Benchmarks -- questions</c>: the app as <c>dotnet run</c> starts it, on a
/// fresh SQLite file on 127.0.0.1, with a remiss of 300 remissinstanser that each submitted answers of about 1,500
/// characters to 20 questions, and 1,000 synpunkter on them. The demo's handläggare signs in, finds Svar per fråga and
/// each Fråga N by their links, reads each question page a few times to warm up and then <see cref="Rounds"/> times,
/// one request at a time; it prints the time per request (median and slowest) and the page's size per question type.
/// Loopback only; bounded by count.
/// </summary>
public static class QuestionPageBenchmark
{
    public const int Recipients = 300;
    public const int Questions = 20;
    public const int Points = 1_000;
    public const int WarmUpRounds = 5;
    public const int Rounds = 20;

    public static async Task RunAsync(WebApplication app, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(output);
        var clock = Stopwatch.StartNew();
        var remissId = await SeedAsync(app.Services, cancellationToken);
        var seeded = clock.Elapsed;
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = await LoadBenchmark.SignedInAsync(address, "handlaggare@malmo.example", cancellationToken);

        var overview = await LinkAsync(client, $"/malmo/remisser/{remissId}", "Svar per fråga", cancellationToken);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"Question pages of a remiss of {Recipients} remissinstanser × {Questions} questions × about {SummaryBenchmark.AnswerLength} characters, {Points} synpunkter (seeded in {seeded.TotalSeconds:0.0} s)"));
        output.WriteLine(string.Create(c, $"  each page read {WarmUpRounds} times to warm up, then {Rounds} times, one request at a time, signed in as the owner"));
        var all = new List<double>();

        // Questions 1 to 4 are one of each type (Position, Choice, TrafficLight, FreeText), as the generator makes them.
        foreach (var number in new[] { 1, 2, 3, 4 })
        {
            var page = await LinkAsync(client, overview, $"Fråga {number}", cancellationToken);
            for (var i = 0; i < WarmUpRounds; i++)
            {
                _ = await GetAsync(client, page, cancellationToken);
            }

            var times = new List<double>();
            long size = 0;
            for (var i = 0; i < Rounds; i++)
            {
                var started = Stopwatch.GetTimestamp();
                size = await GetAsync(client, page, cancellationToken);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            times.Sort();
            all.AddRange(times);
            output.WriteLine(string.Create(c, $"  Fråga {number} ({TypeOf(number)}): median {times[times.Count / 2]:0.0} ms, slowest {times[^1]:0.0} ms, {size / 1024.0:0} KB"));
        }

        all.Sort();
        output.WriteLine(string.Create(c, $"  all question pages: median {all[all.Count / 2]:0.0} ms a request, warm"));
    }

    private static string TypeOf(int number) => (number % 4) switch
    {
        1 => "Ställningstagande",
        2 => "Val",
        3 => "Trafikljus",
        _ => "Fritext",
    };

    /// <summary>The remiss, its 300 remissinstanser with submitted yttranden, and 1,000 synpunkter under 5 themes, in tenant malmo.</summary>
    private static async Task<Guid> SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Slug == "malmo", cancellationToken);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(new CurrentTenant(tenant.Id, tenant.Slug, tenant.Name, tenant.TimeZoneId));
        var owner = await db.Organisations.SingleAsync(o => o.Name == "Stadskontoret", cancellationToken);
        var user = await db.Users.Where(u => u.Email == "handlaggare@malmo.example").Select(u => u.Id).SingleAsync(cancellationToken);
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var today = tenant.Calendar().Today(now);

        OrganisationKind[] kinds = [OrganisationKind.Namnd, OrganisationKind.Namnd, OrganisationKind.Bolag, OrganisationKind.Extern];
        var organisations = Enumerable.Range(1, Recipients)
            .Select(i => Organisation.Create(tenant.Id, string.Create(CultureInfo.InvariantCulture, $"Benchmarknämnd {i:D3}"), kinds[i % kinds.Length]))
            .ToList();
        db.Organisations.AddRange(organisations);

        var remiss = Remiss.CreateDraft(owner, "Områdeslyft: 300 remissinstanser", user, now);
        remiss.UpdateDetails(remiss.Title, "STK-BENCH-300", "<p>Förslaget.</p>", today.AddDays(60), today);
        SummaryBenchmark.AddQuestions(remiss, Questions);

        var recipients = organisations.Select(o => remiss.AddRecipient(o)).ToList();
        remiss.Send(today, now);
        var random = new Random(1337);
        var context = new ResponseContext(Tenant.DefaultStandardSections, [.. organisations.Select(o => o.Name)]);
        foreach (var recipient in recipients)
        {
            recipient.MarkInvited(now);
            recipient.Under(remiss.Terms);
            var answers = SummaryBenchmark.Answers(remiss, random);
            var content = new ResponseContent(
                SummaryBenchmark.Answer(random, 300),
                SummaryBenchmark.Answer(random, 600),
                answers,
                [],
                new DecisionContent(DecisionKind.BoardDecision, null, today, "§ 12"),
                [new SignatoryContent("Eva Svensson", "Förvaltningschef")]);
            recipient.SaveDraft(content, recipient.StartDrafting(user, now).Version, context, user, now);
            recipient.Submit(user, now);
        }

        db.Remisser.Add(remiss);
        db.Recipients.AddRange(recipients);
        await db.SaveChangesAsync(cancellationToken);

        var themes = new List<Theme>();
        foreach (var name in new[] { "Samordning", "Ekonomi", "Trygghet", "Boende", "Uppföljning" })
        {
            themes.Add(Theme.Create(remiss, name, themes));
        }

        db.Themes.AddRange(themes);
        var dispositions = Dispositions.All;
        for (var i = 0; i < Points; i++)
        {
            var recipient = recipients[i % recipients.Count];
            var content = new PointContent(
                SummaryBenchmark.Sentence(random, 25),
                SummaryBenchmark.Sentence(random, 40),
                dispositions[i % dispositions.Count],
                [themes[i % themes.Count].Id]);
            db.RaisedPoints.Add(RaisedPoint.Raise(remiss, recipient, PointSource.Question((i % Questions) + 1), content, themes, user, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return remiss.Id;
    }

    /// <summary>The address of the link named <paramref name="name"/> on the page at <paramref name="path"/>, as a person would follow it.</summary>
    private static async Task<string> LinkAsync(HttpClient client, string path, string name, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken);
        var link = document.QuerySelectorAll<IHtmlAnchorElement>("a[href]").FirstOrDefault(a => a.TextContent.Trim() == name)
            ?? throw new InvalidOperationException($"{path} has no link {name}.");
        return new Uri(new Uri(client.BaseAddress!, path), link.GetAttribute("href")).PathAndQuery;
    }

    private static async Task<long> GetAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return bytes.Length;
    }
}
