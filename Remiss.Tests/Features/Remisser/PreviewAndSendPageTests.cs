namespace Remiss.Tests.Features.Remisser;

using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Email;
using Remiss.Tests.TestSupport;

/// <summary>
/// "Förhandsgranska" shows the draft as a recipient will see it; "Skicka remiss" leads to a confirmation with the
/// recipients, the deadline and the invitation, and "Bekräfta och skicka" sends it and queues the invitations.
/// </summary>
public sealed class PreviewAndSendPageTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    private static readonly DateOnly DemoDeadline = new(2027, 11, 30);

    // ---- Preview ------------------------------------------------------------------------------------------

    [Fact]
    public async Task Preview_ShowsTheRemissAsARecipientWillSeeIt_WithQuestionsAndRecipients()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec
        {
            Questions =
            [
                QuestionDefinition.FreeText("Vilka utmaningar ser ni?", required: true),
                QuestionDefinition.ChoiceOf("Bör arbetet starta 2027?", ["Ja", "Nej"]),
                QuestionDefinition.TrafficLightOf("Hur går arbetet?", ["Trygghet", "Boende"]),
            ],
            WithAttachment = true,
        });
        using var session = await OwnerAsync();

        var (response, page) = await session.GetPageAsync($"{remiss.Url}/forhandsgranska");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(remiss.Title, Html.Text(page.QuerySelector("main h1")));
        Assert.Contains("Förhandsgranskning", Html.Text(page.QuerySelector("main .preview-banner")), StringComparison.Ordinal);
        Assert.Contains("Stadskontoret remitterar förslaget.", Html.Text(page.QuerySelector("main section[aria-labelledby=beskrivning]")), StringComparison.Ordinal);
        var questions = page.QuerySelectorAll("main ol.questions > li").ToList();
        Assert.Equal(["Vilka utmaningar ser ni?", "Bör arbetet starta 2027?", "Hur går arbetet?"], questions.Select(q => Html.Text(q.QuerySelector(".question-text"))));
        Assert.Contains("Alternativ: Ja, Nej", Html.Text(questions[1]), StringComparison.Ordinal);
        Assert.Contains("Punkter: Trygghet, Boende", Html.Text(questions[2]), StringComparison.Ordinal);
        Assert.Equal(
            [Arrange.Asn, Arrange.Grundskola, Arrange.Mkb, Arrange.Tekniska],
            page.QuerySelectorAll("main section[aria-labelledby=remissinstanser] li").Select(Html.Text));
        Assert.Equal(["Remisshandling.pdf"], page.QuerySelectorAll("main section[aria-labelledby=remisshandlingar] a").Select(Html.Text));
        Assert.Null(page.QuerySelector("main form"));
    }

    [Fact]
    public async Task ForhandsgranskaOnTheForm_SavesWhatWasTypedAndOpensThePreview()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        using var response = await BrowserForm.Of(page).Set("Input.Title", "Titel att förhandsgranska").SubmitAsync(session, "Förhandsgranska");
        var (_, preview) = await session.FollowAsync(response);

        Assert.Equal($"{remiss.Url}/forhandsgranska", response.Target());
        Assert.Equal("Titel att förhandsgranska", Html.Text(preview.QuerySelector("main h1")));
    }

    [Fact]
    public async Task SkickaRemissOnTheForm_SavesWhatWasTypedAndOpensTheConfirmation_WithoutSending()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        using var response = await BrowserForm.Of(page).Set("Input.Title", "Titel före utskick").SubmitAsync(session, "Skicka remiss");

        Assert.Equal($"{remiss.Url}/skicka", response.Target());
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.Equal("Titel före utskick", stored.Title);
        Assert.Equal(RemissStatus.Draft, stored.Status);
    }

    // ---- Confirmation ------------------------------------------------------------------------------------

    [Fact]
    public async Task SkickaRemiss_ForAnIncompleteDraft_ShowsEachReasonNextToItsField_WithTheSummaryOnTop_AndKeepsWhatWasTyped()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec
        {
            Diarienummer = null,
            Recipients = [],
            Today = new DateOnly(2026, 11, 1),
            Deadline = new DateOnly(2026, 11, 20),
        });
        using var session = await OwnerAsync();
        var (_, form) = await session.GetPageAsync($"{remiss.Url}/redigera");

        using var response = await BrowserForm.Of(form)
            .Set("Input.Title", "Titel skriven före utskick")
            .Set("Input.Questions[0].Text", string.Empty)
            .SubmitAsync(session, "Skicka remiss");
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Remissen kan inte skickas ännu", Html.Text(page.QuerySelector("main .error-summary h2")));
        var summary = page.QuerySelectorAll("main .error-summary li a").ToDictionary(a => a.GetAttribute("href")!, Html.Text);
        Assert.Equal("Ange diarienummer innan remissen skickas.", summary["#Input_Diarienummer"]);
        Assert.Equal("Ange en sista svarsdag efter dagens datum.", summary["#Input_Deadline"]);
        Assert.Equal("Välj minst en remissinstans.", summary["#Input_RecipientIds"]);
        Assert.Equal("Fråga 1 saknar frågetext.", summary["#Input_Questions_0__Text"]);
        Assert.All(summary.Keys, href => Assert.NotNull(page.GetElementById(href[1..])));
        Assert.Equal("Ange diarienummer innan remissen skickas.", Html.FieldError(page, "Input_Diarienummer"));
        Assert.Equal("Ange en sista svarsdag efter dagens datum.", Html.FieldError(page, "Input_Deadline"));
        Assert.Equal("Fråga 1 saknar frågetext.", Html.FieldError(page, "Input_Questions_0__Text"));
        Assert.Equal("Välj minst en remissinstans.", Html.Text(page.GetElementById("Input_RecipientIds")));
        Assert.Equal("Titel skriven före utskick", page.GetElementById("Input_Title")!.GetAttribute("value"));
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.Equal("Titel skriven före utskick", stored.Title);
        Assert.Equal(RemissStatus.Draft, stored.Status);
    }

    [Fact]
    public async Task TheConfirmation_ForAnIncompleteDraft_LeadsBackToTheFormWithTheReasonsByTheirFields()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Diarienummer = null });
        using var session = await OwnerAsync();

        using var response = await session.GetAsync($"{remiss.Url}/skicka");
        var (_, page) = await session.FollowAsync(response);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{remiss.Url}/redigera?handler=Problems", response.Target());
        Assert.Equal("Remissen kan inte skickas ännu", Html.Text(page.QuerySelector("main .error-summary h2")));
        Assert.Equal("Ange diarienummer innan remissen skickas.", Html.FieldError(page, "Input_Diarienummer"));
        Assert.Null(page.QuerySelector("main .error-summary a[href='#Input_RecipientIds']"));
    }

    [Fact]
    public async Task ConfirmingAnIncompleteDraftAnyway_IsRefusedAndSendsNothing()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Diarienummer = null });
        using var session = await OwnerAsync();
        var token = await session.TokenAsync($"{remiss.Url}/redigera");
        var before = await Arrange.FingerprintAsync(factory, remiss.Id);

        using var response = await session.PostFormAsync($"{remiss.Url}/skicka", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var (_, page) = await session.FollowAsync(response);

        Assert.Equal($"{remiss.Url}/redigera?handler=Problems", response.Target());
        Assert.Equal("Ange diarienummer innan remissen skickas.", Html.FieldError(page, "Input_Diarienummer"));
        Assert.Equal(before, await Arrange.FingerprintAsync(factory, remiss.Id));
    }

    [Fact]
    public async Task Confirmation_ForAReadyRemiss_ListsTheRecipientsTheDeadlineAndTheInvitation()
    {
        var remiss = await ReadyLikeTheDemoAsync();
        using var session = await OwnerAsync();

        var (response, page) = await session.GetPageAsync($"{remiss.Url}/skicka");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("main .error-summary"));
        var facts = page.QuerySelector("main dl.facts")!.QuerySelectorAll("dt").ToDictionary(Html.Text, dt => Html.Text(dt.NextElementSibling));
        Assert.Equal(remiss.Title, facts["Remiss"]);
        Assert.Equal(remiss.Diarienummer, facts["Diarienummer"]);
        Assert.Equal("30 november 2027", facts["Sista svarsdag"]);
        Assert.Contains(page.QuerySelectorAll("main h2"), h => Html.Text(h) == "Remissinstanser (15)");
        var names = page.QuerySelectorAll("main ul.columns li").Select(Html.Text).ToList();
        Assert.Equal(Arrange.DemoRecipients.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Equal(names.Order(StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), false)), names);
        var invitation = Html.Text(page.QuerySelector("main .email-preview"));
        Assert.Contains(remiss.Title, invitation, StringComparison.Ordinal);
        Assert.Contains("Stadskontoret har skickat en remiss till Arbetsmarknads- och socialnämnden och ber om ert yttrande senast den 30 november 2027.", invitation, StringComparison.Ordinal);
        Assert.Contains("Vilka utmaningar ser ni i områdena?", invitation, StringComparison.Ordinal);
        Assert.Contains("(17 mottagare)", Html.Text(page.QuerySelector("main")), StringComparison.Ordinal);
        Assert.Contains("Bekräfta och skicka", Html.ButtonTexts(page.QuerySelector("main form")!));
    }

    [Fact]
    public async Task BekraftaOchSkicka_SendsTheRemiss_AndQueuesOneInvitationPerAddressOfEveryRecipient()
    {
        var remiss = await ReadyLikeTheDemoAsync();
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/skicka");

        using var response = await BrowserForm.Of(page).SubmitAsync(session, "Bekräfta och skicka");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(remiss.Url, response.Target());
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.Equal(RemissStatus.Sent, stored.Status);
        Assert.Equal(factory.Clock.UtcNow, stored.SentAt);
        Assert.All(await Arrange.StoredRecipientsAsync(factory, remiss.Id), r =>
        {
            Assert.Equal(RecipientStatus.NotStarted, r.Status);
            Assert.Equal(factory.Clock.UtcNow, r.InvitedAt);
        });

        var (tenantId, messages) = await InvitationsAsync(remiss);
        Assert.Equal(17, messages.Count);
        Assert.All(messages, m =>
        {
            Assert.Equal(tenantId, m.TenantId);
            Assert.Equal(OutboxState.Pending, m.State);
            Assert.Equal(EmailConcerns.Recipient, m.ConcernsType);
            Assert.Contains(remiss.Title, m.Subject, StringComparison.Ordinal);
        });
        var byRecipient = messages.GroupBy(m => m.ConcernsId).ToDictionary(g => g.Key, g => g.Select(m => m.ToAddress).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(15, byRecipient.Count);
        Assert.Equal(["arbetsmarknads-och-socialnamnden@malmo.example", "asn@malmo.example"], byRecipient[remiss.Recipients[Arrange.Asn]]);
        Assert.Equal(["grundskola@malmo.example", "grundskolenamnden@malmo.example"], byRecipient[remiss.Recipients[Arrange.Grundskola]]);
        // MKB's functional mailbox is also its member's address: one copy.
        Assert.Equal(["mkb@malmo.example"], byRecipient[remiss.Recipients[Arrange.Mkb]]);
        Assert.Equal(["tekniska-namnden@malmo.example"], byRecipient[remiss.Recipients[Arrange.Tekniska]]);
        Assert.Equal(1, messages.Count(m => m.ToAddress == "asn@malmo.example"));

        var (_, remissPage) = await session.FollowAsync(response);
        Assert.Contains("Remissen är skickad till 15 remissinstanser. 17 inbjudningar går ut med e-post.", Html.Status(remissPage), StringComparison.Ordinal);
        Assert.Equal("0 av 15 har svarat", Html.Text(remissPage.QuerySelector("main .answer-count")));
    }

    [Fact]
    public async Task TheDemoRemiss_IsReadyToSend_DueThe30November2027_ToItsFifteenRecipients()
    {
        var id = await Arrange.DemoRemissIdAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"/malmo/remisser/{id}/skicka");

        Assert.Contains("30 november 2027", Html.Text(page.QuerySelector("main dl.facts")), StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("main h2"), h => Html.Text(h) == "Remissinstanser (15)");
        Assert.Contains("Bekräfta och skicka", Html.ButtonTexts(page.QuerySelector("main")!));
    }

    // ---- After sending --------------------------------------------------------------------------------------

    [Fact]
    public async Task AfterSending_TheEditPageAndTheConfirmation_LeadToTheRemissPage()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true });
        using var session = await OwnerAsync();

        using var edit = await session.GetAsync($"{remiss.Url}/redigera");
        var (_, page) = await session.FollowAsync(edit);
        using var confirmation = await session.GetAsync($"{remiss.Url}/skicka");

        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal(remiss.Url, edit.Target());
        Assert.Equal(HttpStatusCode.Redirect, confirmation.StatusCode);
        Assert.Equal(remiss.Url, confirmation.Target());
        Assert.Contains("Remissen är skickad: frågorna och remissinstanserna kan inte längre ändras här.", Html.Status(page), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Spara utkast")]
    [InlineData("Lägg till fråga")]
    [InlineData("Ta bort fråga 1")]
    [InlineData("Flytta ned fråga 1")]
    [InlineData("Välj alla bolag")]
    public async Task AfterSending_QuestionAndRecipientChangesPostedFromTheOldForm_AreRefused(string button)
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) => r.Send(Arrange.Today, c.Now));
        var before = await Arrange.FingerprintAsync(factory, remiss.Id);

        using var response = await BrowserForm.Of(page)
            .Set("Input.Title", "Ändrad efter utskick")
            .Set("Input.Questions[0].Text", "Ändrad fråga efter utskick")
            .SubmitAsync(session, button);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(remiss.Url, response.Target());
        Assert.Equal(before, await Arrange.FingerprintAsync(factory, remiss.Id));
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.Equal(["Vilka utmaningar ser ni?", "Tillstyrker ni förslaget?"], stored.Questions.Select(q => q.Text));
    }

    [Fact]
    public async Task ConfirmingTwice_SendsOnce()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/skicka");

        using var first = await BrowserForm.Of(page).SubmitAsync(session, "Bekräfta och skicka");
        using var second = await BrowserForm.Of(page).SubmitAsync(session, "Bekräfta och skicka");

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(remiss.Url, second.Target());
        var (_, messages) = await InvitationsAsync(remiss);
        Assert.Equal(2 + 2 + 1 + 1, messages.Count);
    }

    // ---- Helpers ---------------------------------------------------------------------------------------------

    /// <summary>A remiss like the demo: due 30 November 2027, to the fifteen recipients of STK-2023-137.</summary>
    private Task<ArrangedRemiss> ReadyLikeTheDemoAsync() => Arrange.RemissAsync(factory, new RemissSpec
    {
        Deadline = DemoDeadline,
        Recipients = Arrange.DemoRecipients,
        Questions =
        [
            QuestionDefinition.FreeText("Vilka utmaningar ser ni i områdena?", required: true),
            QuestionDefinition.ChoiceOfOrganisations("Vilken nämnd bör samordna arbetet?"),
        ],
    });

    private Task<(Guid TenantId, List<OutboxMessage> Messages)> InvitationsAsync(ArrangedRemiss remiss) =>
        factory.InTenantAsync("malmo", async (db, _) =>
        {
            var recipientIds = remiss.Recipients.Values.ToList();
            var messages = await db.Outbox.Where(m => m.Reason == EmailReason.Invitation && recipientIds.Contains(m.ConcernsId)).ToListAsync();
            return ((await db.Tenants.SingleAsync(t => t.Slug == "malmo")).Id, messages);
        });

    private async Task<WebSession> OwnerAsync()
    {
        var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);
        return session;
    }
}
