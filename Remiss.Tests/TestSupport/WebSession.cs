namespace Remiss.Tests.TestSupport;

using System.Net;
using AngleSharp;
using AngleSharp.Html.Dom;

/// <summary>
/// One person's browser against the real server: cookies kept, redirects visible, forms posted with the
/// antiforgery token read from the page as a browser would send it.
/// </summary>
public sealed class WebSession : IDisposable
{
    public const string DemoPassword = "Remiss-demo-1!";

    private readonly HttpClient _client;

    public WebSession(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        var handler = new HttpClientHandler
        {
            CookieContainer = Cookies,
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate?.Thumbprint == TestCertificate.Value.Thumbprint,
        };
        _client = new HttpClient(handler) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public Uri BaseAddress => _client.BaseAddress!;

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(path);

    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetPageAsync(string path)
    {
        var response = await _client.GetAsync(path);
        return (response, await ParseAsync(response));
    }

    /// <summary>Follows redirects like a browser, up to five.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> FollowAsync(HttpResponseMessage response)
    {
        for (var i = 0; i < 5 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; i++)
        {
            response = await _client.GetAsync(response.Headers.Location);
        }

        return (response, await ParseAsync(response));
    }

    /// <summary>Posts a form of <paramref name="page"/> (the first one whose action matches, or the first) with its hidden fields plus the given ones.</summary>
    public Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, IReadOnlyDictionary<string, string> fields, string? formSelector = null)
    {
        var form = (formSelector is null ? page.QuerySelector("main form[method=post]") : page.QuerySelector(formSelector)) as IHtmlFormElement
            ?? throw new InvalidOperationException("No form on the page.");
        var values = form.QuerySelectorAll("input[type=hidden]")
            .OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? new Uri(page.Url).PathAndQuery : form.GetAttribute("action")!;
        return PostFormAsync(action, values);
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, IReadOnlyDictionary<string, string> values) =>
        _client.PostAsync(path, new FormUrlEncodedContent(values));

    /// <summary>Signs in through the sign-in page; returns the page the user lands on.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SignInAsync(string email, string password = DemoPassword)
    {
        var (_, page) = await GetPageAsync("/konto/logga-in");
        var response = await SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

        // An account with two-step verification whose key the tests know answers the second step as its owner would.
        if (IsSecondStep(response) && Authenticator.KeyOf(email) is { } key)
        {
            var (_, codePage) = await FollowAsync(response);
            response = await SubmitAsync(codePage, new Dictionary<string, string> { ["Input.Code"] = Authenticator.Code(key) });
        }

        return await FollowAsync(response);
    }

    /// <summary>Whether the sign-in page sent the browser on to the second step, the code.</summary>
    public static bool IsSecondStep(HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString.StartsWith("/konto/logga-in/kod", StringComparison.Ordinal) == true;

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var address = response.RequestMessage?.RequestUri?.ToString() ?? "https://127.0.0.1/";
        return (IHtmlDocument)await context.OpenAsync(request => request.Content(html).Address(address));
    }

    public void Dispose() => _client.Dispose();
}
