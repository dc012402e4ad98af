namespace Remiss.Tests.Features.Remisser;

using System.Net;
using AngleSharp.Html.Dom;
using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// "Remisser" (/{tenant}/remisser): the remisser the user's organisations own, filtered by status, searched by
/// title or diarienummer, sorted by sista svarsdag, with a "Ny remiss" link. Each test finds its own remisser
/// by a word of their titles, so tests that add remisser do not disturb each other.
/// </summary>
public sealed class RemissListPageTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    [Fact]
    public async Task Handlaggare_SeesTheRemisserOfTheirOwnOrganisation_AndNoOtherOrganisationsOrTenants()
    {
        var word = Arrange.Unique();
        var own = await Arrange.RemissAsync(factory, new RemissSpec { Title = $"Egen remiss {word}" });
        var others = await Arrange.RemissAsync(factory, new RemissSpec { Title = $"Tekniska nämndens remiss {word}", Owner = Arrange.Tekniska, Recipients = [Arrange.Mkb] });
        var demo = await Arrange.DemoRemissIdAsync(factory);
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);

        var (response, page) = await session.GetPageAsync("/malmo/remisser");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Remisser", Html.Text(page.QuerySelector("main h1")));
        var links = Rows(page).Select(r => r.QuerySelector("td a")!.GetAttribute("href")).ToList();
        Assert.Contains($"/malmo/remisser/{own.Id}", links);
        Assert.Contains($"/malmo/remisser/{demo}", links);
        Assert.DoesNotContain($"/malmo/remisser/{others.Id}", links);
        Assert.DoesNotContain("Tekniska nämndens remiss", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("avfallsplan", page.Body!.TextContent, StringComparison.Ordinal);
        var ownRow = Rows(page).Single(r => r.QuerySelector("td a")!.GetAttribute("href") == $"/malmo/remisser/{own.Id}");
        Assert.Equal([own.Title, own.Diarienummer!, "Stadskontoret", "Utkast", "31 mars 2027", "0 av 4"], Cells(ownRow));
    }

    [Fact]
    public async Task MemberOfARecipientOnly_IsToldTheirOrganisationsOwnNoRemisser()
    {
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.AsnUser);

        var (response, page) = await session.GetPageAsync("/malmo/remisser");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Rows(page));
        Assert.Contains("Era organisationer äger inga remisser.", Html.Text(page.QuerySelector("main")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LundsHandlaggare_SeesLundsRemissOnly()
    {
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.LundUser);

        var (_, page) = await session.GetPageAsync("/lund/remisser");

        var titles = Rows(page).Select(r => Html.Text(r.QuerySelector("td a"))).ToList();
        Assert.Equal(["Förslag till ny avfallsplan för Lunds kommun"], titles);
    }

    [Fact]
    public async Task FilterByStatus_ShowsOnlyTheRemisserWithThatStatus()
    {
        var word = Arrange.Unique();
        var draft = await Arrange.RemissAsync(factory, new RemissSpec { Title = $"Statusfilter {word} utkast" });
        var sent = await Arrange.RemissAsync(factory, new RemissSpec { Title = $"Statusfilter {word} skickad", Sent = true });
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);

        var (_, onlySent) = await session.GetPageAsync($"/malmo/remisser?q={Uri.EscapeDataString("Statusfilter " + word)}&status={RemissStatus.Sent}");
        var (_, onlyDrafts) = await session.GetPageAsync($"/malmo/remisser?q={Uri.EscapeDataString("Statusfilter " + word)}&status={RemissStatus.Draft}");
        var (_, all) = await session.GetPageAsync($"/malmo/remisser?q={Uri.EscapeDataString("Statusfilter " + word)}&status=");

        Assert.Equal([sent.Title], Titles(onlySent));
        Assert.Equal("Utskickad", Cells(Rows(onlySent).Single())[3]);
        Assert.Equal("Sent", (onlySent.QuerySelector("select#status option[selected]") as IHtmlOptionElement)?.Value);
        Assert.Equal([draft.Title], Titles(onlyDrafts));
        Assert.Equal(2, Titles(all).Count);
    }

    [Fact]
    public async Task Search_FindsByTitleOrDiarienummer_WhateverTheCaseOfTheLetters()
    {
        var word = Arrange.Unique();
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Title = $"Cykelplan för innerstaden {word}", Diarienummer = $"KS-{word}-77" });
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);

        var (_, byTitle) = await session.GetPageAsync($"/malmo/remisser?q={Uri.EscapeDataString($"CYKELPLAN för INNERSTADEN {word.ToLowerInvariant()}")}");
        var (_, byPartOfTitle) = await session.GetPageAsync($"/malmo/remisser?q={Uri.EscapeDataString($"innerstaden {word}")}");
        var (_, byDiarienummer) = await session.GetPageAsync($"/malmo/remisser?q={Uri.EscapeDataString($"ks-{word.ToLowerInvariant()}")}");
        var (_, noMatch) = await session.GetPageAsync($"/malmo/remisser?q={Uri.EscapeDataString($"busshållplatser {word}")}");

        Assert.Equal([remiss.Title], Titles(byPartOfTitle));
        Assert.Equal([remiss.Title], Titles(byDiarienummer));
        Assert.Equal([remiss.Title], Titles(byTitle));
        Assert.Empty(Rows(noMatch));
        Assert.Contains("Inga remisser matchar sökningen.", Html.Text(noMatch.QuerySelector("main")), StringComparison.Ordinal);
        Assert.Equal($"busshållplatser {word}", (noMatch.QuerySelector("input#q") as IHtmlInputElement)?.Value);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    public async Task Search_ForALikeWildcard_MatchesThatCharacterOnly(string wildcard)
    {
        var word = Arrange.Unique();
        await Arrange.RemissAsync(factory, new RemissSpec { Title = $"Jokertecken {word} 1000 förnybart" });
        var withCharacter = await Arrange.RemissAsync(factory, new RemissSpec { Title = $"Jokertecken {word} 100{wildcard} förnybart" });
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);

        var (_, page) = await session.GetPageAsync($"/malmo/remisser?q={Uri.EscapeDataString($"{word} 100{wildcard}")}");

        Assert.Equal([withCharacter.Title], Titles(page));
    }

    [Fact]
    public async Task List_IsSortedBySistaSvarsdag_WithDraftsWithoutADeadlineLast()
    {
        var word = Arrange.Unique();
        await Arrange.RemissAsync(factory, new RemissSpec { Title = $"Sortering {word} maj", Deadline = new DateOnly(2027, 5, 1) });
        await Arrange.RemissAsync(factory, new RemissSpec { Title = $"Sortering {word} utan datum", Deadline = null });
        await Arrange.RemissAsync(factory, new RemissSpec { Title = $"Sortering {word} februari", Deadline = new DateOnly(2027, 2, 1) });
        await Arrange.RemissAsync(factory, new RemissSpec { Title = $"Sortering {word} mars", Deadline = new DateOnly(2027, 3, 1), Sent = true });
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);

        var (_, page) = await session.GetPageAsync($"/malmo/remisser?q={Uri.EscapeDataString($"Sortering {word}")}");

        Assert.Equal(
            [$"Sortering {word} februari", $"Sortering {word} mars", $"Sortering {word} maj", $"Sortering {word} utan datum"],
            Titles(page));
        Assert.Equal(["1 februari 2027", "1 mars 2027", "1 maj 2027", "Ej angiven"], Rows(page).Select(r => Cells(r)[4]).ToList());
    }

    [Fact]
    public async Task List_HasANyRemissLinkToTheNewRemissPage()
    {
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);

        var (_, page) = await session.GetPageAsync("/malmo/remisser");

        var link = page.QuerySelectorAll("main a").Single(a => Html.Text(a) == "Ny remiss");
        Assert.Equal("/malmo/remisser/ny", link.GetAttribute("href"));
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        using var session = factory.NewSession();

        using var response = await session.GetAsync("/malmo/remisser");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logga-in", response.Target(), StringComparison.Ordinal);
    }

    private static List<AngleSharp.Dom.IElement> Rows(IHtmlDocument page) => [.. page.QuerySelectorAll("main table tbody tr")];

    private static List<string> Cells(AngleSharp.Dom.IElement row) => [.. row.QuerySelectorAll("td").Select(Html.Text)];

    private static List<string> Titles(IHtmlDocument page) => [.. Rows(page).Select(r => Html.Text(r.QuerySelector("td a")))];
}
