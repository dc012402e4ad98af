namespace Remiss.Tests.Features.Responses;

using System.Net;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// The yttrande's state and its alternatives: Begär anstånd and Avstå are offered on the remiss page too, and leaving an
/// untouched form for them saves no empty draft; "Inga synpunkter" cannot stand beside a written answer; Skicka in
/// yttrande shows what is sent and warns when it has no Beslut and no Ansvariga.
/// </summary>
public sealed class YttrandeStateTests(SentDemoAppFactory factory) : IClassFixture<SentDemoAppFactory>
{
    private Task<int> SavedEntriesAsync(Guid remissId) =>
        factory.InTenantAsync("malmo", (db, _) => db.AuditEntries.CountAsync(e => e.RemissId == remissId && e.Action == AuditAction.ResponseSaved));

    [Fact]
    public async Task The_remiss_page_offers_Begar_anstand_and_Avsta_beside_Skriv_yttrande()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);

        var (_, page) = await asn.GetPageAsync(remiss.Url);

        var card = page.QuerySelector("main .my-response")!;
        var links = card.QuerySelectorAll("a").ToDictionary(Kit.Text, a => a.GetAttribute("href"));
        Assert.Equal($"{remiss.Yttrande}/anstand", links["Begär anstånd"]);
        Assert.Equal($"{remiss.Yttrande}/avsta", links["Avstå från att yttra sig"]);
        var (_, extension) = await asn.GetPageAsync(links["Begär anstånd"]!);
        Assert.Equal("Begär anstånd", Kit.Text(extension.QuerySelector("main h1")));
        var (_, decline) = await asn.GetPageAsync(links["Avstå från att yttra sig"]!);
        Assert.Equal("Avstå från att yttra sig", Kit.Text(decline.QuerySelector("main h1")));
    }

    [Fact]
    public async Task Begar_anstand_from_an_untouched_form_saves_no_draft_and_the_owner_sees_no_Paborjat()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);

        var toExtension = await PageForm.Yttrande(page).SubmitAsync(asn, "Begär anstånd");
        var extensionPage = await asn.RedirectedToAsync(toExtension, $"{remiss.Yttrande}/anstand");
        var requested = await PageForm.Of(extensionPage)
            .Set("RequestedDeadline", Kit.Iso(Kit.DemoDeadline.AddDays(21)))
            .Set("Reason", "Nämnden sammanträder i december.")
            .SubmitAsync(asn, "Begär anstånd");
        await asn.RedirectedToAsync(requested, remiss.Yttrande);

        var stored = await Kit.StoredAsync(factory, remiss.Id, remiss.Asn);
        Assert.Equal(RecipientStatus.NotStarted, stored.Status);
        Assert.Null(stored.Response);
        Assert.Equal(ExtensionStatus.Requested, Assert.Single(stored.Extensions).Status);
        Assert.Equal(0, await SavedEntriesAsync(remiss.Id));

        // The recipient's remiss page says the request waits, instead of offering it again.
        var (_, details) = await asn.GetPageAsync(remiss.Url);
        var card = details.QuerySelector("main .my-response")!;
        Assert.Contains("Anstånd begärt till", Kit.Text(card), StringComparison.Ordinal);
        Assert.DoesNotContain(card.QuerySelectorAll("a"), a => Kit.Text(a) == "Begär anstånd");

        using var owner = await factory.SignedInAsync(Kit.Owner);
        var (_, read) = await owner.GetPageAsync(remiss.AsnForOwner);
        Assert.DoesNotContain("Påbörjat", Kit.Text(read.QuerySelector("main .summary-bar")), StringComparison.Ordinal);
        Assert.DoesNotContain("Senast sparat", Kit.MainText(read), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Avsta_from_an_untouched_form_saves_no_draft_but_what_was_typed_is_saved_first()
    {
        var untouched = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(untouched.Yttrande);

        await asn.RedirectedToAsync(await PageForm.Yttrande(page).SubmitAsync(asn, "Avstå från att yttra sig"), $"{untouched.Yttrande}/avsta");

        Assert.Null((await Kit.StoredAsync(factory, untouched.Id, untouched.Asn)).Response);
        Assert.Equal(0, await SavedEntriesAsync(untouched.Id));

        // Nothing typed is lost: with text in the form the draft is saved before the next page.
        var typed = await factory.CopyOfDemoAsync();
        var (_, typedPage) = await asn.GetPageAsync(typed.Yttrande);
        await asn.RedirectedToAsync(
            await PageForm.Yttrande(typedPage).Set("Input.Summary", "Ett påbörjat utkast.").SubmitAsync(asn, "Begär anstånd"),
            $"{typed.Yttrande}/anstand");
        Assert.Equal("<p>Ett påbörjat utkast.</p>", (await Kit.StoredAsync(factory, typed.Id, typed.Asn)).Response!.Summary);
    }

    [Fact]
    public async Task Inga_synpunkter_beside_a_written_answer_is_refused_next_to_the_question_and_keeps_what_was_typed()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);
        var before = await Kit.FingerprintAsync(factory, remiss.Id, remiss.Asn);

        var refused = await PageForm.Yttrande(page)
            .Set("Input.Answers[0].Text", "Vi har ändå en synpunkt.")
            .Set("Input.Answers[0].NoComments", "true")
            .SubmitAsync(asn, "Spara utkast");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var shown = await WebSession.ParseAsync(refused);
        const string message = "Fråga 1: ”Inga synpunkter” kan inte markeras när svaret har text. Ta bort texten eller markeringen.";
        Assert.Contains(message, Kit.Errors(shown));
        Assert.Equal(message, Kit.Text(shown.QuerySelector("#fraga-1 .field-error")));
        Assert.Equal("Vi har ändå en synpunkt.", PageForm.Yttrande(shown).Value("Input.Answers[0].Text"));
        Assert.Equal(before, await Kit.FingerprintAsync(factory, remiss.Id, remiss.Asn));
    }

    [Fact]
    public async Task Skicka_in_yttrande_shows_what_is_sent_and_warns_without_Beslut_and_Ansvariga()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);
        var form = PageForm.Yttrande(page)
            .Set("Input.Summary", "Nämnden tillstyrker.")
            .Set("Input.Answers[0].Text", "Vi arbetar med trygghet i Rosengård.")
            .Set("Input.Answers[2].Position", "NoComments");

        var confirm = await asn.RedirectedToAsync(await form.SubmitAsync(asn, "Skicka in yttrande"), $"{remiss.Yttrande}/skicka-in");

        var warning = confirm.QuerySelector("main [data-submit-warning]")!;
        Assert.Equal(
            ["Yttrandet har inget beslut. Ange vem som har beslutat det, eller att det är förvaltningens preliminära svar.", "Yttrandet har inga ansvariga. Ange namn och titel på den som ansvarar för det."],
            warning.QuerySelectorAll("li").Select(Kit.Text).ToList());
        var preview = confirm.QuerySelector("main .submit-preview")!;
        var text = Kit.Text(preview);
        Assert.Contains("Nämnden tillstyrker.", text, StringComparison.Ordinal);
        Assert.Contains("Vi arbetar med trygghet i Rosengård.", text, StringComparison.Ordinal);
        Assert.Contains("Inga synpunkter", text, StringComparison.Ordinal);
        Assert.Equal(
            ["Beslut", "Ansvariga", "Bilagor"],
            preview.QuerySelectorAll("h2").Select(Kit.Text).Where(h => h is "Beslut" or "Ansvariga" or "Bilagor").ToList());
        Assert.Contains("Inget beslut angivet.", text, StringComparison.Ordinal);
        Assert.Contains("Inga ansvariga angivna.", text, StringComparison.Ordinal);
        Assert.Contains("Inga bilagor.", text, StringComparison.Ordinal);

        // A warning, not a refusal: the yttrande can still be sent.
        await asn.RedirectedToAsync(await PageForm.Of(confirm).SubmitAsync(asn, "Bekräfta och skicka in"), remiss.Yttrande);
        Assert.Equal(RecipientStatus.Submitted, (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Status);
    }

    [Fact]
    public async Task Skicka_in_yttrande_with_Beslut_and_Ansvariga_shows_them_and_warns_of_nothing()
    {
        var remiss = await factory.CopyOfDemoAsync();
        await Kit.SaveCompleteDraftAsync(factory, remiss.Id, remiss.Asn, new DecisionContent(DecisionKind.BoardDecision, Kit.AsnName, new DateOnly(2026, 11, 20), "§ 123"));
        using var asn = await factory.SignedInAsync(Kit.AsnUser);

        var (_, confirm) = await asn.GetPageAsync($"{remiss.Yttrande}/skicka-in");

        Assert.Null(confirm.QuerySelector("main [data-submit-warning]"));
        var text = Kit.Text(confirm.QuerySelector("main .submit-preview"));
        Assert.Contains($"Nämndbeslut, {Kit.AsnName}, 20 november 2026, § 123", text, StringComparison.Ordinal);
        Assert.Contains("Anna Chef, Förvaltningschef", text, StringComparison.Ordinal);
    }
}
