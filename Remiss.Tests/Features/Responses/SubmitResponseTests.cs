namespace Remiss.Tests.Features.Responses;

using System.Net;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Email;
using Remiss.Tests.Features.Files;
using Remiss.Tests.TestSupport;

/// <summary>
/// `Skicka in yttrande` → a confirmation that lists unanswered required questions → `Bekräfta och skicka in`:
/// read-only, time-stamped, a kvittens to the submitter and a notice to the owners. A preliminary answer is
/// completed with the nämnd's decision (and protokollsutdrag) afterwards without reopening the text.
/// </summary>
public sealed class SubmitResponseTests(SentDemoAppFactory factory) : IClassFixture<SentDemoAppFactory>
{
    private static readonly string[] OwnerAddresses = ["handlaggare@malmo.example", "stadskontoret@malmo.example"];

    [Fact]
    public async Task The_confirmation_lists_the_unanswered_required_questions_1_and_3_and_offers_no_confirm_button()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);

        var response = await PageForm.Yttrande(page)
            .Set("Input.Summary", "Bara en sammanfattning.")
            .Set("Input.Answers[1].Text", "Fråga 2 är frivillig.")
            .SubmitAsync(asn, "Skicka in yttrande");

        var confirm = await asn.RedirectedToAsync(response, $"{remiss.Yttrande}/skicka-in");
        var missing = confirm.QuerySelectorAll("main .warning-message li a").ToList();
        Assert.Equal(2, missing.Count);
        Assert.StartsWith("Fråga 1: Vilka pågående processer", Kit.Text(missing[0]), StringComparison.Ordinal);
        Assert.StartsWith("Fråga 3: ", Kit.Text(missing[1]), StringComparison.Ordinal);
        Assert.Equal([$"{remiss.Yttrande}#fraga-1", $"{remiss.Yttrande}#fraga-3"], missing.Select(a => a.GetAttribute("href")).ToList());
        Assert.DoesNotContain("Bekräfta och skicka in", Kit.ButtonTexts(confirm.QuerySelector("main")!));
        Assert.Equal("<p>Bara en sammanfattning.</p>", (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!.Summary);
    }

    [Fact]
    public async Task Confirming_anyway_with_required_questions_unanswered_is_refused_and_nothing_is_sent()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);
        await asn.RedirectedToAsync(await PageForm.Yttrande(page).Set("Input.Answers[0].Text", "Bara fråga 1.").SubmitAsync(asn, "Skicka in yttrande"), $"{remiss.Yttrande}/skicka-in");
        var before = await Kit.FingerprintAsync(factory, remiss.Id, remiss.Asn);

        var forged = await asn.PostFormAsync($"{remiss.Yttrande}/skicka-in", new Dictionary<string, string> { ["__RequestVerificationToken"] = await asn.TokenAsync() });

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        var refused = await WebSession.ParseAsync(forged);
        Assert.Contains("Fråga 3 är obligatorisk. Svara på den eller markera ”Inga synpunkter”.", Kit.Errors(refused));
        Assert.Equal(before, await Kit.FingerprintAsync(factory, remiss.Id, remiss.Asn));
        Assert.Equal(RecipientStatus.Drafting, (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Status);
    }

    [Fact]
    public async Task Bekrafta_och_skicka_in_makes_it_Inkommet_read_only_and_time_stamped_and_queues_the_receipt_and_the_notice()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);
        var form = PageForm.Yttrande(page)
            .Set("Input.Summary", "Nämnden tillstyrker.")
            .Set("Input.Answers[0].Text", "Vi arbetar med trygghet i Rosengård.")
            .Set("Input.Answers[2].NoComments", "true");

        var confirm = await asn.RedirectedToAsync(await form.SubmitAsync(asn, "Skicka in yttrande"), $"{remiss.Yttrande}/skicka-in");
        Assert.Empty(confirm.QuerySelectorAll("main .warning-message:not([data-submit-warning]) li"));
        var submitted = await PageForm.Of(confirm).SubmitAsync(asn, "Bekräfta och skicka in");

        var done = await asn.RedirectedToAsync(submitted, remiss.Yttrande);
        Assert.Equal("Yttrandet är inskickat. En kvittens skickas till dig med e-post.", Kit.Status(done));
        Assert.Contains("Yttrandet skickades in 23 november 2026 kl. 11.00. Det kan inte längre ändras", Kit.MainText(done), StringComparison.Ordinal);
        Assert.Contains("Inkommet", Kit.Text(done.QuerySelector("main .summary-bar")), StringComparison.Ordinal);
        Assert.Null(done.QuerySelector("main form[data-response-form]"));
        Assert.Empty(done.QuerySelectorAll("main textarea, main input[type=text]"));
        Assert.Contains("Vi arbetar med trygghet i Rosengård.", Kit.MainText(done), StringComparison.Ordinal);

        var stored = await Kit.StoredAsync(factory, remiss.Id, remiss.Asn);
        Assert.Equal(RecipientStatus.Submitted, stored.Status);
        Assert.Equal(factory.Clock.UtcNow, stored.SubmittedAt);
        Assert.Equal(factory.Clock.UtcNow, stored.Response!.SubmittedAt);
        var emails = await Kit.EmailsAboutAsync(factory, remiss.Asn);
        Assert.Equal([(EmailReason.Receipt, Kit.AsnUser)], emails.Where(e => e.Reason == EmailReason.Receipt).ToList());
        Assert.Equal(OwnerAddresses, emails.Where(e => e.Reason == EmailReason.SubmittedNotice).Select(e => e.To).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(3, emails.Count);

        using var owner = await factory.SignedInAsync(Kit.Owner);
        var (_, details) = await owner.GetPageAsync(remiss.Url);
        Assert.Equal("1 av 15 har svarat", Kit.Text(details.QuerySelector("main .answer-count")));
        var (_, ownersView) = await owner.GetPageAsync(remiss.AsnForOwner);
        Assert.Contains("Inkom 23 november 2026", Kit.Text(ownersView.QuerySelector("main .summary-bar")), StringComparison.Ordinal);
        Assert.Contains("Vi arbetar med trygghet i Rosengård.", Kit.MainText(ownersView), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_submission_a_stale_Spara_utkast_and_an_autosave_are_refused_and_change_nothing()
    {
        var remiss = await factory.CopyOfDemoAsync();
        await Kit.SaveCompleteDraftAsync(factory, remiss.Id, remiss.Asn);
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);
        var (_, confirm) = await asn.GetPageAsync($"{remiss.Yttrande}/skicka-in");
        await asn.RedirectedToAsync(await PageForm.Of(confirm).SubmitAsync(asn, "Bekräfta och skicka in"), remiss.Yttrande);
        var before = await Kit.FingerprintAsync(factory, remiss.Id, remiss.Asn);
        var stale = PageForm.Yttrande(page).Set("Input.Summary", "Ändrat efter inskickning.");

        var saved = await stale.SubmitAsync(asn, "Spara utkast");
        var version = (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!.Version;
        var fresh = await stale.Set("Input.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)).SubmitAsync(asn, "Spara utkast");
        var autosaved = await Kit.JsonAsync(await stale.PostToAsync(asn, $"{remiss.Yttrande}?handler=Autosave"));
        var signatory = await stale.SubmitAsync(asn, "Lägg till ansvarig");
        var upload = await stale.SubmitAsync(asn, "Ladda upp bilaga", new UploadFile("NewAttachment", "Sent.pdf", SampleFiles.Pdf()));

        foreach (var refused in new[] { saved, fresh, signatory, upload })
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var shown = await WebSession.ParseAsync(refused);
            Assert.Contains(Kit.Errors(shown), e => e.Contains("redan inskickat", StringComparison.Ordinal) || e.Contains("är inskickat och kan inte ändras", StringComparison.Ordinal));
            Assert.Null(shown.QuerySelector("main form[data-response-form]"));
        }

        Assert.False(autosaved.GetProperty("saved").GetBoolean());
        Assert.Equal(before, await Kit.FingerprintAsync(factory, remiss.Id, remiss.Asn));
        Assert.Equal("<p>Nämnden ställer sig bakom förslaget.</p>", (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!.Summary);

        // The confirmation page only leads back to the read-only yttrande; submitting twice changes nothing.
        using var again = await asn.GetAsync($"{remiss.Yttrande}/skicka-in");
        Assert.Equal(remiss.Yttrande, again.Target());
        var twice = await asn.PostFormAsync($"{remiss.Yttrande}/skicka-in", new Dictionary<string, string> { ["__RequestVerificationToken"] = await asn.TokenAsync() });
        Assert.Equal(remiss.Yttrande, twice.Target());
        Assert.Equal(before, await Kit.FingerprintAsync(factory, remiss.Id, remiss.Asn));
    }

    [Fact]
    public async Task A_preliminary_answer_is_completed_with_the_board_decision_and_a_protokollsutdrag_without_changing_the_text()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);
        var form = PageForm.Yttrande(page)
            .Set("Input.Summary", "Förvaltningens förslag till yttrande.")
            .Set("Input.Answers[0].Text", "Förvaltningens svar på fråga 1.")
            .Set("Input.Answers[2].Position", "Supports")
            .Set("Input.DecisionKind", "PreliminaryAnswer");
        var confirm = await asn.RedirectedToAsync(await form.SubmitAsync(asn, "Skicka in yttrande"), $"{remiss.Yttrande}/skicka-in");
        Assert.Contains("Yttrandet skickas som förvaltningens preliminära svar.", Kit.MainText(confirm), StringComparison.Ordinal);
        var submitted = await asn.RedirectedToAsync(await PageForm.Of(confirm).SubmitAsync(asn, "Bekräfta och skicka in"), remiss.Yttrande);
        var before = (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!;
        Assert.Equal(DecisionKind.PreliminaryAnswer, before.Decision!.Kind);

        // The submitted yttrande shows its decision, and a preliminary one offers Komplettera med beslut, a page of its own.
        var details = submitted.QuerySelector("main .decision-details")!;
        Assert.Contains("Förvaltningens preliminära svar", Kit.Text(details), StringComparison.Ordinal);
        var complete = details.QuerySelectorAll("a").Single(a => Kit.Text(a) == "Komplettera med beslut");
        Assert.Equal($"{remiss.Yttrande}/beslut", complete.GetAttribute("href"));
        var (_, decisionPage) = await asn.GetPageAsync(complete.GetAttribute("href")!);
        Assert.Equal("Komplettera med beslut", Kit.Text(decisionPage.QuerySelector("main h1")));
        var decisionForm = decisionPage.QuerySelector("main form[enctype='multipart/form-data']")!;
        Assert.Equal(("file", "Protokollsutdrag"), (Kit.Labelled(decisionForm, "Protokollsutdrag").GetAttribute("type"), Kit.Labelled(decisionForm, "Protokollsutdrag").GetAttribute("name")));
        Assert.Equal("date", Kit.Labelled(decisionForm, "Beslutsdatum").GetAttribute("type"));
        var pdf = SampleFiles.Pdf();
        var confirmed = await PageForm.Of(decisionPage, "main form[enctype='multipart/form-data']")
            .Set("ConfirmedKind", "BoardDecision")
            .Set("ConfirmedDecidedBy", Kit.AsnName)
            .Set("ConfirmedDate", "2027-01-20")
            .Set("ConfirmedParagraph", "§ 45")
            .SubmitAsync(asn, "Spara beslutet", new UploadFile("Protokollsutdrag", "Protokollsutdrag ASN 2027-01-20 § 45.pdf", pdf));

        var done = await asn.RedirectedToAsync(confirmed, remiss.Yttrande);
        Assert.Equal("Beslutet är sparat och avsändaren har fått besked.", Kit.Status(done));
        Assert.DoesNotContain(done.QuerySelectorAll("main a"), a => Kit.Text(a) == "Komplettera med beslut");
        Assert.Contains("20 januari 2027", Kit.Text(done.QuerySelector("main .decision-details")), StringComparison.Ordinal);
        Assert.Contains("§ 45", Kit.Text(done.QuerySelector("main .decision-details")), StringComparison.Ordinal);
        var after = await Kit.StoredAsync(factory, remiss.Id, remiss.Asn);
        Assert.Equal(RecipientStatus.Submitted, after.Status);
        Assert.Equal(new Decision(DecisionKind.BoardDecision, Kit.AsnName, new DateOnly(2027, 1, 20), "§ 45"), after.Response!.Decision);
        Assert.Equal(before.Summary, after.Response.Summary);
        Assert.Equal(before.Answers.Select(a => (a.QuestionId, a.Text, a.Position)).OrderBy(a => a.QuestionId), after.Response.Answers.Select(a => (a.QuestionId, a.Text, a.Position)).OrderBy(a => a.QuestionId));
        Assert.Equal(before.SubmittedAt, after.Response.SubmittedAt);
        var attachment = Assert.Single(after.Response.Attachments);
        Assert.Equal("application/pdf", attachment.ContentType);
        var logged = await factory.InTenantAsync("malmo", (db, _) => db.AuditEntries
            .Where(e => e.SubjectId == remiss.Asn && e.Action == AuditAction.DecisionConfirmed)
            .Select(e => e.Summary)
            .ToListAsync());
        Assert.Equal([$"Nämndens beslut om yttrandet från {Kit.AsnName} lades till."], logged);
        var emails = await Kit.EmailsAboutAsync(factory, remiss.Asn);
        Assert.Equal(OwnerAddresses, emails.Where(e => e.Reason == EmailReason.DecisionConfirmed).Select(e => e.To).Order(StringComparer.Ordinal).ToList());

        var download = $"{remiss.Url}/yttranden/{remiss.Asn}/bilagor/{attachment.Id}";
        using (var mine = await asn.GetAsync(download))
        {
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
            Assert.Equal(pdf, await mine.Content.ReadAsByteArrayAsync());
        }

        using var owner = await factory.SignedInAsync(Kit.Owner);
        using (var owners = await owner.GetAsync(download))
        {
            Assert.Equal(HttpStatusCode.OK, owners.StatusCode);
            Assert.Equal("application/pdf", owners.Content.Headers.ContentType?.MediaType);
            Assert.Equal(pdf, await owners.Content.ReadAsByteArrayAsync());
        }

        var (_, ownersView) = await owner.GetPageAsync(remiss.AsnForOwner);
        Assert.Contains($"Nämndbeslut, {Kit.AsnName}, 20 januari 2027, § 45", Kit.MainText(ownersView), StringComparison.Ordinal);
        Assert.Contains("Protokollsutdrag ASN 2027-01-20 § 45.pdf", Kit.MainText(ownersView), StringComparison.Ordinal);

        using var grundskola = await factory.SignedInAsync(Kit.GrundskolaUser);
        Assert.Equal(HttpStatusCode.NotFound, (await grundskola.GetAsync(download)).StatusCode);
        using var lund = await factory.SignedInAsync(Kit.LundUser);
        Assert.Equal(HttpStatusCode.NotFound, (await lund.GetAsync(download)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lund.GetAsync(download.Replace("/malmo/", "/lund/", StringComparison.Ordinal))).StatusCode);
    }

    [Fact]
    public async Task A_decision_without_a_date_is_refused_and_a_final_answer_cannot_be_completed()
    {
        var remiss = await factory.CopyOfDemoAsync();
        await Kit.SaveCompleteDraftAsync(factory, remiss.Id, remiss.Asn, new DecisionContent(DecisionKind.PreliminaryAnswer, Kit.AsnName, null, null));
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, confirm) = await asn.GetPageAsync($"{remiss.Yttrande}/skicka-in");
        var submitted = await asn.RedirectedToAsync(await PageForm.Of(confirm).SubmitAsync(asn, "Bekräfta och skicka in"), remiss.Yttrande);
        var before = await Kit.FingerprintAsync(factory, remiss.Id, remiss.Asn);

        var (_, decisionPage) = await asn.GetPageAsync($"{remiss.Yttrande}/beslut");
        var undated = await PageForm.Of(decisionPage, "main form[enctype='multipart/form-data']")
            .Set("ConfirmedParagraph", "§ 45")
            .SubmitAsync(asn, "Spara beslutet");

        Assert.Equal(HttpStatusCode.OK, undated.StatusCode);
        var refused = await WebSession.ParseAsync(undated);
        Assert.Contains("Ange nämndens eller delegatens beslut med beslutsdatum.", Kit.Errors(refused));
        Assert.Equal(before, await Kit.FingerprintAsync(factory, remiss.Id, remiss.Asn));

        // A final answer (nämndbeslut) has nothing to complete: a forged post is refused.
        var final = await factory.CopyOfDemoAsync();
        await Kit.SaveCompleteDraftAsync(factory, final.Id, final.Asn, new DecisionContent(DecisionKind.BoardDecision, Kit.AsnName, new DateOnly(2026, 11, 20), "§ 7"));
        var (_, finalConfirm) = await asn.GetPageAsync($"{final.Yttrande}/skicka-in");
        var finalPage = await asn.RedirectedToAsync(await PageForm.Of(finalConfirm).SubmitAsync(asn, "Bekräfta och skicka in"), final.Yttrande);
        Assert.DoesNotContain(finalPage.QuerySelectorAll("main a"), a => Kit.Text(a) == "Komplettera med beslut");
        using (var nothingToComplete = await asn.GetAsync($"{final.Yttrande}/beslut"))
        {
            Assert.Equal(final.Yttrande, nothingToComplete.Target());
        }

        var finalBefore = await Kit.FingerprintAsync(factory, final.Id, final.Asn);

        var forged = await asn.PostFormAsync($"{final.Yttrande}/beslut", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await asn.TokenAsync(),
            ["ConfirmedKind"] = "BoardDecision",
            ["ConfirmedDate"] = "2027-01-20",
            ["ConfirmedParagraph"] = "§ 99",
        });

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Beslutet kan bara kompletteras på ett inskickat preliminärt svar.", Kit.Errors(await WebSession.ParseAsync(forged)));
        Assert.Equal(finalBefore, await Kit.FingerprintAsync(factory, final.Id, final.Asn));
    }

    [Fact]
    public async Task A_decision_cannot_be_added_to_a_draft()
    {
        var remiss = await factory.CopyOfDemoAsync();
        await Kit.SaveCompleteDraftAsync(factory, remiss.Id, remiss.Asn, new DecisionContent(DecisionKind.PreliminaryAnswer, Kit.AsnName, null, null));
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var before = await Kit.FingerprintAsync(factory, remiss.Id, remiss.Asn);

        var forged = await asn.PostFormAsync($"{remiss.Yttrande}/beslut", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await asn.TokenAsync(),
            ["ConfirmedKind"] = "BoardDecision",
            ["ConfirmedDate"] = "2027-01-20",
        });

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        var page = await WebSession.ParseAsync(forged);
        Assert.Contains("Beslutet kan bara kompletteras på ett inskickat yttrande.", Kit.Errors(page));
        Assert.Equal(before, await Kit.FingerprintAsync(factory, remiss.Id, remiss.Asn));
        Assert.Equal("Komplettera med beslut", Kit.Text(page.QuerySelector("main h1")));
    }
}
