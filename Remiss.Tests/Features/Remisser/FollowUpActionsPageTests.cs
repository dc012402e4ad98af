namespace Remiss.Tests.Features.Remisser;

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Audit;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Files;
using Remiss.Tests.TestSupport;

/// <summary>
/// The owner's less frequent actions and the follow-up's signals, through real HTTP and SQLite: closing, withdrawing
/// and deleting a draft each go through a confirmation page (the old one-click posts are gone); the actions sit
/// under "Fler åtgärder"; red means late or close; Anstånd begärt until decided; the table sorts and filters with a
/// plain GET form; Påminn nu once a day; waiting anstånd first on the owner's start page.
/// </summary>
public sealed class FollowUpActionsPageTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    // ---- Fler åtgärder and the confirmations ---------------------------------------------------------------

    [Fact]
    public async Task TheRemissPage_PutsCloseAndWithdrawUnderFlerAtgarder_BelowTheRemiss_AsLinksToTheirConfirmations()
    {
        var remiss = await SentAsync();
        using var session = await OwnerAsync();

        var (_, page) = await session.GetPageAsync(remiss.Url);

        var more = page.QuerySelector("main section[aria-labelledby=fler-atgarder]")!;
        Assert.Equal("Fler åtgärder", Html.Text(more.QuerySelector("h2")));
        Assert.Equal($"{remiss.Url}/stang", Link(more, "Stäng remissen"));
        Assert.Equal($"{remiss.Url}/aterkalla", Link(more, "Återkalla remissen"));
        Assert.DoesNotContain("Stäng remissen", Html.ButtonTexts(page.QuerySelector("main")!));
        Assert.DoesNotContain("Återkalla remissen", Html.ButtonTexts(page.QuerySelector("main")!));
        var sections = page.QuerySelectorAll("main section").Select(s => s.GetAttribute("aria-labelledby")).ToList();
        Assert.True(sections.IndexOf("remissinstanser") < sections.IndexOf("fler-atgarder"));
        Assert.True(page.QuerySelector("main section[aria-labelledby=remissinstanser]")!.CompareDocumentPosition(more).HasFlag(DocumentPositions.Following));
    }

    [Theory]
    [InlineData("Close")]
    [InlineData("Withdraw")]
    public async Task TheOldOneClickPost_IsRefused_AndChangesNothing(string handler)
    {
        var remiss = await SentAsync();
        using var session = await OwnerAsync();
        var token = await session.TokenAsync(remiss.Url);

        using var response = await session.PostFormAsync($"{remiss.Url}?handler={handler}", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(RemissStatus.Sent, (await Arrange.StoredAsync(factory, remiss.Id)).Status);
    }

    [Theory]
    [InlineData("stang")]
    [InlineData("aterkalla")]
    public async Task APostWithoutTheConfirmationPagesForm_LeadsToTheConfirmation_AndChangesNothing(string page)
    {
        var remiss = await SentAsync();
        using var session = await OwnerAsync();
        var token = await session.TokenAsync(remiss.Url);

        using var response = await session.PostFormAsync($"{remiss.Url}/{page}", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{remiss.Url}/{page}", response.Target());
        Assert.Equal(RemissStatus.Sent, (await Arrange.StoredAsync(factory, remiss.Id)).Status);
    }

    [Fact]
    public async Task TheCloseConfirmation_SaysWhoHasAnswered_WhatHappens_AndTheDifferenceFromAvslutad()
    {
        var remiss = await SentAsync();
        using var session = await OwnerAsync();

        var (response, page) = await session.GetPageAsync($"{remiss.Url}/stang");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var main = Html.Text(page.QuerySelector("main"));
        Assert.Contains("2 av 4 har svarat, varav 1 avstår.", main, StringComparison.Ordinal);
        Assert.Contains("2 remissinstanser som inte har svarat kan inte längre skicka in något yttrande", main, StringComparison.Ordinal);
        Assert.Contains("Inga e-postmeddelanden skickas", main, StringComparison.Ordinal);
        Assert.Contains("Det går inte att ångra stängningen här i tjänsten.", main, StringComparison.Ordinal);
        Assert.Contains("Stängd betyder att inga fler svar tas emot", main, StringComparison.Ordinal);
        Assert.Equal(["Bekräfta och stäng"], Html.ButtonTexts(page.QuerySelector("main form")!));
        Assert.Equal(remiss.Url, Link(page.QuerySelector("main form")!, "Avbryt"));
        Assert.Equal(RemissStatus.Sent, (await Arrange.StoredAsync(factory, remiss.Id)).Status);
    }

    [Fact]
    public async Task TheWithdrawConfirmation_SaysWhoIsEmailed_AndShowsTheMessage_BeforeAnythingIsSent()
    {
        var remiss = await SentAsync();
        using var session = await OwnerAsync();

        var (_, page) = await session.GetPageAsync($"{remiss.Url}/aterkalla");

        var main = Html.Text(page.QuerySelector("main"));
        Assert.Contains("3 remissinstanser som inte har avstått får ett e-postmeddelande om återkallelsen", main, StringComparison.Ordinal);
        Assert.Contains("Det går inte att ångra en återkallelse här i tjänsten.", main, StringComparison.Ordinal);
        Assert.Contains("har återkallat remissen", Html.Text(page.QuerySelector("main .email-preview")), StringComparison.Ordinal);
        Assert.Equal("Anledning till återkallelsen", Html.LabelOf(page, "WithdrawalReason"));
        Assert.Empty(await MessagesAsync(EmailReason.Withdrawn, remiss));
    }

    [Fact]
    public async Task WithdrawingWithATooLongReason_IsRefusedAtTheField_KeepingWhatWasTyped()
    {
        var remiss = await SentAsync();
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/aterkalla");
        var reason = new string('x', 2_001);

        using var response = await BrowserForm.Of(page, "main form").Set("WithdrawalReason", reason).SubmitAsync(session, "Bekräfta och återkalla");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await WebSession.ParseAsync(response);
        Assert.NotEqual(string.Empty, Html.FieldError(refused, "WithdrawalReason"));
        Assert.Equal(reason, (refused.GetElementById("WithdrawalReason") as IHtmlTextAreaElement)?.Value);
        Assert.Equal(RemissStatus.Sent, (await Arrange.StoredAsync(factory, remiss.Id)).Status);
        Assert.Empty(await MessagesAsync(EmailReason.Withdrawn, remiss));
    }

    [Fact]
    public async Task TheConfirmationsOfADraft_SayItCannotBeClosedOrWithdrawn()
    {
        var draft = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();

        var (closing, closePage) = await session.GetPageAsync($"{draft.Url}/stang");
        var (_, withdrawPage) = await session.GetPageAsync($"{draft.Url}/aterkalla");

        Assert.Equal(HttpStatusCode.OK, closing.StatusCode);
        Assert.Contains("Bara en utskickad remiss kan stängas.", Html.Summary(closePage));
        Assert.Null(closePage.QuerySelector("main form"));
        Assert.Contains("Bara en utskickad remiss kan återkallas.", string.Join(' ', Html.Summary(withdrawPage)), StringComparison.Ordinal);
    }

    // ---- Deleting a draft --------------------------------------------------------------------------------------

    [Fact]
    public async Task DeletingADraft_AfterConfirming_RemovesItAndItsFiles_AndRecordsIt()
    {
        var draft = await Arrange.RemissAsync(factory, new RemissSpec { WithAttachment = true });
        var storageKey = await factory.InTenantAsync("malmo", (db, _) => db.Attachments.Where(a => a.Id == draft.AttachmentId).Select(a => a.StorageKey).SingleAsync());
        using var session = await OwnerAsync();
        var (_, details) = await session.GetPageAsync(draft.Url);
        Assert.Equal($"{draft.Url}/ta-bort", Link(details.QuerySelector("main section[aria-labelledby=fler-atgarder]")!, "Ta bort utkast"));
        var (_, page) = await session.GetPageAsync($"{draft.Url}/ta-bort");
        Assert.Contains("Det går inte att ångra.", Html.Text(page.QuerySelector("main")), StringComparison.Ordinal);

        using var response = await BrowserForm.Of(page, "main form").SubmitAsync(session, "Bekräfta och ta bort");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/malmo/remisser", response.Target());
        var (_, after) = await session.FollowAsync(response);
        Assert.Contains($"Utkastet ”{draft.Title}” är borttaget.", Html.Status(after), StringComparison.Ordinal);
        Assert.False(await factory.InTenantAsync("malmo", (db, _) => db.Remisser.AnyAsync(r => r.Id == draft.Id)));
        Assert.False(await factory.InTenantAsync("malmo", (db, _) => db.Recipients.AnyAsync(r => r.RemissId == draft.Id)));
        var storage = factory.Services.GetRequiredService<IFileStorage>();
        var tenantId = await factory.InTenantAsync("malmo", (db, _) => Task.FromResult(db.CurrentTenantId!.Value));
        await Assert.ThrowsAnyAsync<Exception>(() => storage.OpenReadAsync(tenantId, storageKey, CancellationToken.None));
        var entry = await factory.InTenantAsync("malmo", (db, _) => db.AuditEntries.SingleAsync(e => e.RemissId == draft.Id && e.Action == AuditAction.DraftDeleted));
        Assert.Equal($"Utkastet ”{draft.Title}” togs bort.", entry.Summary);
    }

    [Fact]
    public async Task DeletingASentRemiss_IsRefused_AndKeepsIt()
    {
        var remiss = await SentAsync();
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/ta-bort");
        var token = await session.TokenAsync(remiss.Url);
        var version = (await Arrange.StoredAsync(factory, remiss.Id)).Version;

        using var response = await session.PostFormAsync($"{remiss.Url}/ta-bort", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Contains("Bara ett utkast kan tas bort. En skickad remiss kan stängas eller återkallas.", Html.Summary(page));
        Assert.Null(page.QuerySelector("main form"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bara ett utkast kan tas bort. En skickad remiss kan stängas eller återkallas.", Html.Summary(await WebSession.ParseAsync(response)));
        Assert.Equal(RemissStatus.Sent, (await Arrange.StoredAsync(factory, remiss.Id)).Status);
    }

    [Fact]
    public async Task DeletingADraftThatChangedSinceTheConfirmation_IsRefused_AndKeepsIt()
    {
        var draft = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{draft.Url}/ta-bort");
        await Arrange.ChangeAsync(factory, draft.Id, (r, _) => r.UpdateDetails("Ny titel", r.Diarienummer, r.Description, r.Deadline, Arrange.Today));

        using var response = await BrowserForm.Of(page, "main form").SubmitAsync(session, "Bekräfta och ta bort");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Remissen har ändrats sedan sidan visades. Kontrollera uppgifterna igen och bekräfta.", Html.Summary(await WebSession.ParseAsync(response)));
        Assert.True(await factory.InTenantAsync("malmo", (db, _) => db.Remisser.AnyAsync(r => r.Id == draft.Id)));
    }

    // ---- The signals -------------------------------------------------------------------------------------------

    [Fact]
    public async Task CloseToTheDeadline_ThoseStillAnsweringAreRed_WithWords_AndAnAnstandAskedForSaysSo()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Deadline = Arrange.Today.AddDays(1), Sent = true });
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) =>
        {
            Arrange.StartDrafting(r, remiss.Recipients[Arrange.Grundskola], c);
            Arrange.Submit(r, remiss.Recipients[Arrange.Asn], c);
            Arrange.RequestExtension(r, remiss.Recipients[Arrange.Tekniska], c, Arrange.Today.AddDays(30));
        });
        using var session = await OwnerAsync();

        var (_, page) = await session.GetPageAsync(remiss.Url);

        var rows = Rows(page);
        Assert.Equal(("Ej påbörjat, nära sista svarsdag", "red"), Light(rows[Arrange.Mkb]));
        Assert.Equal(("Påbörjat, nära sista svarsdag", "red"), Light(rows[Arrange.Grundskola]));
        Assert.Equal(("Anstånd begärt, nära sista svarsdag", "red"), Light(rows[Arrange.Tekniska]));
        Assert.Equal(("Inkommet", "green"), Light(rows[Arrange.Asn]));
    }

    [Fact]
    public async Task FarFromTheDeadline_EjPaborjatIsNeutral_PaborjatYellow_AndAnAnstandAskedForIsNotShownAsGranted()
    {
        var remiss = await SentAsync();
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) => Arrange.RequestExtension(r, remiss.Recipients[Arrange.Tekniska], c, new DateOnly(2027, 4, 30)));
        using var session = await OwnerAsync();

        var (_, page) = await session.GetPageAsync(remiss.Url);

        var rows = Rows(page);
        Assert.Equal(("Anstånd begärt", "neutral"), Light(rows[Arrange.Tekniska]));
        Assert.Equal(("Påbörjat", "yellow"), Light(rows[Arrange.Grundskola]));
        Assert.DoesNotContain(page.QuerySelectorAll("main .light"), l => l.ClassList.Contains("light--red"));
    }

    // ---- Sorting and filtering ---------------------------------------------------------------------------------

    [Fact]
    public async Task TheFilterForm_IsAPlainGetForm_WithLabelledFields()
    {
        var remiss = await SentAsync();
        using var session = await OwnerAsync();

        var (_, page) = await session.GetPageAsync(remiss.Url);

        var form = page.QuerySelector("main section[aria-labelledby=remissinstanser] form[method=get]")!;
        Assert.Equal("Sortera efter", Html.LabelOf(page, "sortera"));
        Assert.Equal("Status", Html.LabelOf(page, "status-filter"));
        Assert.Equal("Typ av organisation", Html.LabelOf(page, "typ"));
        Assert.Equal("Bara sena", Html.LabelOf(page, "sena"));
        Assert.Equal(["Visa"], Html.ButtonTexts(form));
    }

    [Fact]
    public async Task FilteringByStatus_ShowsOnlyThoseRows_AndKeepsTheChoiceInTheForm()
    {
        var remiss = await SentAsync();
        using var session = await OwnerAsync();

        var (_, page) = await session.GetPageAsync($"{remiss.Url}?status=ej-paborjat");

        Assert.Equal([Arrange.Tekniska], Rows(page).Keys.ToList());
        Assert.Equal("ej-paborjat", (page.GetElementById("status-filter") as IHtmlSelectElement)?.Value);
        Assert.Contains("Visar 1 av 4 remissinstanser.", Html.Text(page.QuerySelector("main section[aria-labelledby=remissinstanser]")), StringComparison.Ordinal);
        Assert.Equal("2 av 4 har svarat", Html.Text(page.QuerySelector("main .answer-count")));
    }

    [Fact]
    public async Task FilteringByKind_ShowsOnlyThatKindOfOrganisation()
    {
        var remiss = await SentAsync();
        using var session = await OwnerAsync();

        var (_, page) = await session.GetPageAsync($"{remiss.Url}?typ=bolag");

        Assert.Equal([Arrange.Mkb], Rows(page).Keys.ToList());
        Assert.Equal("bolag", (page.GetElementById("typ") as IHtmlSelectElement)?.Value);
    }

    [Fact]
    public async Task FilteringOnTheLateOnes_ShowsOnlyThose()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Deadline = Arrange.Today.AddDays(1), Sent = true });
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) => Arrange.Submit(r, remiss.Recipients[Arrange.Asn], c));
        factory.Clock.Advance(TimeSpan.FromDays(2));
        try
        {
            using var session = await OwnerAsync();

            var (_, page) = await session.GetPageAsync($"{remiss.Url}?sena=true");

            Assert.Equal([Arrange.Grundskola, Arrange.Mkb, Arrange.Tekniska], Rows(page).Keys.ToList());
            Assert.True((page.GetElementById("sena") as IHtmlInputElement)?.IsChecked);
        }
        finally
        {
            factory.Clock.Set(FakeClock.Start);
        }
    }

    [Fact]
    public async Task AFilterThatMatchesNobody_SaysSo_RatherThanThatNoneAreChosen()
    {
        var remiss = await SentAsync();
        using var session = await OwnerAsync();

        var (_, page) = await session.GetPageAsync($"{remiss.Url}?sena=true");

        Assert.Empty(Rows(page));
        var section = Html.Text(page.QuerySelector("main section[aria-labelledby=remissinstanser]"));
        Assert.Contains("Inga remissinstanser matchar filtret.", section, StringComparison.Ordinal);
        Assert.Contains("Visar 0 av 4 remissinstanser.", section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SortingByStatus_PutsThoseNeedingAttentionFirst_AndAnswersLast()
    {
        var remiss = await SentAsync();
        using var session = await OwnerAsync();

        var (_, page) = await session.GetPageAsync($"{remiss.Url}?sortera=status");

        Assert.Equal([Arrange.Tekniska, Arrange.Grundskola, Arrange.Asn, Arrange.Mkb], Rows(page).Keys.ToList());
        Assert.Equal("status", (page.GetElementById("sortera") as IHtmlSelectElement)?.Value);
    }

    [Fact]
    public async Task SortingByLastActivity_PutsTheLatestFirst_AndThoseThatDidNothingLast()
    {
        var remiss = await SentAsync();
        using var session = await OwnerAsync();

        var (_, page) = await session.GetPageAsync($"{remiss.Url}?sortera=aktivitet");

        Assert.Equal(Arrange.Tekniska, Rows(page).Keys.Last());
    }

    [Fact]
    public async Task AnUnknownFilterValue_IsIgnored_AndShowsEveryRow()
    {
        var remiss = await SentAsync();
        using var session = await OwnerAsync();

        var (response, page) = await session.GetPageAsync($"{remiss.Url}?status=%3Cscript%3E&typ=x&sortera=y&sena=ja");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, Rows(page).Count);
        Assert.Null(page.QuerySelector("main .error-summary"));
    }

    // ---- Påminn nu ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task PaminnNu_SendsThatRecipientItsPaminnelseNow_AndRecordsIt_ThenOnlyOnceADay()
    {
        var remiss = await SentAsync();
        var tekniska = remiss.Recipients[Arrange.Tekniska];
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync(remiss.Url);
        var button = page.GetElementById($"paminn-{tekniska}")!;
        Assert.StartsWith("Påminn nu", Html.Text(button), StringComparison.Ordinal);
        Assert.Null(page.GetElementById($"paminn-{remiss.Recipients[Arrange.Asn]}"));

        using var first = await BrowserForm.Of(page, "form[action*='handler=RemindNow']").Set("recipientId", tekniska.ToString()).SubmitAsync(session, $"Påminn nu – {Arrange.Tekniska}");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var (_, after) = await session.FollowAsync(first);
        Assert.Contains($"En påminnelse har skickats till {Arrange.Tekniska}", Html.Status(after), StringComparison.Ordinal);
        var sent = (await MessagesAsync(EmailReason.Reminder, remiss)).Where(m => m.ConcernsId == tekniska).ToList();
        Assert.NotEmpty(sent);
        Assert.All(sent, m => Assert.StartsWith("Påminnelse", m.Subject, StringComparison.Ordinal));
        Assert.Equal("1", Html.Text(Rows(after)[Arrange.Tekniska].QuerySelectorAll("td")[3]));
        Assert.Contains("Påmind i dag", Html.Text(Rows(after)[Arrange.Tekniska]), StringComparison.Ordinal);
        var entry = await factory.InTenantAsync("malmo", (db, _) => db.AuditEntries.SingleAsync(e => e.RemissId == remiss.Id && e.Action == AuditAction.ReminderSentNow));
        Assert.StartsWith($"Påminnelse skickades till {Arrange.Tekniska}", entry.Summary, StringComparison.Ordinal);
        Assert.Contains("Påminnelse skickad", Html.Text(after.QuerySelector("main section[aria-labelledby=historik]")), StringComparison.Ordinal);

        using var second = await BrowserForm.Of(after, "form[action*='handler=RemindNow']").Set("recipientId", tekniska.ToString()).SubmitAsync(session, $"Påminn nu – {Arrange.Tekniska}");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var refused = await WebSession.ParseAsync(second);
        Assert.Equal("Remissinstansen har redan fått en påminnelse i dag. Du kan påminna igen i morgon.", Html.FieldError(refused, $"paminn-{tekniska}"));
        Assert.Contains("Remissinstansen har redan fått en påminnelse i dag. Du kan påminna igen i morgon.", Html.Summary(refused));
        Assert.Equal(sent.Count, (await MessagesAsync(EmailReason.Reminder, remiss)).Count(m => m.ConcernsId == tekniska));

        factory.Clock.Advance(TimeSpan.FromDays(1));
        try
        {
            // A new day, and a new sign-in: the session of yesterday has run out.
            using var later = await OwnerAsync();
            var (_, tomorrow) = await later.GetPageAsync(remiss.Url);
            using var third = await BrowserForm.Of(tomorrow, "form[action*='handler=RemindNow']").Set("recipientId", tekniska.ToString()).SubmitAsync(later, $"Påminn nu – {Arrange.Tekniska}");

            Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
            Assert.Equal(2 * sent.Count, (await MessagesAsync(EmailReason.Reminder, remiss)).Count(m => m.ConcernsId == tekniska));
        }
        finally
        {
            factory.Clock.Set(FakeClock.Start);
        }
    }

    [Fact]
    public async Task PaminnNu_ForARecipientThatHasAnswered_IsRefused_AndSendsNothing()
    {
        var remiss = await SentAsync();
        var asn = remiss.Recipients[Arrange.Asn];
        using var session = await OwnerAsync();
        var token = await session.TokenAsync(remiss.Url);

        using var response = await session.PostFormAsync($"{remiss.Url}?handler=RemindNow", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["recipientId"] = asn.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Remissinstansen har redan svarat eller avstått och påminns inte.", Html.Summary(await WebSession.ParseAsync(response)));
        Assert.DoesNotContain(await MessagesAsync(EmailReason.Reminder, remiss), m => m.ConcernsId == asn);
    }

    [Fact]
    public async Task PaminnNu_ForARecipientOfAnotherRemiss_IsNotFound()
    {
        var remiss = await SentAsync();
        var other = await SentAsync();
        using var session = await OwnerAsync();
        var token = await session.TokenAsync(remiss.Url);

        using var response = await session.PostFormAsync($"{remiss.Url}?handler=RemindNow", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["recipientId"] = other.Recipients[Arrange.Tekniska].ToString(),
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PaminnNu_KeepsTheTablesSortingAndFilters()
    {
        var remiss = await SentAsync();
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}?status=ej-paborjat&sortera=status");

        using var response = await BrowserForm.Of(page, "form[action*='handler=RemindNow']").Set("recipientId", remiss.Recipients[Arrange.Tekniska].ToString()).SubmitAsync(session, $"Påminn nu – {Arrange.Tekniska}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{remiss.Url}?sortera=status&status=ej-paborjat#remissinstanser", response.Target());
    }

    // ---- The owner's start page --------------------------------------------------------------------------------

    [Fact]
    public async Task TheOwnersStartPage_ShowsWaitingAnstandFirst_WithALinkToDecide()
    {
        var remiss = await SentAsync();
        var extensionId = await Arrange.ChangeAsync(factory, remiss.Id, (r, c) => Arrange.RequestExtension(r, remiss.Recipients[Arrange.Tekniska], c, new DateOnly(2027, 4, 30)));
        using var session = await OwnerAsync();

        var (_, page) = await session.GetPageAsync("/malmo");

        var waiting = page.QuerySelector("main section[aria-labelledby=anstand-att-besluta]")!;
        Assert.Equal("Anstånd att besluta om", Html.Text(waiting.QuerySelector("h2")));
        Assert.Same(waiting, page.QuerySelectorAll("main section")[0]);
        var item = waiting.QuerySelectorAll("li").Single(li => Html.Text(li).Contains(remiss.Title, StringComparison.Ordinal));
        Assert.Contains($"{Arrange.Tekniska} begär anstånd till 30 april 2027 för ”{remiss.Title}”.", Html.Text(item), StringComparison.Ordinal);
        Assert.Equal($"{remiss.Url}#anstand-{extensionId}", item.QuerySelector("a")!.GetAttribute("href"));
        var (_, details) = await session.GetPageAsync(remiss.Url);
        Assert.NotNull(details.GetElementById($"anstand-{extensionId}"));
    }

    [Fact]
    public async Task ARecipientsStartPage_ShowsNoAnstandToDecide()
    {
        var remiss = await SentAsync();
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) => Arrange.RequestExtension(r, remiss.Recipients[Arrange.Tekniska], c, new DateOnly(2027, 4, 30)));
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.AsnUser);

        var (_, page) = await session.GetPageAsync("/malmo");

        Assert.Null(page.QuerySelector("main section[aria-labelledby=anstand-att-besluta]"));
    }

    // ---- Helpers -----------------------------------------------------------------------------------------------

    /// <summary>Sent to ASN (submitted), Grundskolenämnden (drafting), Tekniska nämnden (not started) and MKB (declined), due 31 March 2027.</summary>
    private async Task<ArrangedRemiss> SentAsync()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true });
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) =>
        {
            Arrange.Submit(r, remiss.Recipients[Arrange.Asn], c);
            Arrange.StartDrafting(r, remiss.Recipients[Arrange.Grundskola], c);
            Arrange.Decline(r, remiss.Recipients[Arrange.Mkb], c);
        });
        return remiss;
    }

    private Task<List<OutboxMessage>> MessagesAsync(EmailReason reason, ArrangedRemiss remiss) =>
        factory.InTenantAsync("malmo", (db, _) =>
        {
            var ids = remiss.Recipients.Values.ToList();
            return db.Outbox.Where(m => m.Reason == reason && ids.Contains(m.ConcernsId)).ToListAsync();
        });

    private async Task<WebSession> OwnerAsync()
    {
        var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);
        return session;
    }

    private static string? Link(IElement scope, string text) =>
        scope.QuerySelectorAll("a").SingleOrDefault(a => Html.Text(a) == text)?.GetAttribute("href");

    private static Dictionary<string, IElement> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("main section[aria-labelledby=remissinstanser] table tbody tr")
            .ToDictionary(r => Html.Text(r.QuerySelector("th")), r => r);

    private static (string Words, string Colour) Light(IElement row)
    {
        var light = row.QuerySelector(".light")!;
        var colour = light.ClassList.Single(c => c.StartsWith("light--", StringComparison.Ordinal))["light--".Length..];
        return (Html.Text(light), colour);
    }
}
