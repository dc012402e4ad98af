namespace Remiss.Tests.Web;

using System.Net;
using AngleSharp.Dom;
using Remiss.Tests.TestSupport;

/// <summary>The platform operator's page /plattform: tenants and numbers, never a tenant's remisser; nobody else gets in.</summary>
public sealed class PlatformPageTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    [Fact]
    public async Task Operator_SeesBothTenantsWithTheirCounts()
    {
        using var session = factory.NewSession();
        await session.SignInAsync("operator@remiss.example");

        var (response, page) = await session.GetPageAsync("/plattform");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Kunder", Text(page.QuerySelector("main h1")));
        var table = page.QuerySelector("main table")!;
        Assert.False(string.IsNullOrWhiteSpace(Text(table.QuerySelector("caption"))));
        Assert.Equal(
            ["Kund", "Kortnamn", "Status", "Organisationer", "Användare", "Öppna remisser"],
            table.QuerySelectorAll("thead th").Select(Text).ToList());
        var rows = table.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(Text).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(["Malmö stad", "malmo", "Aktiv", "16", "5", "0"], rows);
        Assert.Contains(["Lunds kommun", "lund", "Aktiv", "5", "1", "0"], rows);
    }

    [Fact]
    public async Task Operator_SeesNoRemissTitlesOrDiarienummer()
    {
        using var session = factory.NewSession();
        await session.SignInAsync("operator@remiss.example");

        var (_, page) = await session.GetPageAsync("/plattform");
        var html = page.DocumentElement.OuterHtml;

        Assert.DoesNotContain("STK-2023-137", html, StringComparison.Ordinal);
        Assert.DoesNotContain("områdeslyft", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("KS 2026/0412", html, StringComparison.Ordinal);
        Assert.DoesNotContain("avfallsplan", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("handlaggare@malmo.example")]
    [InlineData("admin@malmo.example")]
    [InlineData("handlaggare@lund.example")]
    public async Task TenantUsers_AskingForThePlatformPage_AreRefusedInSwedish(string email)
    {
        using var session = factory.NewSession();
        await session.SignInAsync(email);

        using var response = await session.GetAsync("/plattform");
        var (denied, page) = await session.FollowAsync(response);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto/nekad", denied.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("Ingen behörighet", Text(page.QuerySelector("main h1")));
        Assert.DoesNotContain("Lunds kommun", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_AskingForThePlatformPage_IsSentToSignIn()
    {
        using var session = factory.NewSession();

        using var response = await session.GetAsync("/plattform");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(session.BaseAddress, response.Headers.Location!);
        Assert.Equal("/konto/logga-in", location.AbsolutePath);
        Assert.Equal("?ReturnUrl=%2Fplattform", location.Query);
    }

    [Fact]
    public async Task Operator_AskingForTheRoot_IsLedToThePlatformPage()
    {
        using var session = factory.NewSession();
        await session.SignInAsync("operator@remiss.example");

        using var response = await session.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/plattform", new Uri(session.BaseAddress, response.Headers.Location!).AbsolutePath);
    }

    private static string Text(IElement? element) =>
        element is null ? string.Empty : string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
