namespace Remiss.Tests.Features.Remisser;

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Email;
using Remiss.Tests.TestSupport;

/// <summary>
/// The owner follows a sent remiss on its page (/{tenant}/remisser/{id}): a recipient table with traffic
/// lights in words, and the actions — move the deadline, invite more, decide anstånd, withdraw, close — and on
/// an yttrande's page (/yttranden/{recipientId}) reads it and reopens it. The answers are arranged in the
/// database with the domain's own methods, as the recipients' pages would leave them.
/// </summary>
public sealed class FollowUpPageTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    private static readonly DateOnly Deadline = new(2027, 3, 31);

    // ---- The recipient table ------------------------------------------------------------------------------

    [Fact]
    public async Task RecipientTable_ShowsEveryStatusInWordsWithItsTrafficLight_AndCountsTheAnswers()
    {
        var remiss = await SentWithAnswersAsync();
        using var session = await OwnerAsync();

        var (response, page) = await session.GetPageAsync(remiss.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2 av 15 har svarat", Html.Text(page.QuerySelector("main .answer-count")));
        Assert.Contains("varav 1 avstår", Html.Text(page.QuerySelector("main .summary-bar")), StringComparison.Ordinal);
        var rows = Rows(page);
        Assert.Equal(15, rows.Count);
        Assert.Equal(("Inkommet", "green"), Light(rows[Arrange.Asn]));
        Assert.Equal(("Påbörjat", "yellow"), Light(rows[Arrange.Grundskola]));
        Assert.Equal(("Anstånd begärt", "neutral"), Light(rows[Arrange.Tekniska]));
        Assert.Equal(("Avstår", "grey"), Light(rows[Arrange.Mkb]));
        Assert.Equal(("Ej påbörjat", "neutral"), Light(rows["Miljönämnden"]));
        Assert.Equal("31 mars 2027", Cell(rows["Miljönämnden"], 1));
        Assert.Equal("–", Cell(rows["Miljönämnden"], 2));
        Assert.NotEqual("–", Cell(rows[Arrange.Asn], 2));
        Assert.Equal("0", Cell(rows["Miljönämnden"], 3));
        var read = rows[Arrange.Asn].QuerySelector("a")!;
        Assert.Equal("Läs yttrandet från Arbetsmarknads- och socialnämnden", Html.Text(read));
        Assert.Equal($"{remiss.Url}/yttranden/{remiss.Recipients[Arrange.Asn]}", read.GetAttribute("href"));
        Assert.Equal("Avstår: Frågan berör inte bolaget.", Cell(rows[Arrange.Mkb], 4));
        Assert.Equal("–", Cell(rows["Miljönämnden"], 4));

        var extension = page.QuerySelector("main section[aria-labelledby=anstand]")!;
        Assert.Equal("Tekniska nämnden", Html.Text(extension.QuerySelector("h3")));
        Assert.Contains("Tekniska nämnden begär anstånd till 30 april 2027.", Html.Text(extension), StringComparison.Ordinal);
        Assert.Contains("Bevilja anstånd för Tekniska nämnden", Html.ButtonTexts(extension));
        Assert.Contains("Avslå anstånd för Tekniska nämnden", Html.ButtonTexts(extension));
    }

    [Fact]
    public async Task RecipientTable_AfterTheDeadline_SaysSenForThoseWhoHaveNotAnswered()
    {
        var tomorrow = Arrange.Today.AddDays(1);
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Deadline = tomorrow, Sent = true });
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) =>
        {
            Arrange.Submit(r, remiss.Recipients[Arrange.Asn], c);
            Arrange.StartDrafting(r, remiss.Recipients[Arrange.Grundskola], c);
            Arrange.Decline(r, remiss.Recipients[Arrange.Mkb], c);
        });
        factory.Clock.Advance(TimeSpan.FromDays(2));
        try
        {
            using var session = await OwnerAsync();

            var (_, page) = await session.GetPageAsync(remiss.Url);

            var rows = Rows(page);
            Assert.Equal(("Ej påbörjat, sen", "red"), Light(rows[Arrange.Tekniska]));
            Assert.Equal(("Påbörjat, sen", "red"), Light(rows[Arrange.Grundskola]));
            Assert.Equal("sen", Html.Text(rows[Arrange.Tekniska].QuerySelector(".light strong")));
            Assert.Equal(("Inkommet", "green"), Light(rows[Arrange.Asn]));
            Assert.Equal(("Avstår", "grey"), Light(rows[Arrange.Mkb]));
        }
        finally
        {
            factory.Clock.Set(FakeClock.Start);
        }
    }

    // ---- Move the deadline --------------------------------------------------------------------------------

    [Theory]
    [InlineData("2026-11-23")]
    [InlineData("2026-11-01")]
    public async Task MovingTheDeadlineToTodayOrEarlier_IsRefusedWithAMessageAtTheField(string date)
    {
        var remiss = await SentWithAnswersAsync();
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync(remiss.Url);
        var before = await Arrange.FingerprintAsync(factory, remiss.Id);

        using var response = await BrowserForm.Of(page, "form[action*='handler=MoveDeadline']").Set("NewDeadline", date).SubmitAsync(session, "Flytta sista svarsdag");
        var refused = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ange en sista svarsdag efter dagens datum.", Html.FieldError(refused, "NewDeadline"));
        Assert.Contains("Ange en sista svarsdag efter dagens datum.", Html.Summary(refused));
        Assert.Equal(date, (refused.GetElementById("NewDeadline") as IHtmlInputElement)?.Value);
        Assert.Equal(before, await Arrange.FingerprintAsync(factory, remiss.Id));
    }

    [Fact]
    public async Task MovingTheDeadlineLater_MovesIt_AndTellsOnlyRecipientsStillAnsweringWhoseDeadlineChanged()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec
        {
            Sent = true,
            Recipients = [Arrange.Asn, Arrange.Grundskola, Arrange.Tekniska, Arrange.Mkb, "Miljönämnden"],
        });
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) =>
        {
            Arrange.Submit(r, remiss.Recipients[Arrange.Asn], c);
            Arrange.StartDrafting(r, remiss.Recipients[Arrange.Grundskola], c);
            Arrange.Decline(r, remiss.Recipients[Arrange.Mkb], c);
            var tekniska = c.Recipient(remiss.Recipients[Arrange.Tekniska]);
            var extension = Arrange.RequestExtension(r, tekniska.Id, c, new DateOnly(2027, 6, 30));
            tekniska.GrantExtension(extension, null, c.UserId, c.Now, Arrange.Today);
        });
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync(remiss.Url);

        using var response = await BrowserForm.Of(page, "form[action*='handler=MoveDeadline']").Set("NewDeadline", "2027-05-15").SubmitAsync(session, "Flytta sista svarsdag");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(remiss.Url, response.Target());
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.Equal(new DateOnly(2027, 5, 15), stored.Deadline);
        Assert.Equal(new DateOnly(2027, 6, 30), (await Arrange.StoredRecipientAsync(factory, remiss.Recipients[Arrange.Tekniska])).Deadline);
        var told = await MessagesAsync(EmailReason.DeadlineMoved, remiss);
        Assert.Equal(
            new[] { remiss.Recipients[Arrange.Grundskola], remiss.Recipients["Miljönämnden"] }.Order(),
            told.Select(m => m.ConcernsId).Distinct().Order());
        Assert.Equal(["grundskola@malmo.example", "grundskolenamnden@malmo.example", "miljonamnden@malmo.example"], told.Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        Assert.All(told, m => Assert.Contains("15 maj 2027", m.TextBody, StringComparison.Ordinal));
        var (_, after) = await session.FollowAsync(response);
        Assert.Contains("Sista svarsdag är flyttad till 15 maj 2027.", Html.Status(after), StringComparison.Ordinal);
        Assert.Equal("15 maj 2027", Cell(Rows(after)["Miljönämnden"], 1));
        Assert.Equal("30 juni 2027 (anstånd)", Cell(Rows(after)[Arrange.Tekniska], 1));
    }

    // ---- Add recipients -------------------------------------------------------------------------------------

    [Fact]
    public async Task AddingARecipient_AfterSending_InvitesTheNewOrganisation()
    {
        var word = Arrange.Unique();
        var name = $"Revisionskontoret {word}";
        var mailbox = $"revision-{word.ToLowerInvariant()}@malmo.example";
        var organisation = await Arrange.NewOrganisationAsync(factory, name, OrganisationKind.Extern, mailbox);
        var remiss = await SentWithAnswersAsync();
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync(remiss.Url);
        var form = BrowserForm.Of(page, "form[action*='handler=AddRecipients']");
        var checkbox = page.GetElementById(Html.ControlIdLabelled(page, name)) as IHtmlInputElement;

        using var response = await form.Check("AddedRecipientIds", checkbox!.Value).SubmitAsync(session, "Lägg till och bjud in");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        var added = await Arrange.StoredRecipientAsync(factory, stored.RecipientFor(organisation).Id);
        Assert.Equal(RecipientStatus.NotStarted, added.Status);
        Assert.Equal(16, stored.Recipients.Count);
        var invitation = Assert.Single(await factory.InTenantAsync("malmo", (db, _) =>
            db.Outbox.Where(m => m.Reason == EmailReason.Invitation && m.ConcernsId == added.Id).ToListAsync()));
        Assert.Equal(mailbox, invitation.ToAddress);
        Assert.Equal(OutboxState.Pending, invitation.State);
        var (_, after) = await session.FollowAsync(response);
        Assert.Contains("1 remissinstans är tillagd och har fått en inbjudan.", Html.Status(after), StringComparison.Ordinal);
        Assert.Equal("2 av 16 har svarat", Html.Text(after.QuerySelector("main .answer-count")));
        Assert.Equal(("Ej påbörjat", "neutral"), Light(Rows(after)[name]));
    }

    [Fact]
    public async Task AddingRecipientsWithoutTickingAny_IsRefusedWithAMessage()
    {
        await Arrange.NewOrganisationAsync(factory, $"Extern granskare {Arrange.Unique()}", OrganisationKind.Extern, null);
        var remiss = await SentWithAnswersAsync();
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync(remiss.Url);
        var before = await Arrange.FingerprintAsync(factory, remiss.Id);

        using var response = await BrowserForm.Of(page, "form[action*='handler=AddRecipients']").SubmitAsync(session, "Lägg till och bjud in");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Välj minst en organisation att lägga till.", Html.Summary(await WebSession.ParseAsync(response)));
        Assert.Equal(before, await Arrange.FingerprintAsync(factory, remiss.Id));
    }

    [Fact]
    public async Task AddingTheOwnerOrAnOrganisationOfLund_ByAForgedPost_IsRefused()
    {
        await Arrange.NewOrganisationAsync(factory, $"Extern granskare {Arrange.Unique()}", OrganisationKind.Extern, null);
        var remiss = await SentWithAnswersAsync();
        var owner = await Arrange.OrganisationIdAsync(factory, Arrange.Stadskontoret);
        var lunds = await Arrange.OrganisationIdAsync(factory, "Utbildningsnämnden", "lund");
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync(remiss.Url);
        var before = await Arrange.FingerprintAsync(factory, remiss.Id);

        using var asOwner = await BrowserForm.Of(page, "form[action*='handler=AddRecipients']").Add("AddedRecipientIds", owner.ToString()).SubmitAsync(session, "Lägg till och bjud in");
        using var asLund = await BrowserForm.Of(page, "form[action*='handler=AddRecipients']").Add("AddedRecipientIds", lunds.ToString()).SubmitAsync(session, "Lägg till och bjud in");

        Assert.DoesNotContain("Stadskontoret", page.QuerySelectorAll("form[action*='handler=AddRecipients'] label").Select(Html.Text));
        Assert.Equal(HttpStatusCode.OK, asOwner.StatusCode);
        Assert.Contains("Stadskontoret äger remissen och kan inte vara remissinstans.", Html.Summary(await WebSession.ParseAsync(asOwner)));
        Assert.Equal(HttpStatusCode.OK, asLund.StatusCode);
        Assert.Equal(before, await Arrange.FingerprintAsync(factory, remiss.Id));
    }

    // ---- Anstånd -------------------------------------------------------------------------------------------

    [Fact]
    public async Task GrantingAnExtension_MovesOnlyThatRecipientsDeadline_AndTellsIt()
    {
        var remiss = await SentWithAnswersAsync();
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync(remiss.Url);
        var form = BrowserForm.Of(page, "section[aria-labelledby=anstand] form");
        Assert.Equal("2027-04-30", form.Value("GrantedDeadline"));

        using var response = await form.Set("GrantedDeadline", "2027-05-10").Set("Message", "Anstånd beviljas till nämndens sammanträde.").SubmitAsync(session, "Bevilja anstånd för Tekniska nämnden");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        var tekniska = (await Arrange.StoredRecipientAsync(factory, remiss.Recipients[Arrange.Tekniska]));
        Assert.Equal(new DateOnly(2027, 5, 10), tekniska.Deadline);
        Assert.Equal(ExtensionStatus.Granted, Assert.Single(tekniska.Extensions).Status);
        Assert.Equal(Deadline, stored.Deadline);
        Assert.All((await Arrange.StoredRecipientsAsync(factory, remiss.Id)).Where(r => r.Id != tekniska.Id), r => Assert.Equal(Deadline, r.Deadline));
        var granted = Assert.Single(await MessagesAsync(EmailReason.ExtensionGranted, remiss));
        Assert.Equal(tekniska.Id, granted.ConcernsId);
        Assert.Equal("tekniska-namnden@malmo.example", granted.ToAddress);
        Assert.Contains("10 maj 2027", granted.TextBody, StringComparison.Ordinal);
        Assert.Contains("Anstånd beviljas till nämndens sammanträde.", granted.TextBody, StringComparison.Ordinal);
        var (_, after) = await session.FollowAsync(response);
        Assert.Equal("10 maj 2027 (anstånd)", Cell(Rows(after)[Arrange.Tekniska], 1));
        Assert.Equal(("Ej påbörjat, anstånd", "yellow"), Light(Rows(after)[Arrange.Tekniska]));
        Assert.Null(after.QuerySelector("main section[aria-labelledby=anstand]"));
    }

    [Fact]
    public async Task GrantingAnExtensionToADateNoLaterThanTheDeadline_IsRefused()
    {
        var remiss = await SentWithAnswersAsync();
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync(remiss.Url);
        var before = await Arrange.FingerprintAsync(factory, remiss.Id);

        using var response = await BrowserForm.Of(page, "section[aria-labelledby=anstand] form").Set("GrantedDeadline", "2027-03-01").SubmitAsync(session, "Bevilja anstånd för Tekniska nämnden");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ange ett datum för anståndet senare än nuvarande sista svarsdag.", Html.Summary(await WebSession.ParseAsync(response)));
        Assert.Equal(before, await Arrange.FingerprintAsync(factory, remiss.Id));
    }

    [Fact]
    public async Task RefusingAnExtension_KeepsTheDeadline_AndTellsTheRecipient()
    {
        var remiss = await SentWithAnswersAsync();
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync(remiss.Url);

        using var response = await BrowserForm.Of(page, "section[aria-labelledby=anstand] form")
            .Set("Message", "Sammanställningen måste vara klar i april.")
            .SubmitAsync(session, "Avslå anstånd för Tekniska nämnden");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var tekniska = (await Arrange.StoredRecipientAsync(factory, remiss.Recipients[Arrange.Tekniska]));
        Assert.Equal(Deadline, tekniska.Deadline);
        Assert.Equal(ExtensionStatus.Refused, Assert.Single(tekniska.Extensions).Status);
        var refused = Assert.Single(await MessagesAsync(EmailReason.ExtensionRefused, remiss));
        Assert.Equal(tekniska.Id, refused.ConcernsId);
        Assert.Contains("Sammanställningen måste vara klar i april.", refused.TextBody, StringComparison.Ordinal);
        Assert.Empty(await MessagesAsync(EmailReason.ExtensionGranted, remiss));
    }

    // ---- Withdraw and close -------------------------------------------------------------------------------

    [Fact]
    public async Task WithdrawingWithAReason_MakesItAterkallad_AndTellsEveryRecipientThatHasNotDeclined()
    {
        var remiss = await SentWithAnswersAsync();
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/aterkalla");

        using var response = await BrowserForm.Of(page, "main form")
            .Set("WithdrawalReason", "Kommunstyrelsen har dragit tillbaka förslaget.")
            .SubmitAsync(session, "Bekräfta och återkalla");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.Equal(RemissStatus.Withdrawn, stored.Status);
        Assert.Equal("Kommunstyrelsen har dragit tillbaka förslaget.", stored.WithdrawalReason);
        var told = await MessagesAsync(EmailReason.Withdrawn, remiss);
        Assert.Equal(remiss.Recipients.Where(r => r.Key != Arrange.Mkb).Select(r => r.Value).Order(), told.Select(m => m.ConcernsId).Distinct().Order());
        var (_, after) = await session.FollowAsync(response);
        Assert.Equal("Återkallad", Facts(after)["Status"]);
        Assert.Contains("Kommunstyrelsen har dragit tillbaka förslaget.", Html.Text(after.QuerySelector("main .warning-message")), StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("main section[aria-labelledby=fler-atgarder]"));
    }

    [Fact]
    public async Task ClosingTheRemiss_MakesItStangd()
    {
        var remiss = await SentWithAnswersAsync();
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/stang");

        using var response = await BrowserForm.Of(page, "main form").SubmitAsync(session, "Bekräfta och stäng");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(RemissStatus.Closed, (await Arrange.StoredAsync(factory, remiss.Id)).Status);
        var (_, after) = await session.FollowAsync(response);
        Assert.Contains("Remissen är stängd.", Html.Status(after), StringComparison.Ordinal);
        Assert.Equal("Stängd", Facts(after)["Status"]);
        Assert.Null(after.QuerySelector("main section[aria-labelledby=fler-atgarder]"));
    }

    [Fact]
    public async Task ClosingAClosedRemissAgain_IsRefused()
    {
        var remiss = await SentWithAnswersAsync();
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/stang");
        using var first = await BrowserForm.Of(page, "main form").SubmitAsync(session, "Bekräfta och stäng");

        using var second = await BrowserForm.Of(page, "main form").SubmitAsync(session, "Bekräfta och stäng");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var refused = await WebSession.ParseAsync(second);
        Assert.Contains("Remissen har ändrats sedan sidan visades. Kontrollera uppgifterna igen och bekräfta.", Html.Summary(refused));
        Assert.Contains("Bara en utskickad remiss kan stängas.", Html.Summary((await session.GetPageAsync($"{remiss.Url}/stang")).Page));
    }

    // ---- The yttrande ----------------------------------------------------------------------------------------

    [Fact]
    public async Task ReadingASubmittedYttrande_ShowsItsAnswers()
    {
        var remiss = await SentWithAnswersAsync();
        using var session = await OwnerAsync();

        var (response, page) = await session.GetPageAsync($"{remiss.Url}/yttranden/{remiss.Recipients[Arrange.Asn]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Yttrande från Arbetsmarknads- och socialnämnden", Html.Text(page.QuerySelector("main h1")));
        Assert.Contains("Inkommet", Html.Text(page.QuerySelector("main .summary-bar")), StringComparison.Ordinal);
        Assert.Contains("Inkom 23 november 2026 kl. 11.00", Html.Text(page.QuerySelector("main .summary-bar")), StringComparison.Ordinal);
        Assert.Contains("Nämnden ställer sig bakom förslaget.", Html.Text(page.QuerySelector("main section[aria-labelledby=sammanfattning]")), StringComparison.Ordinal);
        var answers = page.QuerySelectorAll("main article.answer").ToList();
        Assert.Equal(["1. Vilka utmaningar ser ni i områdena?", "2. Tillstyrker ni förslaget?"], answers.Select(a => Html.Text(a.QuerySelector("h3"))));
        Assert.Contains("Vi ser stora behov i Rosengård.", Html.Text(answers[0]), StringComparison.Ordinal);
        Assert.Contains("Tillstyrker", Html.Text(answers[1]), StringComparison.Ordinal);
        Assert.Contains("Ett långsiktigt arbete behövs.", Html.Text(answers[1]), StringComparison.Ordinal);
        Assert.Contains("Öppna yttrandet igen", Html.ButtonTexts(page.QuerySelector("main")!));
    }

    [Fact]
    public async Task TheYttrandePageOfARecipientThatHasNotStarted_SaysSo_AndOffersNoReopen()
    {
        var remiss = await SentWithAnswersAsync();
        using var session = await OwnerAsync();

        var (response, page) = await session.GetPageAsync($"{remiss.Url}/yttranden/{remiss.Recipients["Miljönämnden"]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Remissinstansen har inte börjat skriva något yttrande.", Html.Text(page.QuerySelector("main")), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form"));
    }

    [Fact]
    public async Task ReopeningASubmittedYttrande_GivesItBackAsPaborjat_AndTellsTheRecipientWhy()
    {
        var remiss = await SentWithAnswersAsync();
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/yttranden/{remiss.Recipients[Arrange.Asn]}");

        using var response = await BrowserForm.Of(page, "form[action*='handler=Reopen']")
            .Set("ReopenReason", "Komplettera gärna med barnperspektivet.")
            .SubmitAsync(session, "Öppna yttrandet igen");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(remiss.Url, response.Target());
        var asn = (await Arrange.StoredRecipientAsync(factory, remiss.Recipients[Arrange.Asn]));
        Assert.Equal(RecipientStatus.Drafting, asn.Status);
        Assert.Null(asn.SubmittedAt);
        var told = await MessagesAsync(EmailReason.Reopened, remiss);
        Assert.Equal(["arbetsmarknads-och-socialnamnden@malmo.example", "asn@malmo.example"], told.Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        Assert.All(told, m => Assert.Equal(asn.Id, m.ConcernsId));
        Assert.All(told, m => Assert.Contains("Komplettera gärna med barnperspektivet.", m.TextBody, StringComparison.Ordinal));
        var (_, after) = await session.FollowAsync(response);
        Assert.Contains("Yttrandet från Arbetsmarknads- och socialnämnden är öppnat igen.", Html.Status(after), StringComparison.Ordinal);
        Assert.Equal(("Påbörjat", "yellow"), Light(Rows(after)[Arrange.Asn]));
        Assert.Equal("1 av 15 har svarat", Html.Text(after.QuerySelector("main .answer-count")));
    }

    [Fact]
    public async Task ReopeningAnYttrandeThatIsNotSubmitted_IsRefusedAndTellsNobody()
    {
        var remiss = await SentWithAnswersAsync();
        using var session = await OwnerAsync();
        var path = $"{remiss.Url}/yttranden/{remiss.Recipients[Arrange.Grundskola]}";
        var token = await session.TokenAsync(path);
        var before = await Arrange.FingerprintAsync(factory, remiss.Id);

        using var response = await session.PostFormAsync($"{path}?handler=Reopen", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ReopenReason"] = "Försök",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bara ett inkommet yttrande kan öppnas igen.", Html.Summary(await WebSession.ParseAsync(response)));
        Assert.Equal(before, await Arrange.FingerprintAsync(factory, remiss.Id));
    }

    [Fact]
    public async Task TheYttrandePageOfARecipientOfAnotherRemiss_IsNotFound()
    {
        var remiss = await SentWithAnswersAsync();
        var other = await SentWithAnswersAsync();
        using var session = await OwnerAsync();

        var (response, _) = await session.GetPageAsync($"{remiss.Url}/yttranden/{other.Recipients[Arrange.Asn]}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // ---- Helpers -----------------------------------------------------------------------------------------------

    /// <summary>
    /// Sent to the fifteen demo recipients, due 31 March 2027: ASN has submitted, Grundskolenämnden is drafting,
    /// MKB has declined, Tekniska nämnden asks for anstånd until 30 April 2027; the rest have not started.
    /// </summary>
    private async Task<ArrangedRemiss> SentWithAnswersAsync()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec
        {
            Deadline = Deadline,
            Recipients = Arrange.DemoRecipients,
            Sent = true,
            Questions =
            [
                QuestionDefinition.FreeText("Vilka utmaningar ser ni i områdena?", required: true),
                QuestionDefinition.PositionOn("Tillstyrker ni förslaget?", required: true),
            ],
        });
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) =>
        {
            Arrange.Submit(r, remiss.Recipients[Arrange.Asn], c);
            Arrange.StartDrafting(r, remiss.Recipients[Arrange.Grundskola], c);
            Arrange.Decline(r, remiss.Recipients[Arrange.Mkb], c);
            Arrange.RequestExtension(r, remiss.Recipients[Arrange.Tekniska], c, new DateOnly(2027, 4, 30));
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

    private static Dictionary<string, IElement> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("main section[aria-labelledby=remissinstanser] table tbody tr")
            .ToDictionary(r => Html.Text(r.QuerySelector("th")), r => r);

    /// <summary>The status cell's words and its light's colour.</summary>
    private static (string Words, string Colour) Light(IElement row)
    {
        var light = row.QuerySelector(".light")!;
        var colour = light.ClassList.Single(c => c.StartsWith("light--", StringComparison.Ordinal))["light--".Length..];
        return (Html.Text(light), colour);
    }

    private static string Cell(IElement row, int index) => Html.Text(row.QuerySelectorAll("td")[index]);

    private static Dictionary<string, string> Facts(IHtmlDocument page) =>
        page.QuerySelector("main dl.facts")!.QuerySelectorAll("dt").ToDictionary(Html.Text, dt => Html.Text(dt.NextElementSibling));
}
