namespace Remiss.Tests.Features.Responses;

using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Remiss.Tests.TestSupport;

/// <summary>
/// Several members of the recipient edit the same draft: a save based on an older version is not written over
/// the newer one, both versions are shown side by side with the second user's text still in the form, and the
/// second save after that overwrites deliberately. The autosave handler answers the script in JSON.
/// </summary>
public sealed class ConcurrentEditingTests(ConcurrentEditingTests.Factory factory) : IClassFixture<ConcurrentEditingTests.Factory>
{
    private const string Colleague = "kim.kollega@malmo.example";
    private const string ColleagueName = "Kim Kollega";

    [Fact]
    public async Task Two_members_saving_the_first_version_at_once_lose_nothing_and_the_second_sees_both_versions()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var amir = await factory.SignedInAsync(Kit.AsnUser);
        using var kim = await factory.SignedInAsync(Colleague);
        var (_, amirsPage) = await amir.GetPageAsync(remiss.Yttrande);
        var (_, kimsPage) = await kim.GetPageAsync(remiss.Yttrande);

        var first = await PageForm.Yttrande(amirsPage)
            .Set("Input.Summary", "Amirs sammanfattning.")
            .Set("Input.Answers[0].Text", "Amirs svar på fråga 1.")
            .SubmitAsync(amir, "Spara utkast");
        await amir.RedirectedToAsync(first, remiss.Yttrande);
        var second = await PageForm.Yttrande(kimsPage)
            .Set("Input.Summary", "Kims sammanfattning.")
            .Set("Input.Answers[1].Text", "Kims svar på fråga 2.")
            .SubmitAsync(kim, "Spara utkast");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var conflictPage = await WebSession.ParseAsync(second);
        var conflict = conflictPage.QuerySelector("main section.conflict")!;
        Assert.NotNull(conflict);
        Assert.Equal("Två versioner", Kit.Text(conflict.QuerySelector("h2")));
        Assert.Contains($"{Kit.AsnDisplayName} sparade yttrandet 23 november 2026 kl. 11.00", Kit.Text(conflict), StringComparison.Ordinal);
        var theirs = conflict.QuerySelectorAll(".side")[0];
        Assert.Contains("Amirs sammanfattning.", Kit.Text(theirs), StringComparison.Ordinal);
        Assert.Contains("Amirs svar på fråga 1.", Kit.Text(theirs), StringComparison.Ordinal);
        Assert.Equal(remiss.Yttrande, theirs.QuerySelectorAll("a").Single(a => Kit.Text(a) == "Använd den sparade versionen").GetAttribute("href"));
        Assert.Contains(Kit.Errors(conflictPage), e => e.StartsWith("Någon annan har sparat yttrandet", StringComparison.Ordinal));

        var form = PageForm.Yttrande(conflictPage);
        Assert.Equal("Kims sammanfattning.", form.Value("Input.Summary"));
        Assert.Equal("Kims svar på fråga 2.", form.Value("Input.Answers[1].Text"));
        var stored = (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!;
        Assert.Equal("<p>Amirs sammanfattning.</p>", stored.Summary);
        Assert.Equal(stored.Version.ToString(CultureInfo.InvariantCulture), form.Value("Input.Version"));

        // Kim keeps Amir's answer to question 1 and saves again: now deliberately over the stored version.
        var third = await form.Set("Input.Answers[0].Text", "Amirs svar på fråga 1.").SubmitAsync(kim, "Spara utkast");

        var saved = await kim.RedirectedToAsync(third, remiss.Yttrande);
        Assert.Null(saved.QuerySelector("main section.conflict"));
        Assert.Equal($"Senast sparat 23 november 2026 kl. 11.00 av {ColleagueName}.", Kit.Text(saved.QuerySelector("[data-save-status]")));
        stored = (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!;
        Assert.Equal("<p>Kims sammanfattning.</p>", stored.Summary);
        Assert.Equal(
            ["<p>Amirs svar på fråga 1.</p>", "<p>Kims svar på fråga 2.</p>"],
            stored.Answers.Select(a => a.Text).Where(t => t is not null).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Two_first_saves_arriving_at_the_same_moment_write_one_and_show_the_other_the_conflict()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var amir = await factory.SignedInAsync(Kit.AsnUser);
        using var kim = await factory.SignedInAsync(Colleague);
        var (_, amirsPage) = await amir.GetPageAsync(remiss.Yttrande);
        var (_, kimsPage) = await kim.GetPageAsync(remiss.Yttrande);
        var amirs = PageForm.Yttrande(amirsPage).Set("Input.Summary", "Amir samtidigt.");
        var kims = PageForm.Yttrande(kimsPage).Set("Input.Summary", "Kim samtidigt.");

        var responses = await Task.WhenAll(amirs.SubmitAsync(amir, "Spara utkast"), kims.SubmitAsync(kim, "Spara utkast"));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)r.StatusCode}"));
        var written = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var winner = written == responses[0] ? "Amir samtidigt." : "Kim samtidigt.";
        var loser = written == responses[0] ? "Kim samtidigt." : "Amir samtidigt.";
        var page = await WebSession.ParseAsync(refused);
        Assert.Contains(winner, Kit.Text(page.QuerySelector("main section.conflict")), StringComparison.Ordinal);
        Assert.Equal(loser, PageForm.Yttrande(page).Value("Input.Summary"));
        Assert.Equal($"<p>{winner}</p>", (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!.Summary);
    }

    [Fact]
    public async Task Two_tabs_of_one_member_on_an_existing_draft_the_older_tab_gets_the_conflict_and_keeps_its_text()
    {
        var remiss = await factory.CopyOfDemoAsync();
        await Kit.SaveCompleteDraftAsync(factory, remiss.Id, remiss.Asn);
        using var amir = await factory.SignedInAsync(Kit.AsnUser);
        var (_, tab1) = await amir.GetPageAsync(remiss.Yttrande);
        var (_, tab2) = await amir.GetPageAsync(remiss.Yttrande);
        var before = (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!.Version;
        Assert.Equal(before.ToString(CultureInfo.InvariantCulture), PageForm.Yttrande(tab2).Value("Input.Version"));

        await amir.RedirectedToAsync(await PageForm.Yttrande(tab1).Set("Input.GeneralViews", "Från flik ett.").SubmitAsync(amir, "Spara utkast"), remiss.Yttrande);
        var stale = await PageForm.Yttrande(tab2).Set("Input.GeneralViews", "Från flik två.").SubmitAsync(amir, "Spara utkast");

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await WebSession.ParseAsync(stale);
        Assert.Contains("Från flik ett.", Kit.Text(page.QuerySelector("main section.conflict")), StringComparison.Ordinal);
        Assert.Equal("Från flik två.", PageForm.Yttrande(page).Value("Input.GeneralViews"));
        var stored = (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!;
        Assert.Equal("<p>Från flik ett.</p>", stored.GeneralViews);
        Assert.Equal(before + 1, stored.Version);
        Assert.Equal((before + 1).ToString(CultureInfo.InvariantCulture), PageForm.Yttrande(page).Value("Input.Version"));
    }

    [Fact]
    public async Task A_stale_post_of_another_button_is_not_written_either()
    {
        var remiss = await factory.CopyOfDemoAsync();
        await Kit.SaveCompleteDraftAsync(factory, remiss.Id, remiss.Asn);
        using var amir = await factory.SignedInAsync(Kit.AsnUser);
        using var kim = await factory.SignedInAsync(Colleague);
        var (_, amirsPage) = await amir.GetPageAsync(remiss.Yttrande);
        var (_, kimsPage) = await kim.GetPageAsync(remiss.Yttrande);
        await amir.RedirectedToAsync(await PageForm.Yttrande(amirsPage).Set("Input.Summary", "Amir hann först.").SubmitAsync(amir, "Spara utkast"), remiss.Yttrande);

        var response = await PageForm.Yttrande(kimsPage).Set("Input.Summary", "Kim skickar in.").SubmitAsync(kim, "Skicka in yttrande");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await WebSession.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("main section.conflict"));
        Assert.Equal("Kim skickar in.", PageForm.Yttrande(page).Value("Input.Summary"));
        Assert.Equal("<p>Amir hann först.</p>", (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!.Summary);
    }

    [Fact]
    public async Task Autosave_answers_saved_with_the_new_version_and_a_stale_version_with_conflict()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var amir = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await amir.GetPageAsync(remiss.Yttrande);
        var url = page.QuerySelector("main form[data-response-form]")!.GetAttribute("data-autosave-url")!;
        Assert.Equal($"{remiss.Yttrande}?handler=Autosave", url);

        var first = await Kit.JsonAsync(await PageForm.Yttrande(page).Set("Input.Summary", "Autosparad text.").PostToAsync(amir, url));

        Assert.True(first.GetProperty("saved").GetBoolean());
        var version = first.GetProperty("version").GetInt32();
        Assert.Equal("Sparat automatiskt kl. 11.00.", first.GetProperty("message").GetString());
        Assert.Equal("Påbörjat", first.GetProperty("status").GetString());
        Assert.False(first.TryGetProperty("conflict", out var noConflict) && noConflict.GetBoolean());
        var stored = (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!;
        Assert.Equal(version, stored.Version);
        Assert.Equal("<p>Autosparad text.</p>", stored.Summary);

        // The same page autosaves again without having read the new version (another tab, say): refused.
        var stale = await Kit.JsonAsync(await PageForm.Yttrande(page).Set("Input.Summary", "Gammal flik.").PostToAsync(amir, url));

        Assert.False(stale.GetProperty("saved").GetBoolean());
        Assert.True(stale.GetProperty("conflict").GetBoolean());
        Assert.Contains("Någon annan har sparat yttrandet", stale.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("<p>Autosparad text.</p>", (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!.Summary);

        // With the version the script was given, the next autosave goes through.
        var next = await Kit.JsonAsync(await PageForm.Yttrande(page)
            .Set("Input.Summary", "Andra autosparningen.")
            .Set("Input.Version", version.ToString(CultureInfo.InvariantCulture))
            .PostToAsync(amir, url));

        Assert.True(next.GetProperty("saved").GetBoolean());
        Assert.Equal(version + 1, next.GetProperty("version").GetInt32());
        Assert.Equal("<p>Andra autosparningen.</p>", (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!.Summary);
    }

    [Fact]
    public async Task Autosave_of_an_invalid_form_says_why_in_json_and_saves_nothing()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var amir = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await amir.GetPageAsync(remiss.Yttrande);

        var refused = await Kit.JsonAsync(await PageForm.Yttrande(page)
            .Set("Input.Summary", "Med ett påhittat val.")
            .Set("Input.Answers[3].Choices", "Nämnden som inte finns")
            .PostToAsync(amir, $"{remiss.Yttrande}?handler=Autosave"));

        Assert.False(refused.GetProperty("saved").GetBoolean());
        Assert.False(refused.GetProperty("conflict").GetBoolean());
        Assert.Equal("Välj bland svarsalternativen till fråga 4.", refused.GetProperty("message").GetString());
        Assert.Null((await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response);
    }

    [Fact]
    public async Task Saving_an_invalid_form_shows_the_error_at_the_question_and_keeps_everything_typed()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var amir = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await amir.GetPageAsync(remiss.Yttrande);

        var response = await PageForm.Yttrande(page)
            .Set("Input.Summary", "Får inte försvinna.")
            .Set("Input.Answers[3].Choices", "Nämnden som inte finns")
            .SubmitAsync(amir, "Spara utkast");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await WebSession.ParseAsync(response);
        Assert.Equal("Välj bland svarsalternativen till fråga 4.", Kit.Text(again.GetElementById("svar-4-error")));
        Assert.Contains("Välj bland svarsalternativen till fråga 4.", Kit.Errors(again));
        Assert.Equal("Får inte försvinna.", ((IHtmlTextAreaElement)Kit.Labelled(again, "Sammanfattning")).Value);
        Assert.Null((await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response);
    }

    /// <summary>The sent demo plus a second member of Arbetsmarknads- och socialnämnden.</summary>
    public sealed class Factory : SentDemoAppFactory
    {
        protected override Task InitializeMoreAsync() => Kit.NewMemberAsync(this, Colleague, ColleagueName, Kit.AsnName);
    }
}
