namespace Remiss.Benchmarks;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Demo;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// <c>dotnet run -c Release --project Remiss.Benchmarks -- load [seconds]</c>: the app on the embedded default (a fresh
/// SQLite file, the demo) on 127.0.0.1, its demo remiss sent to 300 recipients, then 32 clients signed in as 32
/// different users for at most <c>seconds</c> (60, and never more) in all. First a few clients warm up, not counted,
/// until the JIT has compiled the app's hot code to its final tier, as on a server that has run a while (a sixth of
/// the time at least, half at most). Of the rest, two fifths are the story: owners read the start page and the
/// follow-up page, secretaries read the start page and the yttrande form and save drafts. A fifth 32 owners read only
/// the follow-up page; a fifth the same 32 owners read the same-size baseline (the follow-up page's bytes written from
/// memory, <see cref="SameSizeBaseline"/>); the last fifth the story's 32 clients read a trivial page (the sign-in
/// page) as the baseline. It prints requests per second, p50/p95/p99 and errors per kind, and per phase the processor
/// time and allocations per request; then the follow-up page's cost, the story's, and the follow-up page's processor
/// time against both baselines'. <c>REMISS_LOAD_CLIENTS=n</c> runs one owner and n-1 secretaries instead (and n
/// owners alone), to see what a request costs without queueing. Pages are read with an HTML parser (AngleSharp).
/// Loopback only; every loop is bounded by time and by count.
/// </summary>
public static class LoadBenchmark
{
    public const int Clients = 32;
    public const int Owners = 4;
    public const int Recipients = 300;
    private const int MaxRequestsPerClient = 20_000;
    private const int MaxWarmUpRequestsPerClient = 8;
    private const string SameSizeKind = "baseline: same size";

    /// <summary>The warm-up ends when a second of it compiles fewer methods than this, after a sixth of the time at least and half at most.</summary>
    private const int QuietJitMethodsPerSecond = 25;
    private const double MinWarmUpShare = 1.0 / 6;
    private const double MaxWarmUpShare = 0.5;

    /// <summary>The size of the last response of each kind, for the table.</summary>
    private static readonly ConcurrentDictionary<string, long> PageSizes = new();

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

    public static async Task RunAsync(WebApplication app, SameSizeBaseline sameSize, TimeSpan total, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(sameSize);
        ArgumentNullException.ThrowIfNull(output);
        var (remissId, storyUsers, owners) = await EnlargeDemoAsync(app.Services, cancellationToken);
        if (Environment.GetEnvironmentVariable("REMISS_LOAD_CLIENTS") is { } few && int.TryParse(few, CultureInfo.InvariantCulture, out var n) && n is >= 1 and < Clients)
        {
            // One owner and n-1 secretaries (1: the owner alone), to see what a request costs without the others' queueing.
            storyUsers = [storyUsers[0], .. storyUsers.Skip(Owners).Take(n - 1)];
            owners = [.. owners.Take(n)];
        }

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var remissPath = $"/malmo/remisser/{remissId}";
        var clients = new List<(HttpClient Client, bool IsOwner)>();
        var forms = new ConcurrentDictionary<HttpClient, YttrandeForm>();
        foreach (var (email, isOwner) in storyUsers)
        {
            var client = await SignedInAsync(address, email, cancellationToken);
            clients.Add((client, isOwner));
            if (!isOwner)
            {
                // Each secretary opens the yttrande form once, as a browser would, and parses it: not counted, so that
                // the client's parsing does not weigh on the server's figures (client and server share the process).
                forms[client] = await OpenFormAsync(client, remissPath + "/yttrande", cancellationToken);
            }
        }

        var ownerClients = new List<HttpClient>();
        foreach (var email in owners)
        {
            ownerClients.Add(await SignedInAsync(address, email, cancellationToken));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Load: {address} — demo remiss sent to {Recipients} recipients; {clients.Count} clients signed in as different users"));
        var warmUpTimes = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var warmUpErrors = new ConcurrentDictionary<string, int>();
        var started = Stopwatch.StartNew();
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        // Warm up until the JIT is done: it compiles the hot code to its final tier on a background thread, thousands
        // of methods, as on a server that has run a while. A few clients (an owner and secretaries) reach every page
        // without starving that thread.
        List<(HttpClient Client, bool IsOwner)> warmers = clients.Count > 8 ? [.. clients.Where((_, i) => i % 8 is 0 or 5)] : clients;
        while (started.Elapsed < total * MaxWarmUpShare)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            await RunStoryAsync(warmers, forms, remissPath, TimeSpan.FromSeconds(1), warmUpTimes, warmUpErrors, cancellationToken);
            if (started.Elapsed >= total * MinWarmUpShare && System.Runtime.JitInfo.GetCompiledMethodCount() - before < QuietJitMethodsPerSecond)
            {
                break;
            }
        }

        var warmUp = started.Elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {warmUp.TotalSeconds:F0} s (not counted), {warmUpTimes.Values.Sum(t => t.Count)} requests, {warmUpErrors.Values.Sum()} errors, {System.Runtime.JitInfo.GetCompiledMethodCount() - jitted} methods compiled"));

        // What is left: two fifths the story, a fifth each the follow-up page alone and the two baselines.
        var rest = total - warmUp;
        var storyDuration = rest * 2 / 5;
        var aloneDuration = rest / 5;
        var sameSizeDuration = rest / 5;
        var baselineDuration = rest - storyDuration - aloneDuration - sameSizeDuration;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Phases: story {storyDuration.TotalSeconds:F1} s, the follow-up page alone {aloneDuration.TotalSeconds:F1} s ({ownerClients.Count} owners), same-size baseline {sameSizeDuration.TotalSeconds:F1} s (the same owners), sign-in baseline {baselineDuration.TotalSeconds:F1} s ({clients.Count} clients of the story)"));

        var errors = new ConcurrentDictionary<string, int>();
        var story = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var (storySeconds, storyUse) = await MeasureAsync(() => RunStoryAsync(clients, forms, remissPath, storyDuration, story, errors, cancellationToken));

        const string AloneKind = "follow-up page alone";
        var alone = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var (aloneSeconds, aloneUse) = await MeasureAsync(() => Task.WhenAll(ownerClients.Select(c => Task.Run(
            () => RepeatAsync(c, remissPath, AloneKind, aloneDuration, alone, errors, cancellationToken), cancellationToken))));

        // The follow-up page as the owners have just read it, now that the story's saves are over: its bytes, served
        // from memory, are the same-size baseline. A few requests first, not counted, compile its endpoint; the
        // phase is shorter by the time they take, so that the whole stays within its seconds.
        var preparing = Stopwatch.StartNew();
        await ServeFollowUpPageAsync(ownerClients[0], remissPath, sameSize, cancellationToken);
        var notCounted = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        await Task.WhenAll(ownerClients.Select(c => Task.Run(
            () => RepeatAsync(c, SameSizeBaseline.Path, SameSizeKind, TimeSpan.FromSeconds(0.2), notCounted, warmUpErrors, cancellationToken, MaxWarmUpRequestsPerClient), cancellationToken)));
        sameSizeDuration = TimeSpan.FromTicks(Math.Max(sameSizeDuration.Ticks / 2, (sameSizeDuration - preparing.Elapsed).Ticks));

        var sameSizeTimes = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var (sameSizeSeconds, sameSizeUse) = await MeasureAsync(() => Task.WhenAll(ownerClients.Select(c => Task.Run(
            () => RepeatAsync(c, SameSizeBaseline.Path, SameSizeKind, sameSizeDuration, sameSizeTimes, errors, cancellationToken), cancellationToken))));

        const string BaselineKind = "baseline: sign-in page";
        var baseline = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var (baselineSeconds, baselineUse) = await MeasureAsync(() => Task.WhenAll(clients.Select(c => Task.Run(
            () => RepeatAsync(c.Client, "/konto/logga-in", BaselineKind, baselineDuration, baseline, errors, cancellationToken), cancellationToken))));

        output.WriteLine($"{"kind",-24} {"requests",9} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7} {"page KB",8}");
        foreach (var (kind, times) in story.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            Print(output, kind, [.. times], storySeconds, errors.GetValueOrDefault(kind));
        }

        var all = story.Values.SelectMany(t => t).ToList();
        Print(output, "all of the story", all, storySeconds, story.Keys.Sum(k => errors.GetValueOrDefault(k)));
        var reads = story.Where(k => !k.Key.StartsWith("save", StringComparison.Ordinal)).SelectMany(k => k.Value).ToList();
        Print(output, "reads of the story", reads, storySeconds, story.Keys.Where(k => !k.StartsWith("save", StringComparison.Ordinal)).Sum(k => errors.GetValueOrDefault(k)));
        Print(output, AloneKind, [.. alone.GetValueOrDefault(AloneKind) ?? []], aloneSeconds, errors.GetValueOrDefault(AloneKind));
        Print(output, SameSizeKind, [.. sameSizeTimes.GetValueOrDefault(SameSizeKind) ?? []], sameSizeSeconds, errors.GetValueOrDefault(SameSizeKind));
        Print(output, BaselineKind, [.. baseline.GetValueOrDefault(BaselineKind) ?? []], baselineSeconds, errors.GetValueOrDefault(BaselineKind));

        var aloneCount = alone.Values.Sum(t => t.Count);
        var sameSizeCount = sameSizeTimes.Values.Sum(t => t.Count);
        var baselineCount = baseline.Values.Sum(t => t.Count);
        var aloneRate = aloneCount / aloneSeconds;
        var sameSizeRate = sameSizeCount / sameSizeSeconds;
        var baselineRate = baselineCount / baselineSeconds;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"follow-up page {aloneRate:F0} req/s vs sign-in baseline {baselineRate:F0} req/s: ratio {aloneRate / baselineRate:P1}; vs same-size baseline ({sameSize.Length:N0} bytes) {sameSizeRate:F0} req/s: ratio {aloneRate / sameSizeRate:P1}; errors {errors.Values.Sum()}"));

        // Client and server share the process: these are both sides', per request.
        output.WriteLine(storyUse.Describe("story", all.Count));
        output.WriteLine(aloneUse.Describe("follow-up page alone", aloneCount));
        output.WriteLine(sameSizeUse.Describe("same-size baseline", sameSizeCount));
        output.WriteLine(baselineUse.Describe("sign-in baseline", baselineCount));

        // The three figures the page's cost is judged by, apart and together.
        var followUp = aloneUse.PerRequest(aloneCount);
        var whole = storyUse.PerRequest(all.Count);
        var sameSizeCost = sameSizeUse.PerRequest(sameSizeCount);
        var signInCost = baselineUse.PerRequest(baselineCount);
        output.WriteLine("What a page costs (processor time and allocations of client and server, per request):");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  follow-up page:                {followUp.ProcessorMs,7:F2} ms processor  {followUp.AllocatedKb,6:F0} KB allocated  (targets <= 3 ms, <= 400 KB)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  the whole story:               {whole.ProcessorMs,7:F2} ms processor  {whole.AllocatedKb,6:F0} KB allocated  (target <= 2 ms)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  follow-up page / same-size baseline: {Ratio(followUp.ProcessorMs, sameSizeCost.ProcessorMs),5:F1} x processor time  (target <= 4; baseline {sameSizeCost.ProcessorMs:F2} ms)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  follow-up page / sign-in baseline:   {Ratio(followUp.ProcessorMs, signInCost.ProcessorMs),5:F1} x processor time  (baseline {signInCost.ProcessorMs:F2} ms)"));

        foreach (var client in clients.Select(c => c.Client).Concat(ownerClients))
        {
            client.Dispose();
        }
    }

    private static double Ratio(double value, double baseline) => baseline > 0 ? value / baseline : double.NaN;

    /// <summary>Reads the follow-up page once and serves its bytes, with its content type, as the same-size baseline.</summary>
    private static async Task ServeFollowUpPageAsync(HttpClient owner, string remissPath, SameSizeBaseline sameSize, CancellationToken cancellationToken)
    {
        using var response = await owner.GetAsync(remissPath, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        sameSize.Serve(body, response.Content.Headers.ContentType?.ToString() ?? "text/html; charset=utf-8");
    }

    private static async Task<(double Seconds, MemoryUse Use)> MeasureAsync(Func<Task> phase)
    {
        var before = MemoryUse.Now();
        var watch = Stopwatch.StartNew();
        await phase();
        return (watch.Elapsed.TotalSeconds, MemoryUse.Now() - before);
    }

    /// <summary>
    /// What the process has used so far: processor time (robust against other work on the machine, unlike latency),
    /// bytes allocated, collections per generation and time paused for them.
    /// </summary>
    private readonly record struct MemoryUse(TimeSpan Processor, long Allocated, int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Jitted, TimeSpan Jitting)
    {
        public static MemoryUse Now() =>
            new(Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());

        public static MemoryUse operator -(MemoryUse after, MemoryUse before) =>
            new(after.Processor - before.Processor, after.Allocated - before.Allocated, after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Paused - before.Paused, after.Jitted - before.Jitted, after.Jitting - before.Jitting);

        public (double ProcessorMs, double AllocatedKb) PerRequest(int requests) =>
            (Processor.TotalMilliseconds / Math.Max(1, requests), Allocated / 1024.0 / Math.Max(1, requests));

        public string Describe(string phase, int requests) => string.Create(
            CultureInfo.InvariantCulture,
            $"{phase}: {Processor.TotalMilliseconds / Math.Max(1, requests):F2} ms processor and {Allocated / 1024.0 / Math.Max(1, requests):F0} KB allocated per request; collections gen0 {Gen0} gen1 {Gen1} gen2 {Gen2}, paused {Paused.TotalMilliseconds:F0} ms; {Jitted} methods compiled in {Jitting.TotalMilliseconds:F0} ms");
    }

    private static void Print(TextWriter output, string kind, List<double> times, double seconds, int errorCount)
    {
        times.Sort();
        double At(double p) => times.Count == 0 ? 0 : times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        var size = PageSizes.TryGetValue(kind, out var bytes) ? (bytes / 1024.0).ToString("F0", CultureInfo.InvariantCulture) : string.Empty;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-24} {times.Count,9} {times.Count / seconds,8:F0} {At(0.50),8:F1} {At(0.95),8:F1} {At(0.99),8:F1} {errorCount,7} {size,8}"));
    }

    private static Task RunStoryAsync(
        List<(HttpClient Client, bool IsOwner)> clients, ConcurrentDictionary<HttpClient, YttrandeForm> forms, string remissPath, TimeSpan duration, ConcurrentDictionary<string, ConcurrentBag<double>> times, ConcurrentDictionary<string, int> errors, CancellationToken cancellationToken) =>
        Task.WhenAll(clients.Select(c => Task.Run(() => c.IsOwner
            ? OwnerLoopAsync(c.Client, remissPath, duration, times, errors, cancellationToken)
            : SecretaryLoopAsync(c.Client, forms, remissPath, duration, times, errors, cancellationToken), cancellationToken)));

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
        HttpClient client, ConcurrentDictionary<HttpClient, YttrandeForm> forms, string remissPath, TimeSpan duration, ConcurrentDictionary<string, ConcurrentBag<double>> times, ConcurrentDictionary<string, int> errors, CancellationToken cancellationToken)
    {
        var until = Stopwatch.StartNew();
        var form = forms.GetValueOrDefault(client);
        for (var i = 0; i < MaxRequestsPerClient && until.Elapsed < duration; i++)
        {
            switch (i % 4)
            {
                case 0:
                    await TimedGetAsync(client, "/malmo", "start page", times, errors, cancellationToken);
                    break;
                case 1:
                case 2:
                    // The form is parsed again only when the client has none (after a refused save): a DOM of a
                    // 70 KB page costs more than the server's answer. The version comes from each save's answer, as
                    // the autosave script takes it.
                    form = await TimedGetAsync(client, remissPath + "/yttrande", "yttrande form", times, errors, cancellationToken, readForm: form is null) ?? form;
                    break;
                default:
                    // The autosave script posts from the open form, with the version of the last save.
                    if (form is not null)
                    {
                        form = await SaveDraftAsync(client, form, i, times, errors, cancellationToken) is { } saved ? form with { Version = saved } : null;
                    }

                    break;
            }
        }

        if (form is not null)
        {
            forms[client] = form;
        }
        else
        {
            forms.TryRemove(client, out _);
        }
    }

    /// <summary>Reads the yttrande form, untimed, for the fields a save needs.</summary>
    private static async Task<YttrandeForm> OpenFormAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await ReadAsync(response, readForm: true, cancellationToken)).Form
            ?? throw new InvalidOperationException(path + " has no yttrande form with an antiforgery token and an autosave address.");
    }

    private static async Task RepeatAsync(
        HttpClient client, string path, string kind, TimeSpan duration, ConcurrentDictionary<string, ConcurrentBag<double>> times, ConcurrentDictionary<string, int> errors, CancellationToken cancellationToken, int maxRequests = MaxRequestsPerClient)
    {
        var until = Stopwatch.StartNew();
        for (var i = 0; i < maxRequests && until.Elapsed < duration; i++)
        {
            await TimedGetAsync(client, path, kind, times, errors, cancellationToken);
        }
    }

    private static async Task<long> DrainAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            long size = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
            }

            return size;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<YttrandeForm?> TimedGetAsync(
        HttpClient client, string path, string kind, ConcurrentDictionary<string, ConcurrentBag<double>> times, ConcurrentDictionary<string, int> errors, CancellationToken cancellationToken, bool readForm = false)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var (size, form) = await ReadAsync(response, readForm, cancellationToken);
            times.GetOrAdd(kind, _ => []).Add(watch.Elapsed.TotalMilliseconds);
            PageSizes[kind] = size;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
                return null;
            }

            return form;
        }
        catch (HttpRequestException)
        {
            errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
            return null;
        }
    }

    /// <summary>What the client takes from the yttrande form to save a draft as the autosave script does.</summary>
    private sealed record YttrandeForm(string Token, Uri AutosaveUrl, int? Version);

    /// <summary>
    /// Reads the body to its end in pooled buffers, or, if asked, parses it as HTML (AngleSharp) and reads the yttrande
    /// form's antiforgery token, version and autosave address from it: the client's own copying must not weigh on the
    /// server's figures, so it parses only when it must.
    /// </summary>
    private static async Task<(long Size, YttrandeForm? Form)> ReadAsync(HttpResponseMessage response, bool readForm, CancellationToken cancellationToken)
    {
        if (!readForm)
        {
            return (await DrainAsync(response, cancellationToken), null);
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        using var stream = new MemoryStream(body, writable: false);
        using var document = await new HtmlParser().ParseDocumentAsync(stream, cancellationToken);
        var form = document.QuerySelector<IHtmlFormElement>("form[data-autosave-url]");
        var token = form?.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")?.Value;
        var autosave = form?.GetAttribute("data-autosave-url");
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(autosave) || response.RequestMessage?.RequestUri is not { } page)
        {
            return (body.Length, null);
        }

        var version = form!.QuerySelector<IHtmlInputElement>("input[name='Input.Version']")?.Value;
        return (body.Length, new YttrandeForm(
            token,
            new Uri(page, autosave),
            int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null));
    }

    /// <summary>Posts a draft as the autosave script does; the version the save answers with, or null when it was not saved.</summary>
    private static async Task<int?> SaveDraftAsync(
        HttpClient client, YttrandeForm form, int round, ConcurrentDictionary<string, ConcurrentBag<double>> times, ConcurrentDictionary<string, int> errors, CancellationToken cancellationToken)
    {
        const string kind = "save draft (autosave)";
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.Token,
            ["Input.Version"] = (form.Version ?? 0).ToString(CultureInfo.InvariantCulture),
            ["Input.Summary"] = string.Create(CultureInfo.InvariantCulture, $"Nämnden tillstyrker förslaget. Sparat i omgång {round}."),
        });
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await client.PostAsync(form.AutosaveUrl, content, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            times.GetOrAdd(kind, _ => []).Add(watch.Elapsed.TotalMilliseconds);
            var saved = response.StatusCode == HttpStatusCode.OK ? SavedVersion(body) : null;
            if (saved is null)
            {
                errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
            }

            return saved;
        }
        catch (HttpRequestException)
        {
            errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
            return null;
        }
    }

    /// <summary>The version in the autosave's answer (<c>{"saved":true,"version":n,...}</c>), or null when it did not save.</summary>
    private static int? SavedVersion(byte[] answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("saved", out var saved) && saved.ValueKind == JsonValueKind.True
                && root.TryGetProperty("version", out var version) && version.TryGetInt32(out var number)
                ? number
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Signs in through the sign-in page's own form, read with an HTML parser: its fields as a browser sends them.</summary>
    internal static async Task<HttpClient> SignedInAsync(Uri address, string email, CancellationToken cancellationToken)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = address };
        var signIn = new Uri(address, "/konto/logga-in");
        using var page = await client.GetAsync(signIn, cancellationToken);
        page.EnsureSuccessStatusCode();
        await using var stream = await page.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await new HtmlParser().ParseDocumentAsync(stream, cancellationToken);
        var form = document.QuerySelectorAll<IHtmlFormElement>("form").FirstOrDefault(f => f.QuerySelector("input[name='Input.Email']") is not null)
            ?? throw new InvalidOperationException("The sign-in page has no form with Input.Email.");
        var fields = FormFields(form);
        fields["Input.Email"] = email;
        fields["Input.Password"] = DemoOptions.Password;
        var action = form.GetAttribute("action");
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(string.IsNullOrEmpty(action) ? signIn : new Uri(signIn, action), content, cancellationToken);
        if (response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/malmo", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"{email} could not sign in.");
        }

        return client;
    }

    /// <summary>The form's named inputs as a browser submits them: no buttons or files, checkboxes and radios only when checked.</summary>
    private static Dictionary<string, string> FormFields(IHtmlFormElement form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.Elements.OfType<IHtmlInputElement>())
        {
            var type = (input.Type ?? "text").ToUpperInvariant();
            if (string.IsNullOrEmpty(input.Name) || input.IsDisabled || type is "SUBMIT" or "BUTTON" or "RESET" or "IMAGE" or "FILE" || (type is "CHECKBOX" or "RADIO" && !input.IsChecked))
            {
                continue;
            }

            fields.TryAdd(input.Name, input.Value ?? string.Empty);
        }

        return fields;
    }

    /// <summary>Adds organisations until the demo remiss has 300 recipients, 60 users with the demo password (32 owners, 28 secretaries), and sends it.</summary>
    private static async Task<(Guid RemissId, List<(string Email, bool IsOwner)> Users, List<string> Owners)> EnlargeDemoAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Slug == "malmo", cancellationToken);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(new CurrentTenant(tenant.Id, tenant.Slug, tenant.Name, tenant.TimeZoneId));
        var remissId = await db.Remisser.Where(r => r.Diarienummer == "STK-2023-137").Select(r => r.Id).SingleAsync(cancellationToken);
        var remiss = (await scope.ServiceProvider.GetRequiredService<Infrastructure.Remisser.RemissReader>().FindAsync(remissId, cancellationToken))!;
        var owner = await db.Organisations.SingleAsync(o => o.Id == remiss.OwnerOrganisationId, cancellationToken);
        for (var i = remiss.Recipients.Count + 1; i <= Recipients; i++)
        {
            var organisation = Organisation.Create(tenant.Id, string.Create(CultureInfo.InvariantCulture, $"Nämnd {i:D3}"), OrganisationKind.Namnd, string.Create(CultureInfo.InvariantCulture, $"namnd{i:D3}@malmo.example"));
            db.Organisations.Add(organisation);
            db.Recipients.Add(remiss.AddRecipient(organisation));
        }

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        remiss.Send(tenant.Calendar().Today(now), now);
        foreach (var recipient in await db.Recipients.Where(r => r.RemissId == remiss.Id).ToListAsync(cancellationToken))
        {
            recipient.MarkInvited(now);
        }

        foreach (var added in db.ChangeTracker.Entries<Domain.Remisser.Recipient>().Where(e => e.State == EntityState.Added))
        {
            added.Entity.MarkInvited(now);
        }
        await db.SaveChangesAsync(cancellationToken);

        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var recipients = remiss.Recipients.Take(Clients - Owners).ToList();
        var users = new List<(string, bool)>();
        var owners = new List<string>();

        // The story's 32: 4 owners and 28 secretaries of different recipients; then 28 more owners, so that the follow-up
        // page alone is read by 32 different users too.
        for (var i = 0; i < Clients + Clients - Owners; i++)
        {
            var isOwner = i < Owners || i >= Clients;
            var email = string.Create(CultureInfo.InvariantCulture, $"last{i:D2}@malmo.example");
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = string.Create(CultureInfo.InvariantCulture, $"Lastanvändare {i:D2}"), CreatedAt = now };
            var created = await userManager.CreateAsync(user, DemoOptions.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join(", ", created.Errors.Select(e => e.Description)));
            }

            db.TenantAccesses.Add(TenantAccess.Grant(user.Id, tenant.Id, isAdmin: false, now));

            db.Memberships.Add(Membership.Create(isOwner ? owner : await db.Organisations.SingleAsync(o => o.Id == recipients[i - Owners].OrganisationId, cancellationToken), user.Id));
            if (i < Clients)
            {
                users.Add((email, isOwner));
            }

            if (isOwner)
            {
                owners.Add(email);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (remiss.Id, users, owners);
    }
}
