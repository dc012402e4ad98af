namespace Remiss.Tests.EndToEnd;

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Remiss.Infrastructure.Demo;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Reminders;
using Remiss.Tests.Features.Files;
using Remiss.Tests.Features.Responses;

/// <summary>
/// The whole story in a real browser, as its users meet it: a handläggare sends a remiss, one nämnd answers over two
/// visits, one gets anstånd and answers, one stays silent and is chased; the handläggare reads the answers per question,
/// takes a synpunkt with its bemötande, comments the question, exports the answers, closes and completes the remiss, and
/// the nämnd that answered gets the final sammanställning; every page is checked with axe-core for WCAG 2.1 A and AA,
/// and photographed. Pages are driven by role and accessible name, as a person would.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class RemissStoryTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Asn = "Arbetsmarknads- och socialnämnden";
    private const string Grundskola = "Grundskolenämnden";
    private const string Mkb = "MKB";
    private const string Deadline = "2026-12-30";

    private readonly StoryApp _app = new();
    private readonly List<string> _violations = [];
    private readonly List<string> _consoleErrors = [];
    private int _shot;

    public async Task InitializeAsync() => await ((IAsyncLifetime)_app).InitializeAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_remiss_goes_out_is_answered_chased_summarised_weighed_and_completed()
    {
        var seed = DemoRemissText.Load();
        var diarienummer = "STK-2026-501";

        // 1. The handläggare writes and sends the remiss.
        var owner = await SignInAsync("handlaggare@malmo.example");
        await owner.GetByRole(AriaRole.Link, new() { Name = "Remisser", Exact = true }).First.ClickAsync();
        await CheckAsync(owner, "remisser");
        await owner.GetByRole(AriaRole.Link, new() { Name = "Ny remiss" }).ClickAsync();
        await CheckAsync(owner, "ny-remiss");
        await owner.GetByLabel("Titel", new() { Exact = true }).FillAsync(seed.Title);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Skapa utkast" }).ClickAsync();
        await CheckAsync(owner, "utkast");

        await owner.GetByLabel("Diarienummer", new() { Exact = true }).FillAsync(diarienummer);
        await owner.GetByRole(AriaRole.Textbox, new() { Name = "Beskrivning" }).FillAsync("Stadskontoret remitterar förslaget om ett långsiktigt områdeslyft.");
        await owner.GetByLabel("Sista svarsdag", new() { Exact = true }).FillAsync(Deadline);
        for (var n = 1; n <= 4; n++)
        {
            if (await owner.GetByLabel($"Frågetext {n}", new() { Exact = true }).CountAsync() == 0)
            {
                await owner.GetByRole(AriaRole.Button, new() { Name = "Lägg till fråga" }).ClickAsync();
            }

            await owner.GetByLabel($"Frågetext {n}", new() { Exact = true }).FillAsync(seed.Questions[n - 1]);
        }

        await owner.GetByLabel("Frågetyp 3", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Ställningstagande" });
        await owner.GetByLabel("Fråga 3 är obligatorisk", new() { Exact = true }).CheckAsync();
        await owner.GetByLabel("Fråga 1 är obligatorisk", new() { Exact = true }).CheckAsync();
        await owner.GetByLabel("Frågetyp 4", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Val" });
        await owner.GetByLabel("Alternativen till fråga 4 är kommunens organisationer", new() { Exact = true }).CheckAsync();
        foreach (var name in new[] { Asn, Grundskola, Mkb })
        {
            await owner.GetByRole(AriaRole.Checkbox, new() { Name = name, Exact = true }).CheckAsync();
        }

        await owner.GetByLabel("Lägg till bilaga", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "remisshandling.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf() });
        await owner.GetByRole(AriaRole.Button, new() { Name = "Ladda upp bilaga" }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Link, new() { Name = "remisshandling.pdf" })).ToBeVisibleAsync();
        await CheckAsync(owner, "utkast-med-bilaga");

        await owner.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Skicka remiss" }).ClickAsync();
        await CheckAsync(owner, "skicka");
        await Expect(owner.GetByRole(AriaRole.Main)).ToContainTextAsync(Asn);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Bekräfta och skicka" }).ClickAsync();
        await CheckAsync(owner, "remissen-skickad");
        var remissUrl = owner.Url;
        var remissId = Guid.Parse(RemissId().Match(remissUrl).Groups[1].Value);

        bool IsInvitation(MimeMessage m) => (m.Subject ?? string.Empty).StartsWith("Remiss: ", StringComparison.Ordinal) && (m.Subject ?? string.Empty).Contains(diarienummer, StringComparison.Ordinal);
        foreach (var user in new[] { "asn@malmo.example", "grundskola@malmo.example", "mkb@malmo.example" })
        {
            await MailAsync(m => IsInvitation(m) && To(m, user), 1);
        }

        var invitations = _app.Smtp.Received().Where(IsInvitation).ToList();
        var mkbAddresses = invitations.Where(m => Body(m).Contains(Mkb + " och ber", StringComparison.Ordinal)).SelectMany(m => m.To.Mailboxes).Select(a => a.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Contains("mkb@malmo.example", mkbAddresses);

        // 2. Arbetsmarknads- och socialnämnden follows the link in the e-mail and answers over two visits.
        var link = Link(invitations.First(m => To(m, "asn@malmo.example")));
        Assert.StartsWith(_app.Address.ToString(), link, StringComparison.Ordinal);
        var asn = await SignInFromLinkAsync(link, "asn@malmo.example");
        await CheckAsync(asn, "asn-remissen");
        await asn.GetByRole(AriaRole.Link, new() { Name = "Skriv yttrande" }).ClickAsync();
        await CheckAsync(asn, "asn-yttrande-forsta-besoket");
        await asn.GetByRole(AriaRole.Textbox, new() { Name = "Sammanfattning" }).FillAsync("Nämnden ställer sig positiv till ett långsiktigt områdeslyft.");
        await asn.GetByRole(AriaRole.Textbox, new() { Name = "Svar på fråga 1" }).FillAsync("Trångboddhet och arbetslöshet är de största utmaningarna.");

        // Leaving the page saves what was typed (autosave), without a button.
        await asn.GotoAsync("/malmo");
        await EventuallyAsync(async () => (await StoredSummaryAsync(remissId, Asn))?.Contains("positiv", StringComparison.Ordinal) == true);
        await asn.GotoAsync(new Uri(remissUrl).AbsolutePath + "/yttrande");
        await CheckAsync(asn, "asn-yttrande-andra-besoket");
        await Expect(asn.GetByRole(AriaRole.Textbox, new() { Name = "Sammanfattning" })).ToContainTextAsync("positiv till ett långsiktigt områdeslyft");
        await Expect(asn.GetByRole(AriaRole.Main)).ToContainTextAsync("Amir Sekreterare");

        await asn.GetByRole(AriaRole.Textbox, new() { Name = "Övergripande synpunkter" }).FillAsync("Förvaltningen vill vara med i det fortsatta arbetet.");
        await asn.GetByRole(AriaRole.Textbox, new() { Name = "Svar på fråga 2" }).FillAsync("Arbetsmarknadsinsatser i samverkan med civilsamhället.");
        await asn.GetByRole(AriaRole.Group, new() { Name = "Ställningstagande till fråga 3" }).GetByLabel("Tillstyrker", new() { Exact = true }).CheckAsync();
        await asn.GetByRole(AriaRole.Checkbox, new() { Name = "Stadsbyggnadsnämnden" }).Or(asn.GetByRole(AriaRole.Radio, new() { Name = "Stadsbyggnadsnämnden" })).First.CheckAsync();
        await asn.GetByLabel("Typ av beslut", new() { Exact = true }).First.SelectOptionAsync(new SelectOptionValue { Label = "Nämndbeslut" });
        await asn.GetByLabel("Beslutande organ", new() { Exact = true }).First.FillAsync(Asn);
        await asn.GetByLabel("Beslutsdatum", new() { Exact = true }).First.FillAsync("2026-12-10");
        await asn.GetByLabel("Paragraf", new() { Exact = true }).First.FillAsync("§ 123");
        await asn.GetByLabel("Namn på ansvarig 1", new() { Exact = true }).FillAsync("Anna Andersson");
        await asn.GetByLabel("Titel för ansvarig 1", new() { Exact = true }).FillAsync("Förvaltningschef");
        await asn.GetByRole(AriaRole.Button, new() { Name = "Skicka in yttrande" }).ClickAsync();
        await CheckAsync(asn, "asn-bekrafta");
        await asn.GetByRole(AriaRole.Button, new() { Name = "Bekräfta och skicka in" }).ClickAsync();
        await CheckAsync(asn, "asn-inskickat");
        var receipt = await MailAsync(m => (m.Subject ?? string.Empty).StartsWith("Kvittens", StringComparison.Ordinal) && To(m, "asn@malmo.example"), 1);
        Assert.Contains(Asn, Body(receipt[0]), StringComparison.Ordinal);

        // 3. Grundskolenämnden asks for anstånd; the handläggare grants it; the nämnd answers in time.
        var grundskola = await SignInFromLinkAsync(Link(invitations.First(m => To(m, "grundskola@malmo.example"))), "grundskola@malmo.example");
        await grundskola.GetByRole(AriaRole.Link, new() { Name = "Skriv yttrande" }).ClickAsync();
        await grundskola.GetByRole(AriaRole.Button, new() { Name = "Begär anstånd" }).ClickAsync();
        await CheckAsync(grundskola, "grundskola-anstand");
        await grundskola.GetByLabel("Önskad sista svarsdag", new() { Exact = true }).FillAsync("2027-01-20");
        await grundskola.GetByLabel("Motivering", new() { Exact = true }).FillAsync("Nämnden sammanträder först den 18 januari.");
        await grundskola.GetByRole(AriaRole.Button, new() { Name = "Begär anstånd" }).ClickAsync();
        await CheckAsync(grundskola, "grundskola-anstand-begart");

        await owner.GotoAsync(new Uri(remissUrl).AbsolutePath);
        await CheckAsync(owner, "remissen-med-begaran");
        await owner.GetByRole(AriaRole.Button, new() { Name = $"Bevilja anstånd för {Grundskola}" }).ClickAsync();
        await CheckAsync(owner, "anstand-beviljat");
        await MailAsync(m => (m.Subject ?? string.Empty).Contains("anstånd", StringComparison.OrdinalIgnoreCase) && To(m, "grundskola@malmo.example"), 1);

        await grundskola.GotoAsync(new Uri(remissUrl).AbsolutePath + "/yttrande");
        await Expect(grundskola.GetByRole(AriaRole.Main)).ToContainTextAsync("20 januari 2027");
        await grundskola.GetByRole(AriaRole.Textbox, new() { Name = "Sammanfattning" }).FillAsync("Grundskolenämnden tillstyrker förslaget.");
        await grundskola.GetByRole(AriaRole.Textbox, new() { Name = "Svar på fråga 1" }).FillAsync("Skolresultaten i de berörda områdena.");
        await grundskola.GetByRole(AriaRole.Group, new() { Name = "Ställningstagande till fråga 3" }).GetByLabel("Tillstyrker delvis", new() { Exact = true }).CheckAsync();
        await grundskola.GetByRole(AriaRole.Button, new() { Name = "Skicka in yttrande" }).ClickAsync();
        await grundskola.GetByRole(AriaRole.Button, new() { Name = "Bekräfta och skicka in" }).ClickAsync();
        await CheckAsync(grundskola, "grundskola-inskickat");

        // 4. MKB says nothing. Time passes, day by day at nine in the morning, to the day after the deadline.
        var before = (await _app.Smtp.WaitForAsync(0)).Count;
        for (var day = new DateOnly(2026, 11, 24); day <= new DateOnly(2026, 12, 31); day = day.AddDays(1))
        {
            _app.Clock.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero));
            await ChaserJobs.ChaseEveryTenantAsync(_app.Services.GetRequiredService<IServiceScopeFactory>(), CancellationToken.None);

            // The day's e-mails go out before the next day comes: a clock that jumped a day under a message being
            // sent would make its claim look abandoned and send it again (with the same Message-ID).
            await EventuallyAsync(() => _app.InTenantAsync("malmo", (db, _) =>
                db.Outbox.AllAsync(m => m.State == OutboxState.Sent || m.State == OutboxState.Failed)));
        }

        // Three påminnelser (14, 7 and 2 days before) and the late notice, to MKB's addresses and nobody else's.
        bool IsChase(MimeMessage m) => (m.Subject ?? string.Empty).Contains(diarienummer, StringComparison.Ordinal)
            && ((m.Subject ?? string.Empty).StartsWith("Påminnelse", StringComparison.Ordinal) || (m.Subject ?? string.Empty).StartsWith("Yttrandet är försenat", StringComparison.Ordinal));
        var chased = await MailAsync(IsChase, 4 * mkbAddresses.Count);
        await Task.Delay(1_000);
        chased = [.. _app.Smtp.Received().Where(IsChase).DistinctBy(m => m.MessageId)];
        Assert.All(chased, m => Assert.True(m.To.Mailboxes.All(a => mkbAddresses.Contains(a.Address)), $"{m.Subject} went to {m.To}"));
        Assert.Equal(3 * mkbAddresses.Count, chased.Count(m => (m.Subject ?? string.Empty).StartsWith("Påminnelse", StringComparison.Ordinal)));
        Assert.Equal(mkbAddresses.Count, chased.Count(m => (m.Subject ?? string.Empty).StartsWith("Yttrandet är försenat", StringComparison.Ordinal)));
        Assert.True((await _app.Smtp.WaitForAsync(0)).Count > before);

        // Five weeks on, the handläggare's sign-in has long expired.
        owner = await SignInAsync("handlaggare@malmo.example");
        await owner.GotoAsync(new Uri(remissUrl).AbsolutePath);
        await CheckAsync(owner, "remissen-efter-sista-svarsdag");
        await Expect(owner.GetByRole(AriaRole.Main)).ToContainTextAsync("Sen");

        // 5. The handläggare downloads the sammanställning: every answer under its question and recipient, MKB as silent.
        var download = await owner.RunAndWaitForDownloadAsync(() => owner.GetByRole(AriaRole.Link, new() { Name = "Ladda ner sammanställning", Exact = true }).ClickAsync());
        var docx = Path.Combine(browser.Screenshots, "sammanstallning.docx");
        await download.SaveAsAsync(docx);
        var paragraphs = SummaryParagraphs(docx);
        int At(string text, int from = 0) => paragraphs.FindIndex(from, p => p.Contains(text, StringComparison.Ordinal));
        var question1 = At(seed.Questions[0]);
        var question2 = At(seed.Questions[1], question1 + 1);
        var question3 = At(seed.Questions[2], question2 + 1);
        Assert.True(question1 >= 0 && question2 > question1 && question3 > question2, "the questions in number order");
        Assert.InRange(At("Trångboddhet och arbetslöshet", question1), question1 + 1, question2 - 1);
        Assert.InRange(At("Skolresultaten i de berörda områdena", question1), question1 + 1, question2 - 1);
        Assert.InRange(At("Arbetsmarknadsinsatser i samverkan", question2), question2 + 1, question3 - 1);
        var asnUnder1 = At(Asn, question1);
        Assert.True(asnUnder1 < At("Trångboddhet och arbetslöshet", question1), "ASN's answer under ASN's name");
        Assert.Contains(paragraphs.Skip(question1).Take(question2 - question1), p => p.EndsWith("har inte svarat.", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs.Skip(question1).Take(question2 - question1), p => p.Contains(Mkb, StringComparison.Ordinal));
        var table = paragraphs.FindIndex(p => p == "Remissinstanser");
        Assert.True(table >= 0 && table < question1);
        await CheckAsync(owner, "sammanstallning-nedladdad");

        // 6. The handläggare reads the answers question by question while MKB is still out: preliminary.
        await owner.GotoAsync(new Uri(remissUrl).AbsolutePath);
        await owner.GetByRole(AriaRole.Link, new() { Name = "Svar per fråga", Exact = true }).ClickAsync();
        await CheckAsync(owner, "svar-per-fraga");
        await owner.GetByRole(AriaRole.Link, new() { Name = "Fråga 1", Exact = true }).ClickAsync();
        await CheckAsync(owner, "fraga-1");
        await Expect(owner.GetByRole(AriaRole.Main)).ToContainTextAsync("preliminära");
        var asnAnswer = owner.GetByRole(AriaRole.Article, new() { Name = Asn, Exact = true });
        await Expect(asnAnswer).ToContainTextAsync("Trångboddhet och arbetslöshet");
        await Expect(owner.GetByRole(AriaRole.Article, new() { Name = Grundskola, Exact = true })).ToContainTextAsync("Skolresultaten");

        // A synpunkt from ASN's answer, with the office's bemötande, a ställningstagande and a new theme.
        await asnAnswer.GetByRole(AriaRole.Button, new() { Name = "Lägg till synpunkt", Exact = true }).ClickAsync();
        await CheckAsync(owner, "lagg-till-synpunkt");
        await owner.GetByLabel("Synpunkt", new() { Exact = true }).FillAsync("Trångboddhet och arbetslöshet är de största utmaningarna.");
        await owner.GetByLabel("Bemötande", new() { Exact = true }).FillAsync("Bostadsfrågan lyfts in i områdeslyftets första etapp.");
        await owner.GetByRole(AriaRole.Group, new() { Name = "Ställningstagande till synpunkten" }).GetByLabel("Beaktas", new() { Exact = true }).CheckAsync();
        await owner.GetByLabel("Nytt tema", new() { Exact = true }).FillAsync("Boende");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Spara synpunkt", Exact = true }).ClickAsync();
        await CheckAsync(owner, "synpunkt-sparad");
        await Expect(owner.GetByRole(AriaRole.Article, new() { Name = Asn, Exact = true })).ToContainTextAsync("Bostadsfrågan lyfts in");
        await owner.GetByLabel("Kommentar till fråga 1", new() { Exact = true }).FillAsync("Nämnderna ser samma utmaningar: boende, arbete och skola.");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Spara kommentar", Exact = true }).ClickAsync();
        await CheckAsync(owner, "kommentar-sparad");
        await Expect(owner.GetByLabel("Kommentar till fråga 1", new() { Exact = true })).ToHaveValueAsync("Nämnderna ser samma utmaningar: boende, arbete och skola.");

        // The answers and synpunkter as a spreadsheet, for those who work in one.
        await owner.GotoAsync(new Uri(remissUrl).AbsolutePath);
        var excel = await owner.RunAndWaitForDownloadAsync(() => owner.GetByRole(AriaRole.Link, new() { Name = "Ladda ner som Excel", Exact = true }).ClickAsync());
        Assert.EndsWith(".xlsx", excel.SuggestedFilename, StringComparison.Ordinal);
        var xlsx = Path.Combine(browser.Screenshots, "remissvar.xlsx");
        await excel.SaveAsAsync(xlsx);
        using (var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(xlsx, false))
        {
            Assert.Equal(["Svar", "Synpunkter", "Remissinstanser"], workbook.WorkbookPart!.Workbook!.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(sh => sh.Name!.Value));
        }

        // 7. The handläggare closes the remiss and makes it Avslutad: the final sammanställning is fixed.
        await owner.GetByRole(AriaRole.Link, new() { Name = "Stäng remissen", Exact = true }).ClickAsync();
        await CheckAsync(owner, "stang-remiss");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Bekräfta och stäng", Exact = true }).ClickAsync();
        await CheckAsync(owner, "remissen-stangd");
        await owner.GetByRole(AriaRole.Link, new() { Name = "Avsluta remiss", Exact = true }).ClickAsync();
        await CheckAsync(owner, "avsluta-remiss");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Bekräfta och avsluta", Exact = true }).ClickAsync();
        await CheckAsync(owner, "remissen-avslutad");
        var final = await owner.RunAndWaitForDownloadAsync(() => owner.GetByRole(AriaRole.Link, new() { Name = "Ladda ner sammanställning", Exact = true }).ClickAsync());
        var finalDocx = Path.Combine(browser.Screenshots, "slutlig-sammanstallning.docx");
        await final.SaveAsAsync(finalDocx);
        var finalText = string.Join('\n', SummaryParagraphs(finalDocx));
        Assert.Contains("Bostadsfrågan lyfts in i områdeslyftets första etapp.", finalText, StringComparison.Ordinal);
        Assert.Contains("Nämnderna ser samma utmaningar", finalText, StringComparison.Ordinal);
        Assert.Contains("Beaktas", finalText, StringComparison.Ordinal);
        Assert.DoesNotContain("Preliminär", finalText, StringComparison.Ordinal);

        // 8. Återkoppling: ASN, which answered, is told by e-mail and downloads the same document; MKB, silent, is not told.
        var feedback = await MailAsync(m => (m.Subject ?? string.Empty).StartsWith("Remissen är avslutad", StringComparison.Ordinal) && To(m, "asn@malmo.example"), 1);
        Assert.DoesNotContain(_app.Smtp.Received(), m => (m.Subject ?? string.Empty).StartsWith("Remissen är avslutad", StringComparison.Ordinal) && m.To.Mailboxes.Any(a => mkbAddresses.Contains(a.Address)));
        asn = await SignInFromLinkAsync(Link(feedback[0]), "asn@malmo.example");
        await CheckAsync(asn, "asn-avslutad-remiss");
        var asnCopy = await asn.RunAndWaitForDownloadAsync(() => asn.GetByRole(AriaRole.Link, new() { Name = "Ladda ner sammanställning", Exact = true }).ClickAsync());
        var asnDocx = Path.Combine(browser.Screenshots, "slutlig-sammanstallning-asn.docx");
        await asnCopy.SaveAsAsync(asnDocx);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(finalDocx)), System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(asnDocx)));

        Assert.True(_violations.Count == 0, "WCAG 2.1 A/AA violations:\n" + string.Join('\n', _violations));

        // No script was refused by the Content-Security-Policy, and none failed.
        Assert.True(_consoleErrors.Count == 0, "Browser errors:\n" + string.Join('\n', _consoleErrors));
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>The text of each paragraph of the document's body, in order (table cells included).</summary>
    private static List<string> SummaryParagraphs(string path)
    {
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path, false);
        return [.. document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText)];
    }

    private static bool To(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase));

    private static string Body(MimeMessage message) => message.TextBody ?? string.Empty;

    private static string Link(MimeMessage message) => LinkInText().Match(Body(message)).Value;

    [GeneratedRegex(@"https://127\.0\.0\.1:\d+/malmo/remisser/[0-9a-f-]{36}")]
    private static partial Regex LinkInText();

    [GeneratedRegex("/malmo/remisser/([0-9a-f-]{36})")]
    private static partial Regex RemissId();

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await browser.NewPageAsync(_app.Address, _consoleErrors);
        await page.GotoAsync("/konto/logga-in");
        await CheckAsync(page, "logga-in");
        await BrowserFixture.FillSignInAsync(page, email);
        await CheckAsync(page, $"start-{email.Split('@')[0]}");
        return page;
    }

    private async Task<IPage> SignInFromLinkAsync(string link, string email)
    {
        var page = await browser.NewPageAsync(_app.Address, _consoleErrors);
        await page.GotoAsync(link);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logga in" })).ToBeVisibleAsync();
        await BrowserFixture.FillSignInAsync(page, email);
        Assert.StartsWith(link, page.Url, StringComparison.Ordinal);
        return page;
    }

    /// <summary>Every page the story visits: axe-core's WCAG 2.1 A/AA rules, and a screenshot for the test output.</summary>
    private async Task CheckAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        _shot++;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.Screenshots, $"{_shot:D2}-{name}.png"), FullPage = true });
        foreach (var violation in await browser.AccessibilityViolationsAsync(page))
        {
            _violations.Add($"{name} ({new Uri(page.Url).AbsolutePath}): {violation}");
        }
    }

    private async Task<IReadOnlyList<MimeMessage>> MailAsync(Func<MimeMessage, bool> which, int count)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        IReadOnlyList<MimeMessage> found = [];
        while (DateTime.UtcNow < until)
        {
            found = [.. _app.Smtp.Received().Where(which)];
            if (found.Count >= count)
            {
                return found;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"Expected {count} e-mails, {found.Count} arrived: {string.Join(", ", _app.Smtp.Received().Select(m => $"{m.Subject} → {m.To}"))}");
        return found;
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("The condition did not come true within 10 s.");
    }

    private Task<string?> StoredSummaryAsync(Guid remissId, string organisation) =>
        _app.InTenantAsync("malmo", async (db, _) =>
        {
            var organisationId = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync();
            return await db.Responses
                .Where(r => db.Recipients.Any(rc => rc.Id == r.RecipientId && rc.RemissId == remissId && rc.OrganisationId == organisationId))
                .Select(r => r.Summary)
                .SingleOrDefaultAsync();
        });
}
