namespace Remiss.Tests.Web;

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Remiss.Tests.TestSupport;

/// <summary>The tenant start page /{tenant}: what the user's organisations answer and what they own, with the demo as a draft.</summary>
public sealed class StartPageTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    [Fact]
    public async Task StartPage_NamesTheTenantInTheTitleAndHeader()
    {
        using var session = factory.NewSession();
        await session.SignInAsync("handlaggare@malmo.example");

        var (response, page) = await session.GetPageAsync("/malmo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sv", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Mina remisser – Remiss – Malmö stad", page.Title);
        Assert.Equal("Mina remisser", Text(page.QuerySelector("main h1")));
        Assert.Equal("Malmö stad", Text(page.QuerySelector("header .tenant-name")));
        Assert.Equal("innehall", page.QuerySelector("main")!.Id);
    }

    [Fact]
    public async Task Owner_SeesTheDemoDraftUnderRemisserViAger_WithStatusDeadlineAndAnswers()
    {
        var remissId = await factory.InTenantAsync("malmo", (db, _) => db.Remisser.Select(r => r.Id).SingleAsync());
        using var session = factory.NewSession();
        await session.SignInAsync("handlaggare@malmo.example");

        var (_, page) = await session.GetPageAsync("/malmo");

        var owned = Section(page, "skickade");
        Assert.Equal("Remisser vi äger", Text(owned.QuerySelector("h2")));
        var headers = owned.QuerySelectorAll("thead th").Select(Text).ToList();
        Assert.Equal(["Remiss", "Diarienummer", "Status", "Sista svarsdag", "Svar"], headers);
        Assert.All(owned.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        var row = Assert.Single(owned.QuerySelectorAll("tbody tr"));
        var cells = row.QuerySelectorAll("td").ToList();
        var link = (IHtmlAnchorElement)cells[0].QuerySelector("a")!;
        Assert.Equal($"/malmo/remisser/{remissId}", link.GetAttribute("href"));
        Assert.StartsWith("Definiera och starta ett långsiktigt och strategiskt områdeslyft", Text(link), StringComparison.Ordinal);
        Assert.Equal("STK-2023-137", Text(cells[1]));
        Assert.Equal("Utkast", Text(cells[2]));
        var deadline = cells[3].QuerySelector("time")!;
        Assert.Equal("2027-11-30", deadline.GetAttribute("datetime"));
        Assert.Equal("30 november 2027", Text(deadline));
        Assert.Equal("0 av 15", Text(cells[4]));
    }

    [Fact]
    public async Task Owner_HasNothingToAnswer()
    {
        using var session = factory.NewSession();
        await session.SignInAsync("handlaggare@malmo.example");

        var (_, page) = await session.GetPageAsync("/malmo");

        var toAnswer = Section(page, "att-besvara");
        Assert.Null(toAnswer.QuerySelector("table"));
        Assert.Equal("Inga remisser väntar på svar från era organisationer.", Text(toAnswer.QuerySelector("p")));
    }

    [Theory]
    [InlineData("asn@malmo.example")]
    [InlineData("grundskola@malmo.example")]
    [InlineData("mkb@malmo.example")]
    public async Task Recipient_SeesNothingWhileTheDemoRemissIsADraft(string email)
    {
        using var session = factory.NewSession();
        await session.SignInAsync(email);

        var (_, page) = await session.GetPageAsync("/malmo");

        Assert.Equal("Inga remisser väntar på svar från era organisationer.", Text(Section(page, "att-besvara").QuerySelector("p")));
        Assert.Equal("Era organisationer äger inga remisser.", Text(Section(page, "skickade").QuerySelector("p")));
        Assert.DoesNotContain("STK-2023-137", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("områdeslyft", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LundUser_SeesLundsRemissAndNothingOfMalmos()
    {
        using var session = factory.NewSession();
        await session.SignInAsync("handlaggare@lund.example");

        var (response, page) = await session.GetPageAsync("/lund");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Lunds kommun", Text(page.QuerySelector("header .tenant-name")));
        var row = Assert.Single(Section(page, "skickade").QuerySelectorAll("tbody tr"));
        Assert.Contains("Förslag till ny avfallsplan för Lunds kommun", Text(row), StringComparison.Ordinal);
        Assert.Contains("KS 2026/0412", Text(row), StringComparison.Ordinal);
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain("STK-2023-137", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Malmö", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInUser_AskingForTheRoot_IsLedToTheirTenant()
    {
        using var session = factory.NewSession();
        await session.SignInAsync("asn@malmo.example");

        using var response = await session.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/malmo", new Uri(session.BaseAddress, response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Anonymous_AskingForTheRoot_IsLedToSignIn()
    {
        using var session = factory.NewSession();

        using var response = await session.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto/logga-in", new Uri(session.BaseAddress, response.Headers.Location!).AbsolutePath);
    }

    private static IElement Section(IHtmlDocument page, string headingId)
    {
        var section = page.QuerySelector($"main section[aria-labelledby={headingId}]");
        Assert.NotNull(section);
        Assert.NotNull(section.QuerySelector($"h2#{headingId}"));
        return section;
    }

    private static string Text(IElement? element) =>
        element is null ? string.Empty : string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
