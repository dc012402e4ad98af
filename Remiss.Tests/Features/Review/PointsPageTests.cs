namespace Remiss.Tests.Features.Review;

using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Audit;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Remisser;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.TestSupport;
using static Remiss.Tests.Features.Review.AnswersPerQuestionPageTests;

/// <summary>
/// The owner's work on the answers through the pages, by real HTTP on real SQLite: Lägg till synpunkt under an answer
/// or a section, its form with the exact labels, Kommentar till fråga N, the themes' page, a stale save that keeps both
/// people's words, and nothing to change once the remiss is Avslutad.
/// </summary>
public sealed class PointsPageTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    // ---- Lägg till synpunkt -----------------------------------------------------------------------------------------

    [Fact]
    public async Task LäggTillSynpunkt_OpensItsFormWithTheExactLabels_AndSparaSynpunkt_ShowsItUnderTheAnswer_AndInTheHistory()
    {
        var remiss = await AnsweredRemissAsync(factory);
        var asn = remiss.Recipients[Arrange.Asn];
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/fragor/1");

        var (_, opened) = await GetFormAsync(session, page, $"#svar-{asn} form[data-add-point]");

        var form = opened.QuerySelector($"#svar-{asn} form.point-form")!;
        Assert.Equal("Ny synpunkt från Arbetsmarknads- och socialnämnden", Html.Text(form.QuerySelector("h4")));
        Assert.Equal("Synpunkt", Html.LabelOf(opened, "Point_Text"));
        Assert.Equal("Bemötande", Html.LabelOf(opened, "Point_Reply"));
        Assert.Equal("Ställningstagande till synpunkten", Html.Text(form.QuerySelector("#Point_Disposition > legend")));
        Assert.Equal(["Beaktas", "Beaktas delvis", "Beaktas inte", "Noteras"], form.QuerySelectorAll("#Point_Disposition label").Select(Html.Text));
        Assert.Equal("Nytt tema", Html.LabelOf(opened, "Point_NewTheme"));
        Assert.Equal(["Spara synpunkt"], Html.ButtonTexts(form));
        Assert.Single(opened.QuerySelectorAll("textarea#Point_Text"));

        var saved = await BrowserForm.Of(opened, "form.point-form")
            .Set("Point.Text", "Samordningen behöver stärkas.")
            .Set("Point.Reply", "Förslaget förtydligas om vem som samordnar.")
            .Set("Point.Disposition", "PartlyConsidered")
            .Set("Point.NewTheme", "Samordning")
            .SubmitAsync(session, "Spara synpunkt");

        Assert.Equal($"{remiss.Url}/fragor/1#svar-{asn}", saved.Target());
        var (_, after) = await session.FollowAsync(saved);
        Assert.Equal("Synpunkten är sparad.", Html.Status(after));
        var point = after.QuerySelector($"#svar-{asn} .point")!;
        Assert.Equal("Samordningen behöver stärkas.", Html.Text(point.QuerySelector(".point__text")));
        Assert.Equal("Förslaget förtydligas om vem som samordnar.", Html.Text(point.QuerySelector(".point__reply")));
        Assert.Equal("Beaktas delvis", Html.Text(point.QuerySelector(".point__disposition")));
        Assert.Equal("Samordning", Html.Text(point.QuerySelector(".point__themes")));
        Assert.Equal(["Ändra synpunkt", "Ta bort synpunkt"], Html.ButtonTexts(point));
        Assert.Null(after.QuerySelector("form.point-form"));
        var (_, details) = await session.GetPageAsync(remiss.Url);
        Assert.Contains(details.QuerySelectorAll("section[aria-labelledby=historik] td"), td => Html.Text(td) == "Synpunkt tillagd");
        var (_, overview) = await session.GetPageAsync($"{remiss.Url}/fragor");
        Assert.Equal("3 svar. 1 synpunkt. Ingen kommentar ännu.", Html.Text(overview.QuerySelector("#fraga-1")!.ParentElement!.QuerySelector(".work")));
    }

    [Fact]
    public async Task TextSelectedInTheAnswer_ArrivesAsTheSynpunkt_WhenTheScriptSendsIt()
    {
        var remiss = await AnsweredRemissAsync(factory);
        var asn = remiss.Recipients[Arrange.Asn];
        using var session = await OwnerAsync();

        var (_, page) = await session.GetPageAsync($"{remiss.Url}/fragor/1?ny={asn}&citat={Uri.EscapeDataString("stora behov av samordning")}");

        Assert.Equal("stora behov av samordning", page.QuerySelector("#Point_Text")!.TextContent);
        Assert.NotNull(page.QuerySelector("script[src^='/js/review.js']"));
        Assert.NotNull(page.QuerySelector($"#svar-{asn}[data-quote-scope] [data-answer-text]"));
    }

    [Fact]
    public async Task ASynpunktWithoutText_IsRefusedNextToItsField_KeepingWhatWasTyped()
    {
        var remiss = await AnsweredRemissAsync(factory);
        var asn = remiss.Recipients[Arrange.Asn];
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/fragor/1?ny={asn}");

        var response = await BrowserForm.Of(page, "form.point-form").Set("Point.Text", "  ").Set("Point.Reply", "Ett bemötande.").SubmitAsync(session, "Spara synpunkt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await WebSession.ParseAsync(response);
        Assert.NotEmpty(Html.FieldError(refused, "Point_Text"));
        Assert.Equal("Ett bemötande.", refused.QuerySelector("#Point_Reply")!.TextContent);
        Assert.Empty((await ReadAsync(remiss.Id)).Points);
    }

    [Fact]
    public async Task ASynpunktFromADraft_IsRefused_AndAnotherTenantsRecipientIsNotFound()
    {
        var remiss = await AnsweredRemissAsync(factory);
        using var session = await OwnerAsync();
        var token = await session.TokenAsync($"{remiss.Url}/fragor/1");

        using var draft = await session.PostFormAsync($"{remiss.Url}/fragor/1?handler=Raise", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["recipientId"] = remiss.Recipients[Arrange.Tekniska].ToString(),
            ["Point.Text"] = "Ur ett utkast.",
        });
        using var foreign = await session.PostFormAsync($"{remiss.Url}/fragor/1?handler=Raise", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["recipientId"] = Guid.CreateVersion7().ToString(),
            ["Point.Text"] = "Ur ingenting.",
        });

        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Contains("En synpunkt kan bara hämtas ur ett inskickat yttrande.", Html.Summary(await WebSession.ParseAsync(draft)));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Empty((await ReadAsync(remiss.Id)).Points);
    }

    [Fact]
    public async Task ChangingASynpunkt_AfterSomeoneElseSavedIt_ShowsTheirVersion_AndKeepsYourText_ThenSavesYours()
    {
        var remiss = await AnsweredRemissAsync(factory);
        var asn = remiss.Recipients[Arrange.Asn];
        var pointId = await RaiseAsync(remiss, asn, "Första lydelsen.");
        using var mine = await OwnerAsync();
        using var theirs = await OwnerAsync();
        var (_, myForm) = await mine.GetPageAsync($"{remiss.Url}/fragor/1?andra={pointId}");
        var (_, theirForm) = await theirs.GetPageAsync($"{remiss.Url}/fragor/1?andra={pointId}");
        Assert.Equal("Ändra synpunkt från Arbetsmarknads- och socialnämnden", Html.Text(myForm.QuerySelector("form.point-form h4")));
        Assert.Equal(["Spara synpunkt"], Html.ButtonTexts(myForm.QuerySelector("form.point-form")!));
        (await BrowserForm.Of(theirForm, "form.point-form").Set("Point.Reply", "Deras bemötande.").SubmitAsync(theirs, "Spara synpunkt")).Dispose();

        var stale = await BrowserForm.Of(myForm, "form.point-form").Set("Point.Reply", "Mitt bemötande.").SubmitAsync(mine, "Spara synpunkt");

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var both = await WebSession.ParseAsync(stale);
        Assert.Contains("Någon annan har sparat synpunkten medan du skrev.", string.Join(' ', Html.Summary(both)), StringComparison.Ordinal);
        Assert.Equal("Deras bemötande.", Html.Text(both.QuerySelector(".conflict .point__reply")));
        Assert.Equal("Mitt bemötande.", both.QuerySelector("form.point-form #Point_Reply")!.TextContent);
        Assert.Equal("Deras bemötande.", Assert.Single((await ReadAsync(remiss.Id)).Points).Reply);

        (await BrowserForm.Of(both, "form.point-form").SubmitAsync(mine, "Spara synpunkt")).Dispose();
        Assert.Equal("Mitt bemötande.", Assert.Single((await ReadAsync(remiss.Id)).Points).Reply);
    }

    [Fact]
    public async Task TaBortSynpunkt_RemovesIt_AndTheHistorySaysSo()
    {
        var remiss = await AnsweredRemissAsync(factory);
        var asn = remiss.Recipients[Arrange.Asn];
        await RaiseAsync(remiss, asn, "Att ta bort.");
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/fragor/1");

        var removed = await BrowserForm.Of(page, $"#svar-{asn} .point form[method=post]").SubmitAsync(session, "Ta bort synpunkt");

        var (_, after) = await session.FollowAsync(removed);
        Assert.Equal("Synpunkten är borttagen.", Html.Status(after));
        Assert.Empty((await ReadAsync(remiss.Id)).Points);
        Assert.Contains(await HistoryAsync(remiss.Id), e => e.Action == AuditAction.PointRemoved);
    }

    [Fact]
    public async Task FilteringByTheme_ShowsTheAnswersWithASynpunktUnderIt()
    {
        var remiss = await AnsweredRemissAsync(factory);
        await RaiseAsync(remiss, remiss.Recipients[Arrange.Grundskola], "Resurser saknas.", ["Ekonomi"]);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/fragor/1");
        var ekonomi = page.QuerySelectorAll("#tema option").Single(o => Html.Text(o) == "Ekonomi").GetAttribute("value")!;

        var (_, filtered) = await FilterAsync(session, page, ("tema", ekonomi));

        Assert.Equal("Tema", Html.LabelOf(page, "tema"));
        Assert.Equal([Arrange.Grundskola], Cards(filtered).Keys);
    }

    // ---- Synpunkter utanför frågorna --------------------------------------------------------------------------------

    [Fact]
    public async Task TheSectionsPage_ListsEachSubmittedYttrandesSections_AndTakesASynpunktFromEkonomiskaKonsekvenser()
    {
        var remiss = await AnsweredRemissAsync(factory);
        var mkb = remiss.Recipients[Arrange.Mkb];
        using var session = await OwnerAsync();
        var (_, overview) = await session.GetPageAsync($"{remiss.Url}/fragor");
        var link = overview.QuerySelectorAll("main a").Single(a => Html.Text(a) == "Synpunkter utanför frågorna").GetAttribute("href")!;
        var (_, page) = await session.GetPageAsync(link);

        Assert.Equal([Arrange.Asn, Arrange.Grundskola, Arrange.Mkb], page.QuerySelectorAll("main article h2").Select(Html.Text));
        var article = page.GetElementById($"yttrande-{mkb}")!;
        Assert.Equal(["Sammanfattning", "Övergripande synpunkter", "Ekonomiska konsekvenser"], article.QuerySelectorAll("h3").Select(Html.Text));
        Assert.DoesNotContain("HEMLIGT UTKAST", page.Body!.InnerHtml, StringComparison.Ordinal);

        var section = article.QuerySelectorAll("section").Single(s => Html.Text(s.QuerySelector("h3")) == "Ekonomiska konsekvenser");
        var (_, opened) = await GetFormAsync(session, page, section, "form[data-add-point]");
        var saved = await BrowserForm.Of(opened, "form.point-form").Set("Point.Text", "Kostnaderna ryms inte.").Set("Point.Disposition", "Noted").SubmitAsync(session, "Spara synpunkt");

        Assert.Equal($"{remiss.Url}/synpunkter-utanfor-fragorna#yttrande-{mkb}", saved.Target());
        var point = Assert.Single((await ReadAsync(remiss.Id)).Points);
        Assert.Equal(("Ekonomiska konsekvenser", (int?)null, Disposition.Noted), (point.Section!, point.QuestionNumber, point.Disposition!.Value));
        var (_, after) = await session.FollowAsync(saved);
        Assert.Equal("Kostnaderna ryms inte.", Html.Text(after.GetElementById($"yttrande-{mkb}")!.QuerySelector(".point__text")));
    }

    // ---- Kommentar till fråga N -------------------------------------------------------------------------------------

    [Fact]
    public async Task KommentarTillFråga_IsSavedWithSparaKommentar_AndAStaleSaveKeepsBothTexts()
    {
        var remiss = await AnsweredRemissAsync(factory);
        using var mine = await OwnerAsync();
        using var theirs = await OwnerAsync();
        var (_, myPage) = await mine.GetPageAsync($"{remiss.Url}/fragor/2");
        var (_, theirPage) = await theirs.GetPageAsync($"{remiss.Url}/fragor/2");
        Assert.Equal("Kommentar till fråga 2", Html.LabelOf(myPage, "CommentText"));

        var first = await BrowserForm.Of(theirPage, "main form[action*='handler=Comment']").Set("CommentText", "Två av tre tillstyrker.").SubmitAsync(theirs, "Spara kommentar");
        var stale = await BrowserForm.Of(myPage, "main form[action*='handler=Comment']").Set("CommentText", "Mina ord om frågan.").SubmitAsync(mine, "Spara kommentar");

        Assert.Equal($"{remiss.Url}/fragor/2#kommentar", first.Target());
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var both = await WebSession.ParseAsync(stale);
        Assert.Contains("Någon annan har sparat kommentaren till fråga 2", Html.FieldError(both, "CommentText"), StringComparison.Ordinal);
        Assert.Equal("Två av tre tillstyrker.", Html.Text(both.QuerySelector(".conflict .comment-text")));
        Assert.Equal("Mina ord om frågan.", both.QuerySelector("#CommentText")!.TextContent);
        Assert.Equal("Två av tre tillstyrker.", (await ReadAsync(remiss.Id)).CommentOn(2)!.Text);

        var (_, saved) = await mine.FollowAsync(await BrowserForm.Of(both, "main form[action*='handler=Comment']").SubmitAsync(mine, "Spara kommentar"));
        Assert.Equal("Mina ord om frågan.", saved.QuerySelector("#CommentText")!.TextContent);
        Assert.Contains(await HistoryAsync(remiss.Id), e => e.Action == AuditAction.CommentSaved);
    }

    // ---- Teman -----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task TheThemesPage_RenamesAndMergesThemes_AndRefusesATakenName()
    {
        var remiss = await AnsweredRemissAsync(factory);
        await RaiseAsync(remiss, remiss.Recipients[Arrange.Asn], "Om pengar.", ["Ekonomi"]);
        await RaiseAsync(remiss, remiss.Recipients[Arrange.Grundskola], "Om budget.", ["Budget"]);
        using var session = await OwnerAsync();
        var (_, overview) = await session.GetPageAsync($"{remiss.Url}/fragor");
        var (_, page) = await session.GetPageAsync(overview.QuerySelectorAll("main a").Single(a => Html.Text(a) == "Teman").GetAttribute("href")!);
        Assert.Equal(["Budget|1", "Ekonomi|1"], page.QuerySelectorAll("main table tbody tr").Select(tr => $"{Html.Text(tr.Children[0])}|{Html.Text(tr.Children[1])}"));

        var taken = await BrowserForm.Of(page, "main table tbody tr:first-child form").Set("Name", "ekonomi").SubmitAsync(session, "Byt namn på Budget");
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var refused = await WebSession.ParseAsync(taken);
        var budgetField = Html.ControlIdLabelled(refused, "Nytt namn på Budget");
        Assert.NotEmpty(Html.FieldError(refused, budgetField));
        Assert.Equal("ekonomi", (refused.GetElementById(budgetField) as IHtmlInputElement)!.Value);

        (await BrowserForm.Of(page, "main table tbody tr:first-child form").Set("Name", "Kostnader").SubmitAsync(session, "Byt namn på Budget")).Dispose();
        var (_, renamed) = await session.GetPageAsync($"{remiss.Url}/teman");
        var merge = BrowserForm.Of(renamed, "main form[action*='handler=Merge']");
        var ids = renamed.QuerySelectorAll("#FromThemeId option").ToDictionary(Html.Text, o => o.GetAttribute("value")!);
        var merged = await merge.Set("FromThemeId", ids["Kostnader"]).Set("IntoThemeId", ids["Ekonomi"]).SubmitAsync(session, "Slå ihop teman");

        var (_, after) = await session.FollowAsync(merged);
        Assert.Equal(["Ekonomi|2"], after.QuerySelectorAll("main table tbody tr").Select(tr => $"{Html.Text(tr.Children[0])}|{Html.Text(tr.Children[1])}"));
        var history = await HistoryAsync(remiss.Id);
        Assert.Contains(history, e => e.Action == AuditAction.ThemeRenamed);
        Assert.Contains(history, e => e.Action == AuditAction.ThemesMerged);
    }

    // ---- Who may, and when -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData(Arrange.AsnUser)]
    [InlineData(Arrange.LundUser)]
    public async Task TheSectionsAndThemesPages_AreNotFound_ForAnyoneButTheOwners(string email)
    {
        var remiss = await AnsweredRemissAsync(factory);
        using var session = factory.NewSession();
        await session.SignInAsync(email);

        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"{remiss.Url}/synpunkter-utanfor-fragorna")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"{remiss.Url}/teman")).StatusCode);
    }

    [Fact]
    public async Task OnceTheRemissIsAvslutad_ThePagesHaveNoForms_AndAPostIsRefused()
    {
        var remiss = await AnsweredRemissAsync(factory);
        var asn = remiss.Recipients[Arrange.Asn];
        var pointId = await RaiseAsync(remiss, asn, "Kvar efter avslut.", ["Ekonomi"]);
        using var session = await OwnerAsync();
        var token = await session.TokenAsync($"{remiss.Url}/fragor/1");
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) =>
        {
            r.Close(c.Now);
            r.Complete(new FinalDocument("slutlig.docx", new string('a', 64), 1), c.Now);
        });

        var (_, question) = await session.GetPageAsync($"{remiss.Url}/fragor/1?ny={asn}&andra={pointId}");
        var (_, sections) = await session.GetPageAsync($"{remiss.Url}/synpunkter-utanfor-fragorna?ny={asn}&del=Sammanfattning");
        var (_, themes) = await session.GetPageAsync($"{remiss.Url}/teman");
        using var comment = await session.PostFormAsync($"{remiss.Url}/fragor/1?handler=Comment", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["CommentText"] = "För sent." });

        Assert.Empty(question.QuerySelectorAll("main form[method=post]"));
        Assert.Empty(question.QuerySelectorAll("main form[data-add-point]"));
        Assert.Equal("Kvar efter avslut.", Html.Text(question.QuerySelector($"#svar-{asn} .point__text")));
        Assert.Null(question.QuerySelector("main .preliminary"));
        Assert.Empty(sections.QuerySelectorAll("main form"));
        Assert.Empty(themes.QuerySelectorAll("main form"));
        Assert.Equal(HttpStatusCode.OK, comment.StatusCode);
        Assert.Contains("Remissen är avslutad och kan inte längre ändras.", Html.Summary(await WebSession.ParseAsync(comment)));
        Assert.Null((await ReadAsync(remiss.Id)).CommentOn(1));
    }

    // ---- Arrangement -------------------------------------------------------------------------------------------

    /// <summary>Submits a GET form of the page (inside <paramref name="selector"/>) as a browser would, and reads the page it leads to.</summary>
    private static Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetFormAsync(WebSession session, IHtmlDocument page, string selector) =>
        GetFormAsync(session, page, page.DocumentElement, selector);

    private static Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetFormAsync(WebSession session, IHtmlDocument page, AngleSharp.Dom.IElement scope, string selector)
    {
        var form = (IHtmlFormElement)scope.QuerySelector(selector)!;
        var query = string.Join('&', FormDataSet.Of(form).Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}"));
        var action = new Uri(new Uri(page.Url), form.GetAttribute("action")).AbsolutePath;
        return session.GetPageAsync($"{action}?{query}");
    }

    private Task<Guid> RaiseAsync(ArrangedRemiss remiss, Guid recipientId, string text, IReadOnlyList<string>? themes = null) =>
        factory.InTenantAsync("malmo", async (db, services) =>
        {
            var stored = (await services.GetRequiredService<RemissReader>().FindAsync(remiss.Id, CancellationToken.None))!;
            var recipient = (await services.GetRequiredService<RemissReader>().FindRecipientAsync(recipientId, CancellationToken.None))!;
            var existing = await db.Themes.Where(t => t.RemissId == remiss.Id).ToListAsync();
            var named = (themes ?? []).Select(name => existing.FirstOrDefault(t => t.Name == name) ?? AddTheme(db, stored, name, existing)).ToList();
            var point = RaisedPoint.Raise(stored, recipient, PointSource.Question(1), new PointContent(text, null, null, [.. named.Select(t => t.Id)]), existing, await Arrange.UserIdAsync(db, Arrange.Owner), factory.Clock.UtcNow);
            db.RaisedPoints.Add(point);
            await db.SaveChangesAsync();
            return point.Id;
        });

    private static Theme AddTheme(Infrastructure.Persistence.AppDbContext db, Remiss remiss, string name, List<Theme> existing)
    {
        var theme = Theme.Create(remiss, name, existing);
        existing.Add(theme);
        db.Themes.Add(theme);
        return theme;
    }

    private Task<ReviewSnapshot> ReadAsync(Guid remissId) =>
        factory.InTenantAsync("malmo", (_, services) => services.GetRequiredService<RemissReview>().ReadAsync(remissId, CancellationToken.None));

    private Task<List<AuditEntry>> HistoryAsync(Guid remissId) =>
        factory.InTenantAsync("malmo", (db, _) => db.AuditEntries.Where(e => e.RemissId == remissId).ToListAsync());

    private async Task<WebSession> OwnerAsync()
    {
        var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);
        return session;
    }
}
