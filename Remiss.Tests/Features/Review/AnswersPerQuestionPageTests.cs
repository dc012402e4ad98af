namespace Remiss.Tests.Features.Review;

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Remiss.Domain.Remisser;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// The owner reads the answers per question: "Svar per fråga" (/{tenant}/remisser/{id}/fragor) lists every question
/// with its tally and a link "Fråga N" to its page (/fragor/{N}), which shows every submitted answer under its
/// remissinstans, the declined and silent apart, with filters and the tally as a chart and a table. The answers are
/// arranged in the database with the domain's own methods, as the recipients' pages would leave them.
/// </summary>
public sealed class AnswersPerQuestionPageTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    private const string Draft = "HEMLIGT UTKAST";

    internal static readonly IReadOnlyList<QuestionDefinition> Questions =
    [
        QuestionDefinition.FreeText("Vilka utmaningar ser ni?"),
        QuestionDefinition.PositionOn("Tillstyrker ni förslaget?"),
        QuestionDefinition.ChoiceOf("Vem ska samordna?", ["Stadskontoret", "Nämnderna", "Ingen"]),
        QuestionDefinition.TrafficLightOf("Hur går arbetet?", ["Trygghet", "Boende"]),
    ];

    // ---- The way there, and who may come -------------------------------------------------------------------

    [Fact]
    public async Task TheRemissPage_LinksSvarPerFråga_WhichLinksEveryQuestionAsFrågaN_WithItsTally()
    {
        var remiss = await AnsweredRemissAsync(factory);
        using var session = await OwnerAsync();

        var (_, details) = await session.GetPageAsync(remiss.Url);
        var link = details.QuerySelectorAll("main a").Single(a => Html.Text(a) == "Svar per fråga");
        var (response, overview) = await session.GetPageAsync(link.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Svar per fråga", Html.Text(overview.QuerySelector("h1")));
        Assert.Equal(
            [.. Enumerable.Range(1, 4).Select(n => ($"Fråga {n}", $"{remiss.Url}/fragor/{n}"))],
            overview.QuerySelectorAll("main h2 a").Select(a => (Html.Text(a), a.GetAttribute("href"))));
        Assert.Contains("3 av 6 remissinstanser har skickat in ett yttrande.", Html.Text(overview.QuerySelector("main")), StringComparison.Ordinal);
        Assert.Contains("preliminära", Html.Text(overview.QuerySelector("main .preliminary")), StringComparison.Ordinal);
        var positions = overview.QuerySelector("#diagram-2-rubrik")!.ParentElement!;
        Assert.Equal(["Tillstyrker|1|33 %", "Tillstyrker delvis|1|33 %", "Avstyrker|1|33 %", "Inga synpunkter|0|0 %"], Rows(positions));
    }

    [Fact]
    public async Task TheDetailsPageOfADraft_HasNoLink_AndItsQuestionPagesAreNotFound()
    {
        var draft = await Arrange.RemissAsync(factory, new RemissSpec { Questions = Questions });
        using var session = await OwnerAsync();

        var (_, details) = await session.GetPageAsync(draft.Url);

        Assert.DoesNotContain(details.QuerySelectorAll("main a"), a => Html.Text(a) == "Svar per fråga");
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"{draft.Url}/fragor")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"{draft.Url}/fragor/1")).StatusCode);
    }

    [Theory]
    [InlineData(Arrange.AsnUser)]
    [InlineData(Arrange.Admin)]
    [InlineData(Arrange.LundUser)]
    public async Task AnyoneButTheOwners_IsNotFound_OnBothPages(string email)
    {
        var remiss = await AnsweredRemissAsync(factory);
        using var session = factory.NewSession();
        await session.SignInAsync(email);

        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"{remiss.Url}/fragor")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"{remiss.Url}/fragor/1")).StatusCode);
    }

    [Fact]
    public async Task AnotherTenantsRemissUnderItsOwnSlug_AndAQuestionNotInTheRemiss_AreNotFound()
    {
        var remiss = await AnsweredRemissAsync(factory);
        using var lund = factory.NewSession();
        await lund.SignInAsync(Arrange.LundUser);
        using var owner = await OwnerAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await lund.GetAsync($"/lund/remisser/{remiss.Id}/fragor/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"{remiss.Url}/fragor/5")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"{remiss.Url}/fragor/0")).StatusCode);
    }

    // ---- The question's page ----------------------------------------------------------------------------------

    [Fact]
    public async Task AQuestionPage_ShowsEverySubmittedAnswerInFull_UnderItsRemissinstans_AndNeverADraft()
    {
        var remiss = await AnsweredRemissAsync(factory);
        using var session = await OwnerAsync();

        var (response, page) = await session.GetPageAsync($"{remiss.Url}/fragor/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Fråga 1", Html.Text(page.QuerySelector("h1")));
        Assert.Equal("Vilka utmaningar ser ni?", Html.Text(page.QuerySelector("main .question-text")));
        var cards = Cards(page);
        Assert.Equal([Arrange.Asn, Arrange.Grundskola, Arrange.Mkb], cards.Keys);
        var asn = cards[Arrange.Asn];
        Assert.Equal("<p>Vi ser stora behov av <strong>samordning</strong> i Rosengård.</p>", asn.QuerySelector(".rich-text")!.InnerHtml);
        Assert.Contains("Nämnd", Html.Text(asn.QuerySelector(".meta")), StringComparison.Ordinal);
        Assert.Contains("Inkommet", Html.Text(asn.QuerySelector(".meta")), StringComparison.Ordinal);
        Assert.Contains("Förvaltningens preliminära svar", Html.Text(asn.QuerySelector(".meta")), StringComparison.Ordinal);
        Assert.Contains("Preliminärt svar", Html.Text(asn), StringComparison.Ordinal);
        Assert.Contains("Nämndbeslut, Grundskolenämnden, 20 november 2026, § 123", Html.Text(cards[Arrange.Grundskola].QuerySelector(".meta")), StringComparison.Ordinal);
        Assert.DoesNotContain("Preliminärt svar", Html.Text(cards[Arrange.Grundskola]), StringComparison.Ordinal);
        Assert.Contains("Bolag", Html.Text(cards[Arrange.Mkb].QuerySelector(".meta")), StringComparison.Ordinal);
        Assert.DoesNotContain(Draft, page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(Arrange.Tekniska, cards.Keys);
    }

    [Fact]
    public async Task TheDeclinedAndTheSilent_AreListedApartFromTheAnswers()
    {
        var remiss = await AnsweredRemissAsync(factory);
        using var session = await OwnerAsync();

        var (_, page) = await session.GetPageAsync($"{remiss.Url}/fragor/2");

        Assert.Equal(["Parkering Malmö: Frågan berör inte bolaget."], page.QuerySelectorAll("section[aria-labelledby=avstar] li").Select(Html.Text));
        Assert.Equal(["Miljönämnden (Ej påbörjat)", "Tekniska nämnden (Påbörjat)"], page.QuerySelectorAll("section[aria-labelledby=ej-svarat] li").Select(Html.Text));
    }

    [Fact]
    public async Task EachTypesAnswer_ShowsItsPositionChoiceOrColours_WithItsMotivation()
    {
        var remiss = await AnsweredRemissAsync(factory);
        using var session = await OwnerAsync();

        var (_, position) = await session.GetPageAsync($"{remiss.Url}/fragor/2");
        var (_, choice) = await session.GetPageAsync($"{remiss.Url}/fragor/3");
        var (_, lights) = await session.GetPageAsync($"{remiss.Url}/fragor/4");

        Assert.Equal("Avstyrker", Html.Text(Cards(position)[Arrange.Grundskola].QuerySelector("p > strong")));
        Assert.Equal("<p>Resurserna räcker inte.</p>", Cards(position)[Arrange.Grundskola].QuerySelector(".rich-text")!.InnerHtml);
        Assert.Equal(["Stadskontoret"], Cards(choice)[Arrange.Asn].QuerySelectorAll("ul > li").Select(Html.Text));
        Assert.Equal("Yttrandet svarar inte på frågan.", Html.Text(Cards(choice)[Arrange.Mkb].QuerySelector(".muted")));
        Assert.Equal(
            ["Trygghet|Rött|Otryggt i centrum", "Boende|Grönt|"],
            Cards(lights)[Arrange.Asn].QuerySelectorAll("tbody tr").Select(tr => string.Join('|', tr.Children.Select(Html.Text))));
    }

    [Fact]
    public async Task WhileTheRemissIsOpen_ThePageSaysTheAnswersArePreliminary_AndOnceClosedItDoesNot()
    {
        var remiss = await AnsweredRemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, open) = await session.GetPageAsync($"{remiss.Url}/fragor/1");

        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) => r.Close(c.Now));
        var (_, closed) = await session.GetPageAsync($"{remiss.Url}/fragor/1");

        Assert.Contains("Svaren är preliminära", Html.Text(open.QuerySelector("main .preliminary")), StringComparison.Ordinal);
        Assert.Null(closed.QuerySelector("main .preliminary"));
    }

    // ---- Filters ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task FilteringByKindOfOrganisation_ShowsOnlyThatKind_AndSaysHowManyOfAll()
    {
        var remiss = await AnsweredRemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/fragor/1");

        var (_, filtered) = await FilterAsync(session, page, ("typ", "Bolag"));

        Assert.Equal([Arrange.Mkb], Cards(filtered).Keys);
        Assert.Equal("1 av 3 svar visas.", Html.Text(filtered.QuerySelector("main .filter-result")));
        Assert.Equal("Bolag", (filtered.GetElementById("typ") as IHtmlSelectElement)!.Value);
        Assert.Equal("Visa alla svar", Html.Text(filtered.QuerySelector("main form[method=get] a")));
    }

    [Fact]
    public async Task FilteringByPosition_ChoiceOrColour_ShowsOnlyTheAnswersThatGaveIt()
    {
        var remiss = await AnsweredRemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, positionPage) = await session.GetPageAsync($"{remiss.Url}/fragor/2");
        var (_, choicePage) = await session.GetPageAsync($"{remiss.Url}/fragor/3");
        var (_, lightsPage) = await session.GetPageAsync($"{remiss.Url}/fragor/4");

        Assert.Equal("Ställningstagande", Html.LabelOf(positionPage, "svar"));
        Assert.Equal(["Alla", "Tillstyrker", "Tillstyrker delvis", "Avstyrker", "Inga synpunkter"], positionPage.QuerySelectorAll("#svar option").Select(Html.Text));
        Assert.Equal([Arrange.Grundskola], Cards((await FilterAsync(session, positionPage, ("svar", "Opposes"))).Page).Keys);
        Assert.Equal([Arrange.Asn], Cards((await FilterAsync(session, choicePage, ("svar", "Stadskontoret"))).Page).Keys);
        Assert.Contains("Trygghet: Rött", lightsPage.QuerySelectorAll("#svar option").Select(Html.Text));
        Assert.Equal([Arrange.Asn], Cards((await FilterAsync(session, lightsPage, ("svar", "1-Red"))).Page).Keys);
        Assert.Equal([Arrange.Grundskola], Cards((await FilterAsync(session, lightsPage, ("svar", "1-Yellow"))).Page).Keys);
    }

    [Fact]
    public async Task FilteringByWords_ShowsTheAnswersHoldingThemAll_WithEachHitMarkedInsideTheFormatting()
    {
        var remiss = await AnsweredRemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/fragor/1");

        var (_, one) = await FilterAsync(session, page, ("ord", "SAMORDNING"));
        var (_, both) = await FilterAsync(session, page, ("ord", "samordning rosengård"));
        var (_, tags) = await FilterAsync(session, page, ("ord", "strong"));

        Assert.Equal([Arrange.Asn, Arrange.Mkb], Cards(one).Keys);
        Assert.Equal("<p>Vi ser stora behov av <strong><mark>samordning</mark></strong> i Rosengård.</p>", Cards(one)[Arrange.Asn].QuerySelector(".rich-text")!.InnerHtml);
        Assert.Equal("<p>Bostäder och <mark>samordning</mark>.</p>", Cards(one)[Arrange.Mkb].QuerySelector(".rich-text")!.InnerHtml);
        Assert.Equal([Arrange.Asn], Cards(both).Keys);
        Assert.Equal(2, Cards(both)[Arrange.Asn].QuerySelectorAll("mark").Length);
        Assert.Empty(Cards(tags));
        Assert.Equal("0 av 3 svar visas.", Html.Text(tags.QuerySelector("main .filter-result")));
    }

    [Fact]
    public async Task ASearchOfMarkup_IsShownAsText_AndFindsNothing()
    {
        var remiss = await AnsweredRemissAsync(factory);
        using var session = await OwnerAsync();

        var (response, page) = await session.GetPageAsync($"{remiss.Url}/fragor/1?ord={Uri.EscapeDataString("<script>alert(1)</script>")}&typ=x&svar=%3Cb%3E");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Html.ActiveContent(page));
        Assert.Equal("<script>alert(1)</script>", (page.GetElementById("ord") as IHtmlInputElement)!.Value);
        Assert.Empty(Cards(page));
    }

    // ---- The tally as a chart and a table -----------------------------------------------------------------------

    [Fact]
    public async Task ThePositionTally_IsAnSvgChartWithItsWordsAndNumbers_AndTheSameNumbersAsATable()
    {
        var remiss = await AnsweredRemissAsync(factory);
        using var session = await OwnerAsync();

        var (_, page) = await session.GetPageAsync($"{remiss.Url}/fragor/2");

        var figure = page.QuerySelector("main figure.chart")!;
        var svg = figure.QuerySelector("svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        var title = Html.Text(page.GetElementById(svg.GetAttribute("aria-labelledby")!));
        Assert.Contains("Tillstyrker: 1 av 3", title, StringComparison.Ordinal);
        Assert.Contains("Avstyrker: 1 av 3", title, StringComparison.Ordinal);
        Assert.Equal(["Tillstyrker", "1 av 3", "Tillstyrker delvis", "1 av 3", "Avstyrker", "1 av 3", "Inga synpunkter", "0 av 3"], svg.QuerySelectorAll("text").Select(Html.Text));
        Assert.Equal(4, svg.QuerySelectorAll("rect").Length);
        Assert.Equal(["Tillstyrker|1|33 %", "Tillstyrker delvis|1|33 %", "Avstyrker|1|33 %", "Inga synpunkter|0|0 %"], Rows(figure));
        Assert.Null(page.QuerySelector("main [style]"));
    }

    [Fact]
    public async Task TheTrafficLightTally_NamesEveryColourInWords_AndDrawsAMatrixOfRemissinstanserAndItems_WithItsTable()
    {
        var remiss = await AnsweredRemissAsync(factory);
        using var session = await OwnerAsync();

        var (_, page) = await session.GetPageAsync($"{remiss.Url}/fragor/4");

        var bars = page.GetElementById("diagram-4-rubrik")!.ParentElement!;
        Assert.Contains("Trygghet|Rött|1|50 %", Rows(bars));
        Assert.Contains("Boende|Ej bedömt|1|50 %", Rows(bars));
        var matrix = page.GetElementById("diagram-4-matris-rubrik")!.ParentElement!;
        Assert.Equal("img", matrix.QuerySelector("svg")!.GetAttribute("role"));
        Assert.Contains("Arbetsmarknads- och socialnämnden, Trygghet: Rött", matrix.QuerySelectorAll("svg g > title").Select(Html.Text));
        Assert.Equal(2, matrix.QuerySelectorAll("svg circle").Length); // the legend's and ASN's Boende
        Assert.Equal(
            [$"{Arrange.Asn}|Rött|Grönt", $"{Arrange.Grundskola}|Gult|–"],
            matrix.QuerySelectorAll("table tbody tr").Select(tr => string.Join('|', tr.Children.Select(Html.Text))));
    }

    // ---- Arrangement -------------------------------------------------------------------------------------------

    /// <summary>
    /// Six remissinstanser: ASN (nämnd) submitted a preliminary answer, Grundskolenämnden the nämnd's decision, MKB (bolag)
    /// submitted leaving question 3 unanswered; Tekniska nämnden drafts, Parkering Malmö declined, Miljönämnden is silent.
    /// </summary>
    internal static async Task<ArrangedRemiss> AnsweredRemissAsync(RemissAppFactory factory)
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec
        {
            Questions = Questions,
            Recipients = [Arrange.Asn, Arrange.Grundskola, Arrange.Tekniska, Arrange.Mkb, "Parkering Malmö", "Miljönämnden"],
            Sent = true,
        });
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) =>
        {
            SubmitAnswers(c, remiss.Recipients[Arrange.Asn], new DecisionContent(DecisionKind.PreliminaryAnswer, null, null, null),
                new AnswerContent(1, "<p>Vi ser stora behov av <strong>samordning</strong> i Rosengård.</p>"),
                new AnswerContent(2, "<p>Ett långsiktigt arbete behövs.</p>", new PositionAnswer(Position.Supports)),
                new AnswerContent(3, null, new ChoiceAnswer(["Stadskontoret"])),
                new AnswerContent(4, null, new TrafficLightAnswer([new("Trygghet", TrafficLightColour.Red, "Otryggt i centrum"), new("Boende", TrafficLightColour.Green, null)])));
            SubmitAnswers(c, remiss.Recipients[Arrange.Grundskola], new DecisionContent(DecisionKind.BoardDecision, Arrange.Grundskola, new DateOnly(2026, 11, 20), "§ 123"),
                new AnswerContent(1, "<p>Skolan behöver resurser.</p>"),
                new AnswerContent(2, "<p>Resurserna räcker inte.</p>", new PositionAnswer(Position.Opposes)),
                new AnswerContent(3, null, new ChoiceAnswer(["Nämnderna"])),
                new AnswerContent(4, null, new TrafficLightAnswer([new("Trygghet", TrafficLightColour.Yellow, null)])));
            SubmitAnswers(c, remiss.Recipients[Arrange.Mkb], null,
                new AnswerContent(1, "<p>Bostäder och samordning.</p>"),
                new AnswerContent(2, null, new PositionAnswer(Position.PartlySupports)));
            var tekniska = c.Recipient(remiss.Recipients[Arrange.Tekniska]);
            var version = tekniska.StartDrafting(c.UserId, c.Now).Version;
            tekniska.SaveDraft(new ResponseContent($"<p>{Draft}</p>", null, [new AnswerContent(1, $"<p>{Draft}</p>"), new AnswerContent(2, null, new PositionAnswer(Position.Opposes))], [], null, []), version, c.ResponseContext, c.UserId, c.Now);
            Arrange.Decline(r, remiss.Recipients["Parkering Malmö"], c);
        });
        return remiss;
    }

    internal static void SubmitAnswers(ArrangeContext context, Guid recipientId, DecisionContent? decision, params AnswerContent[] answers)
    {
        var recipient = context.Recipient(recipientId);
        var version = recipient.StartDrafting(context.UserId, context.Now).Version;
        recipient.SaveDraft(
            new ResponseContent("<p>Nämnden ställer sig bakom förslaget.</p>", "<p>Förvaltningens överväganden.</p>", answers, [new SectionContent("Ekonomiska konsekvenser", "<p>Kostnaderna ryms inte i budgeten.</p>")], decision, []),
            version,
            context.ResponseContext,
            context.UserId,
            context.Now);
        recipient.Submit(context.UserId, context.Now);
    }

    internal static Dictionary<string, IElement> Cards(IHtmlDocument page) =>
        page.QuerySelectorAll("main article.answer-card").ToDictionary(a => Html.Text(a.QuerySelector("h3")), a => a);

    private static List<string> Rows(IElement figure) =>
        [.. figure.QuerySelectorAll("table tbody tr").Select(tr => string.Join('|', tr.Children.Select(Html.Text)))];

    /// <summary>Submits the page's filter form (GET) with these values changed, as a person would.</summary>
    internal static Task<(HttpResponseMessage Response, IHtmlDocument Page)> FilterAsync(WebSession session, IHtmlDocument page, params (string Name, string Value)[] values)
    {
        var form = (IHtmlFormElement)page.QuerySelector("main form[method=get]")!;
        var fields = FormDataSet.Of(form).Select(f => (f.Name, f.Value)).ToDictionary(f => f.Name, f => f.Value);
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        var action = new Uri(new Uri(page.Url), form.GetAttribute("action")).AbsolutePath;
        var query = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        return session.GetPageAsync($"{action}?{query}");
    }

    private async Task<WebSession> OwnerAsync()
    {
        var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);
        return session;
    }
}
