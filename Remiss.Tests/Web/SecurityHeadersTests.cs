namespace Remiss.Tests.Web;

using System.Net;
using Remiss.Tests.TestSupport;

/// <summary>The headers of real responses: a strict Content-Security-Policy, no framing, no sniffing, HSTS.</summary>
public sealed class SecurityHeadersTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    [Theory]
    [InlineData("/konto/logga-in")]
    [InlineData("/malmo")]
    [InlineData("/okand-sida")]
    [InlineData("/css/site.css")]
    public async Task Every_response_has_a_policy_that_allows_only_the_apps_own_scripts_and_no_framing(string path)
    {
        using var session = factory.NewSession();

        using var response = await session.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.DoesNotContain("unsafe-inline", directives["script-src"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Empty(response.Headers.Server);
    }

    [Fact]
    public async Task No_page_of_the_app_has_an_inline_script_or_style_attribute()
    {
        using var session = factory.NewSession();
        await session.SignInAsync("handlaggare@malmo.example");

        foreach (var path in new[] { "/malmo", "/malmo/remisser", "/malmo/remisser/ny" })
        {
            var (_, page) = await session.GetPageAsync(path);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"inline script on {path}"));
            Assert.Empty(page.QuerySelectorAll("[style]"));
            Assert.Empty(page.QuerySelectorAll("[onclick], [onload], [onchange], [onsubmit]"));
        }
    }

    [Fact]
    public async Task Hsts_is_sent_to_a_real_host_name_outside_development()
    {
        using var client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator, AllowAutoRedirect = false })
        {
            BaseAddress = factory.BaseAddress,
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/konto/logga-in");
        request.Headers.Host = "remiss.malmo.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_page_is_swedish_names_a_correlation_id_and_shows_no_detail()
    {
        using var session = factory.NewSession();

        var (response, page) = await session.GetPageAsync("/finns-inte/alls");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Sidan finns inte", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Matches("^[0-9a-f]{32}$|^[0-9A-Z:]+$", page.QuerySelector("main code")!.TextContent.Trim());
        Assert.DoesNotContain("Exception", page.Body!.TextContent, StringComparison.Ordinal);
    }
}

/// <summary>The app with a low limit on sign-in posts, to see the limit at work.</summary>
public sealed class RateLimitedAppFactory : RemissAppFactory
{
    protected override int AccountPostsPerMinute => 3;
}

/// <summary>ASP.NET Core's rate limiter on sign-in posts, per address; reading the page is never limited.</summary>
public sealed class SignInRateLimitTests(RateLimitedAppFactory factory) : IClassFixture<RateLimitedAppFactory>
{
    [Fact]
    public async Task Sign_in_posts_over_the_limit_get_429_with_a_swedish_page_and_reading_stays_open()
    {
        using var session = factory.NewSession();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var (_, page) = await session.GetPageAsync("/konto/logga-in");
            using var posted = await session.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = "okand@malmo.example", ["Input.Password"] = "Fel-lösenord-1!" });
            statuses.Add(posted.StatusCode);
            if (posted.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var refused = await WebSession.ParseAsync(posted);
                Assert.Equal("För många försök", refused.QuerySelector("main h1")!.TextContent.Trim());
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/konto/logga-in")).StatusCode);
    }
}

/// <summary>Its own app, so that its limiter's window is its own.</summary>
public sealed class ResetRateLimitedAppFactory : RemissAppFactory
{
    protected override int AccountPostsPerMinute => 3;
}

/// <summary>Password-reset posts are limited like sign-in posts: nobody can flood an address with links.</summary>
public sealed class PasswordResetRateLimitTests(ResetRateLimitedAppFactory factory) : IClassFixture<ResetRateLimitedAppFactory>
{
    [Fact]
    public async Task Password_reset_posts_over_the_limit_get_429_so_no_address_can_be_flooded_with_links()
    {
        using var session = factory.NewSession();
        var (_, page) = await session.GetPageAsync("/konto/glomt-losenord");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var posted = await session.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = "asn@malmo.example" });
            statuses.Add(posted.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/konto/glomt-losenord")).StatusCode);
    }
}
