namespace Remiss.Tests.Web;

using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Remiss.Tests.TestSupport;

/// <summary>
/// No page shows one tenant's data to another, and nothing says the other tenant's remiss exists: every
/// attempt is a plain Swedish 404.
/// </summary>
public sealed class TenantIsolationPageTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    [Fact]
    public async Task MalmoUser_AskingForLundsStartPageOrLundsRemiss_GetsNotFound()
    {
        var lundRemiss = await DemoRemissIdAsync("lund");
        using var session = factory.NewSession();
        await session.SignInAsync("handlaggare@malmo.example");

        await AssertNotFoundAsync(session, "/lund");
        await AssertNotFoundAsync(session, $"/lund/remisser/{lundRemiss}");
    }

    [Fact]
    public async Task LundUser_AskingForMalmosStartPageOrMalmosRemiss_GetsNotFound()
    {
        var malmoRemiss = await DemoRemissIdAsync("malmo");
        using var session = factory.NewSession();
        await session.SignInAsync("handlaggare@lund.example");

        await AssertNotFoundAsync(session, "/malmo");
        await AssertNotFoundAsync(session, $"/malmo/remisser/{malmoRemiss}");
    }

    [Fact]
    public async Task LundUser_AskingForMalmosRemissUnderLund_GetsNotFoundBecauseTheTenantFilterMisses()
    {
        var malmoRemiss = await DemoRemissIdAsync("malmo");
        using var session = factory.NewSession();
        await session.SignInAsync("handlaggare@lund.example");

        await AssertNotFoundAsync(session, $"/lund/remisser/{malmoRemiss}");
    }

    [Fact]
    public async Task MalmoUser_AskingForLundsRemissUnderMalmo_GetsNotFoundBecauseTheTenantFilterMisses()
    {
        var lundRemiss = await DemoRemissIdAsync("lund");
        using var session = factory.NewSession();
        await session.SignInAsync("handlaggare@malmo.example");

        await AssertNotFoundAsync(session, $"/malmo/remisser/{lundRemiss}");
    }

    [Fact]
    public async Task OwnersOwnRemiss_IsShownUnderItsOwnTenant_SoTheNotFoundsAboveAreAboutTheTenant()
    {
        var malmoRemiss = await DemoRemissIdAsync("malmo");
        var lundRemiss = await DemoRemissIdAsync("lund");
        using var malmo = factory.NewSession();
        using var lund = factory.NewSession();
        await malmo.SignInAsync("handlaggare@malmo.example");
        await lund.SignInAsync("handlaggare@lund.example");

        using var malmoResponse = await malmo.GetAsync($"/malmo/remisser/{malmoRemiss}");
        using var lundResponse = await lund.GetAsync($"/lund/remisser/{lundRemiss}");

        Assert.Equal(HttpStatusCode.OK, malmoResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, lundResponse.StatusCode);
    }

    [Fact]
    public async Task UnknownTenant_GetsNotFound_SignedInOrNot()
    {
        using var anonymous = factory.NewSession();
        using var signedIn = factory.NewSession();
        await signedIn.SignInAsync("handlaggare@malmo.example");

        await AssertNotFoundAsync(anonymous, "/okand");
        await AssertNotFoundAsync(anonymous, $"/okand/remisser/{Guid.NewGuid()}");
        await AssertNotFoundAsync(signedIn, "/okand");
    }

    [Fact]
    public async Task UnknownRemissId_InTheUsersOwnTenant_GetsNotFound()
    {
        using var session = factory.NewSession();
        await session.SignInAsync("handlaggare@malmo.example");

        await AssertNotFoundAsync(session, $"/malmo/remisser/{Guid.NewGuid()}");
    }

    [Fact]
    public async Task PlatformOperator_AskingForATenantsPages_GetsNotFound()
    {
        var malmoRemiss = await DemoRemissIdAsync("malmo");
        using var session = factory.NewSession();
        await session.SignInAsync("operator@remiss.example");

        await AssertNotFoundAsync(session, "/malmo");
        await AssertNotFoundAsync(session, $"/malmo/remisser/{malmoRemiss}");
    }

    [Fact]
    public async Task Anonymous_AskingForATenantStartPage_IsSentToSignInWithTheWayBack()
    {
        using var session = factory.NewSession();

        using var response = await session.GetAsync("/malmo");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(session.BaseAddress, response.Headers.Location!);
        Assert.Equal("/konto/logga-in", location.AbsolutePath);
        Assert.Equal("?ReturnUrl=%2Fmalmo", location.Query);
    }

    [Fact]
    public async Task Anonymous_AskingForARemiss_SignsInAndComesBackToThatRemiss()
    {
        var malmoRemiss = await DemoRemissIdAsync("malmo");
        using var session = factory.NewSession();

        using var response = await session.GetAsync($"/malmo/remisser/{malmoRemiss}");
        var (signInResponse, signIn) = await session.FollowAsync(response);
        Assert.Equal("/konto/logga-in", signInResponse.RequestMessage!.RequestUri!.AbsolutePath);

        using var posted = await session.SubmitAsync(signIn, new Dictionary<string, string>
        {
            ["Input.Email"] = "handlaggare@malmo.example",
            ["Input.Password"] = WebSession.DemoPassword,
        });
        var (landed, page) = await session.FollowAsync(posted);

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal($"/malmo/remisser/{malmoRemiss}", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("STK-2023-137", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotFoundPage_IsSwedishAndShowsNoTechnicalDetail()
    {
        using var session = factory.NewSession();
        await session.SignInAsync("handlaggare@malmo.example");

        var (response, page) = await session.GetPageAsync("/lund");
        var html = page.DocumentElement.OuterHtml;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("sv", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sidan finns inte", Text(page.QuerySelector("main h1")));
        Assert.Contains("Sidan du söker finns inte, eller så har du inte behörighet att se den.", Text(page.QuerySelector("main")), StringComparison.Ordinal);
        Assert.DoesNotContain("Lunds kommun", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Remiss.Web.", html, StringComparison.Ordinal);
    }

    private async Task<Guid> DemoRemissIdAsync(string tenant) =>
        await factory.InTenantAsync(tenant, (db, _) => db.Remisser.Select(r => r.Id).SingleAsync());

    private static async Task AssertNotFoundAsync(WebSession session, string path)
    {
        var (response, page) = await session.GetPageAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}, not 404.");
        Assert.Equal("Sidan finns inte", Text(page.QuerySelector("main h1")));
        response.Dispose();
    }

    private static string Text(IElement? element) =>
        element is null ? string.Empty : string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
