namespace Remiss.Tests.Hardening;

using System.Collections.Concurrent;
using System.Net;
using Remiss.Tests.Features.Responses;
using Remiss.Tests.TestSupport;

/// <summary>
/// The one app of the hardening tests: the demo with STK-2023-137 sent, a draft copy for the owner's form, its
/// files in a folder of its own. Each demo user signs in once; their browsers are shared by the tests.
/// </summary>
public sealed class HardeningAppFactory : SentDemoAppFactory
{
    public const string Owner = "handlaggare@malmo.example";
    public const string Recipient = "asn@malmo.example";
    public const string Admin = "admin@malmo.example";
    public const string Operator = "operator@remiss.example";
    public const string Anonymous = "anonym";

    private readonly ConcurrentDictionary<string, Lazy<Task<HardeningBrowser>>> _browsers = new();

    public SentRemiss Draft { get; private set; } = null!;

    /// <summary>The browser of <paramref name="user"/>, signed in once (<see cref="Anonymous"/>: never signed in).</summary>
    public Task<HardeningBrowser> BrowserAsync(string user) =>
        _browsers.GetOrAdd(user, u => new Lazy<Task<HardeningBrowser>>(() => HardeningBrowser.OpenAsync(BaseAddress, u == Anonymous ? null : u))).Value;

    protected override async Task InitializeMoreAsync() => Draft = await CopyOfDemoAsync(sent: false);
}

/// <summary>One user's browser: one connection pool, its cookies, redirects visible.</summary>
public sealed class HardeningBrowser : IDisposable
{
    private readonly HttpClient _client;

    private HardeningBrowser(Uri baseAddress, string? user)
    {
        User = user;
        var handler = new HttpClientHandler
        {
            CookieContainer = Cookies,
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == TestCertificate.Value.Thumbprint,
        };
        _client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string? User { get; }

    public string Name => User ?? HardeningAppFactory.Anonymous;

    public Uri BaseAddress => _client.BaseAddress!;

    public CookieContainer Cookies { get; } = new();

    public static async Task<HardeningBrowser> OpenAsync(Uri baseAddress, string? user)
    {
        var browser = new HardeningBrowser(baseAddress, user);
        if (user is not null)
        {
            var (_, page) = await browser.GetAsync("/konto/logga-in");
            var form = HtmlForm.All(page).Single(f => f.Action.StartsWith("/konto/logga-in", StringComparison.Ordinal));
            var fields = form.Values().Where(f => f.Key is not ("Input.Email" or "Input.Password")).ToList();
            fields.Add(new("Input.Email", user));
            fields.Add(new("Input.Password", WebSession.DemoPassword));
            using var response = await browser.PostAsync(form.Action, new FormUrlEncodedContent(fields));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{user} could not sign in: {(int)response.StatusCode}");
        }

        return browser;
    }

    public async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page)> GetAsync(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        return (response, await WebSession.ParseAsync(response));
    }

    public Task<HttpResponseMessage> GetRawAsync(string path) => _client.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<HttpResponseMessage> PostAsync(string path, HttpContent content)
    {
        using (content)
        {
            var response = await _client.PostAsync(new Uri(path, UriKind.Relative), content);
            await response.Content.LoadIntoBufferAsync();
            return response;
        }
    }

    public void Dispose() => _client.Dispose();
}
