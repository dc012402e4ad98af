namespace Remiss.Tests.Web;

using System.Net;
using AngleSharp.Dom;
using Remiss.Tests.TestSupport;

/// <summary>The basics every page relies on: cookies, antiforgery, redirects, health probes and headers.</summary>
public sealed class SecurityBasicsTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    private const string SignInPath = "/konto/logga-in";

    [Fact]
    public async Task AuthCookie_IsSecureHttpOnlyAndSameSiteLax()
    {
        using var session = factory.NewSession();
        var (_, form) = await session.GetPageAsync(SignInPath);

        using var response = await session.SubmitAsync(form, Fields("handlaggare@malmo.example", WebSession.DemoPassword));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(SetCookies(response), c => c.StartsWith("Remiss.Auth=", StringComparison.Ordinal));
        var attributes = Attributes(cookie);
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/", attributes);
    }

    [Fact]
    public async Task AntiforgeryCookie_IsSecureHttpOnlyAndSameSiteStrict()
    {
        using var session = factory.NewSession();

        using var response = await session.GetAsync(SignInPath);

        var cookie = Assert.Single(SetCookies(response), c => c.StartsWith("Remiss.Antiforgery=", StringComparison.Ordinal));
        var attributes = Attributes(cookie);
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
    }

    [Fact]
    public async Task SignInPost_WithoutAnyAntiforgeryToken_IsRefusedWith400()
    {
        using var session = factory.NewSession();

        using var response = await session.PostFormAsync(SignInPath, Fields("handlaggare@malmo.example", WebSession.DemoPassword));
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith("Remiss.Auth=", StringComparison.Ordinal));
        Assert.Equal("Felaktig begäran", Text(page.QuerySelector("main h1")));
    }

    [Fact]
    public async Task SignInPost_WithTheCookieButWithoutTheFormToken_IsRefusedWith400()
    {
        using var session = factory.NewSession();
        await session.GetPageAsync(SignInPath);

        using var response = await session.PostFormAsync(SignInPath, Fields("handlaggare@malmo.example", WebSession.DemoPassword));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith("Remiss.Auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_WithAReturnUrlToAnotherSite_StaysOnThisSite()
    {
        using var session = factory.NewSession();
        var (_, form) = await session.GetPageAsync(SignInPath + "?ReturnUrl=https%3A%2F%2Fevil.example%2Fphish");
        Assert.Equal("https://evil.example/phish", form.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value"));

        using var response = await session.SubmitAsync(form, Fields("handlaggare@malmo.example", WebSession.DemoPassword));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(session.BaseAddress, response.Headers.Location!);
        Assert.Equal(session.BaseAddress.Authority, location.Authority);
        Assert.Equal("/", location.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_WithAProtocolRelativeReturnUrl_StaysOnThisSite()
    {
        using var session = factory.NewSession();
        var (_, form) = await session.GetPageAsync(SignInPath + "?ReturnUrl=%2F%2Fevil.example%2Fphish");

        using var response = await session.SubmitAsync(form, Fields("handlaggare@malmo.example", WebSession.DemoPassword));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(session.BaseAddress.Authority, new Uri(session.BaseAddress, response.Headers.Location!).Authority);
    }

    [Fact]
    public async Task SignOutButtonInTheHeader_CarriesTheAntiforgeryToken()
    {
        using var session = factory.NewSession();
        var (_, start) = await session.SignInAsync("mkb@malmo.example");

        var form = start.QuerySelector("header form[action='/konto/logga-ut']");

        Assert.NotNull(form);
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var session = factory.NewSession();
        var (_, start) = await session.SignInAsync("mkb@malmo.example");

        using var signOut = await session.SubmitAsync(start, new Dictionary<string, string>(), "header form[action='/konto/logga-ut']");
        var (signedOut, page) = await session.FollowAsync(signOut);
        using var afterwards = await session.GetAsync("/malmo");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/konto/logga-in", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Du är utloggad.", Text(page.QuerySelector("main [role=status]")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Equal("/konto/logga-in", new Uri(session.BaseAddress, afterwards.Headers.Location!).AbsolutePath);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task HealthProbes_AnswerOk_WithoutSigningIn(string path)
    {
        using var session = factory.NewSession();

        using var response = await session.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(SignInPath)]
    [InlineData("/malmo")]
    [InlineData("/okand")]
    [InlineData("/healthz")]
    [InlineData("/css/site.css")]
    public async Task Responses_DoNotNameTheServer(string path)
    {
        using var session = factory.NewSession();

        using var response = await session.GetAsync(path);

        Assert.Empty(response.Headers.Server);
        Assert.False(response.Headers.Contains("X-Powered-By"));
    }

    [Fact]
    public async Task SignInPage_MayNotBeFramedAtAll()
    {
        using var session = factory.NewSession();

        using var response = await session.GetAsync(SignInPath);

        Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var values));
        Assert.Equal("DENY", Assert.Single(values));
    }

    private static Dictionary<string, string> Fields(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static List<string> Attributes(string setCookie) =>
        setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();

    private static string Text(IElement? element) =>
        element is null ? string.Empty : string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
