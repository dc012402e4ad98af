namespace Remiss.Tests.Features.Remisser;

using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>"Ny remiss" (/{tenant}/remisser/ny): a title and the sending organisation make a draft.</summary>
public sealed partial class NewRemissPageTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    [Fact]
    public async Task NewPage_AsksForTitelAndOffersOnlyTheOrganisationsTheUserBelongsTo()
    {
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);

        var (response, page) = await session.GetPageAsync("/malmo/remisser/ny");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ny remiss", Html.Text(page.QuerySelector("main h1")));
        Assert.Equal("Title", Html.ControlIdLabelled(page, "Titel"));
        var owners = page.QuerySelectorAll("select#OwnerOrganisationId option").Select(Html.Text).ToList();
        Assert.Equal(["Stadskontoret"], owners);
        Assert.Contains("Skapa utkast", Html.ButtonTexts(page.QuerySelector("main form")!));
    }

    [Fact]
    public async Task CreatingADraft_StoresItAndRedirectsToItsEditPage()
    {
        var title = $"Ny översiktsplan {Arrange.Unique()}";
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);
        var (_, page) = await session.GetPageAsync("/malmo/remisser/ny");

        using var response = await BrowserForm.Of(page).Set("Title", title).SubmitAsync(session, "Skapa utkast");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = EditPath().Match(response.Target());
        Assert.True(match.Success, response.Target());
        var id = Guid.Parse(match.Groups[1].Value);
        var stored = await Arrange.StoredAsync(factory, id);
        var (ownerId, userId) = await factory.InTenantAsync("malmo", async (db, _) =>
            ((await db.Organisations.SingleAsync(o => o.Name == "Stadskontoret")).Id, await Arrange.UserIdAsync(db, Arrange.Owner)));
        Assert.Equal(title, stored.Title);
        Assert.Equal(RemissStatus.Draft, stored.Status);
        Assert.Equal(ownerId, stored.OwnerOrganisationId);
        Assert.Equal(userId, stored.CreatedByUserId);

        var (editResponse, edit) = await session.FollowAsync(response);
        Assert.Equal(HttpStatusCode.OK, editResponse.StatusCode);
        Assert.Equal(title, (edit.GetElementById("Input_Title") as IHtmlInputElement)?.Value);
        Assert.Contains("Utkastet är skapat.", Html.Status(edit), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task ABlankTitle_IsRefusedWithTheSwedishMessageNextToTheField_AndNothingIsCreated(string blank)
    {
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);
        var (_, page) = await session.GetPageAsync("/malmo/remisser/ny");
        var before = await CountAsync();

        using var response = await BrowserForm.Of(page).Set("Title", blank).SubmitAsync(session, "Skapa utkast");
        var refused = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ange en titel.", Html.FieldError(refused, "Title"));
        Assert.Contains("Ange en titel.", Html.Summary(refused));
        Assert.Contains("field--error", refused.GetElementById("Title")!.ParentElement!.ClassList);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task ATooLongTitle_IsRefused_AndWhatWasTypedIsKept()
    {
        var tooLong = "Områdeslyft " + new string('x', Remiss.TitleMaxLength);
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);
        var (_, page) = await session.GetPageAsync("/malmo/remisser/ny");

        using var response = await BrowserForm.Of(page).Set("Title", tooLong).SubmitAsync(session, "Skapa utkast");
        var refused = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ange en titel på högst 300 tecken.", Html.FieldError(refused, "Title"));
        Assert.Equal(tooLong, (refused.GetElementById("Title") as IHtmlInputElement)?.Value);
    }

    [Fact]
    public async Task AnOrganisationTheUserIsNotAMemberOf_IsRefusedAsSender()
    {
        var title = $"Kapad avsändare {Arrange.Unique()}";
        var asn = await Arrange.OrganisationIdAsync(factory, Arrange.Asn);
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);
        var (_, page) = await session.GetPageAsync("/malmo/remisser/ny");

        using var response = await BrowserForm.Of(page).Set("Title", title).Set("OwnerOrganisationId", asn.ToString()).SubmitAsync(session, "Skapa utkast");
        var refused = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Välj en organisation som du är medlem i.", Html.Summary(refused));
        Assert.Equal(0, await CountAsync(title));
    }

    [Fact]
    public async Task AnOrganisationOfAnotherTenant_IsRefusedAsSender()
    {
        var title = $"Lunds avsändare {Arrange.Unique()}";
        var lunds = await Arrange.OrganisationIdAsync(factory, "Kommunledningskontoret", "lund");
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);
        var (_, page) = await session.GetPageAsync("/malmo/remisser/ny");

        using var response = await BrowserForm.Of(page).Set("Title", title).Set("OwnerOrganisationId", lunds.ToString()).SubmitAsync(session, "Skapa utkast");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await CountAsync(title));
        Assert.Equal(0, await factory.InTenantAsync("lund", (db, _) => db.Remisser.CountAsync(r => r.Title == title)));
    }

    [Fact]
    public async Task AUserWithoutOrganisations_IsToldSo_AndAForgedPostCreatesNothing()
    {
        var title = $"Administratörens remiss {Arrange.Unique()}";
        var stadskontoret = await Arrange.OrganisationIdAsync(factory, Arrange.Stadskontoret);
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.Admin);

        var (_, page) = await session.GetPageAsync("/malmo/remisser/ny");
        var token = await session.TokenAsync("/malmo/remisser/ny");
        using var response = await session.PostFormAsync("/malmo/remisser/ny", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Title"] = title,
            ["OwnerOrganisationId"] = stadskontoret.ToString(),
        });

        Assert.Null(page.QuerySelector("main form"));
        Assert.Contains("Du är inte medlem i någon organisation som kan skicka remisser.", Html.Text(page.QuerySelector("main")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await CountAsync(title));
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryToken_IsRefusedWith400()
    {
        var title = $"Utan token {Arrange.Unique()}";
        var stadskontoret = await Arrange.OrganisationIdAsync(factory, Arrange.Stadskontoret);
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);
        await session.GetPageAsync("/malmo/remisser/ny");

        using var response = await session.PostFormAsync("/malmo/remisser/ny", new Dictionary<string, string>
        {
            ["Title"] = title,
            ["OwnerOrganisationId"] = stadskontoret.ToString(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync(title));
    }

    private Task<int> CountAsync(string? title = null) =>
        factory.InTenantAsync("malmo", (db, _) => title is null ? db.Remisser.CountAsync() : db.Remisser.CountAsync(r => r.Title == title));

    [GeneratedRegex("^/malmo/remisser/([0-9a-f-]{36})/redigera$")]
    private static partial Regex EditPath();
}
