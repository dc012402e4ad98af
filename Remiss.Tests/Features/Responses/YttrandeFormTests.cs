namespace Remiss.Tests.Features.Responses;

using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Remisser;
using Remiss.Tests.Features.Files;
using Remiss.Tests.TestSupport;

/// <summary>
/// The yttrande form /{tenant}/remisser/{id}/yttrande as a member of the recipient (asn@malmo.example for
/// Arbetsmarknads- och socialnämnden) sees and uses it: its labels, Spara utkast, Lägg till ansvarig, bilagor,
/// and how it is reached from the start page and the remiss page. Each test answers its own copy of the demo.
/// </summary>
public sealed class YttrandeFormTests(SentDemoAppFactory factory) : IClassFixture<SentDemoAppFactory>
{
    private static readonly string[] PositionLabels = ["Tillstyrker", "Tillstyrker delvis", "Avstyrker", "Inga synpunkter"];

    // ---- Reaching the form ----------------------------------------------------------------------------

    [Fact]
    public async Task The_start_page_lists_the_sent_demo_under_Att_besvara_with_its_deadline_status_and_days_left()
    {
        using var asn = await factory.SignedInAsync(Kit.AsnUser);

        var (_, page) = await asn.GetPageAsync("/malmo");

        var section = page.QuerySelector("main section[aria-labelledby=att-besvara]")!;
        Assert.Equal("Att besvara", Kit.Text(section.QuerySelector("h2")));
        var row = section.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/malmo/remisser/{factory.DemoId}']") is not null);
        var cells = row.QuerySelectorAll("td").Select(Kit.Text).ToList();
        Assert.StartsWith("Definiera och starta ett långsiktigt", cells[0], StringComparison.Ordinal);
        Assert.Contains("STK-2023-137", cells[0], StringComparison.Ordinal);
        Assert.Equal("Stadskontoret", cells[1]);
        Assert.Equal(Kit.AsnName, cells[2]);
        Assert.Equal("30 november 2027", cells[4]);
        Assert.Equal("372 dagar", cells[5]);
        Assert.DoesNotContain("Sen", cells[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_remiss_page_offers_the_recipient_Skriv_yttrande_leading_to_the_form()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);

        var (response, page) = await asn.GetPageAsync(remiss.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = page.QuerySelector("main .my-response")!;
        Assert.Contains(Kit.AsnName, Kit.Text(card), StringComparison.Ordinal);
        Assert.Contains("Ej påbörjat", Kit.Text(card), StringComparison.Ordinal);
        var link = card.QuerySelectorAll("a").Single(a => Kit.Text(a) == "Skriv yttrande");
        Assert.Equal(remiss.Yttrande, link.GetAttribute("href"));
        var (opened, form) = await asn.GetPageAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal($"Yttrande från {Kit.AsnName}", Kit.Text(form.QuerySelector("main h1")));
    }

    [Fact]
    public async Task A_member_of_two_recipients_chooses_with_for_and_every_button_keeps_to_that_recipient()
    {
        var remiss = await factory.CopyOfDemoAsync();
        var email = $"dubbel-{Guid.NewGuid():N}@malmo.example";
        await Kit.NewMemberAsync(factory, email, "Dana Dubbel", Kit.AsnName, Kit.GrundskolaName);
        using var dana = await factory.SignedInAsync(email);

        var (_, details) = await dana.GetPageAsync(remiss.Url);
        Assert.Equal(
            [$"{remiss.Yttrande}?for={remiss.Asn}", $"{remiss.Yttrande}?for={remiss.Grundskola}"],
            details.QuerySelectorAll("main .my-response a").Where(a => Kit.Text(a) == "Skriv yttrande").Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal(
            [$"{remiss.Yttrande}/anstand?for={remiss.Asn}", $"{remiss.Yttrande}/anstand?for={remiss.Grundskola}"],
            details.QuerySelectorAll("main .my-response a").Where(a => Kit.Text(a) == "Begär anstånd").Select(a => a.GetAttribute("href")).ToList());
        var (_, first) = await dana.GetPageAsync(remiss.Yttrande);
        Assert.Equal($"Yttrande från {Kit.AsnName}", Kit.Text(first.QuerySelector("main h1")));
        Assert.Equal(Kit.Address($"{remiss.Yttrande}?handler=Submit&for={remiss.Asn}"), Kit.Address(PageForm.Yttrande(first).ActionOf("Skicka in yttrande")));

        var (_, page) = await dana.GetPageAsync($"{remiss.Yttrande}?for={remiss.Grundskola}");
        Assert.Equal($"Yttrande från {Kit.GrundskolaName}", Kit.Text(page.QuerySelector("main h1")));
        var form = PageForm.Yttrande(page).Set("Input.Summary", "Grundskolenämndens text.");
        Assert.Equal(Kit.Address($"{remiss.Yttrande}?handler=Decline&for={remiss.Grundskola}"), Kit.Address(form.ActionOf("Avstå från att yttra sig")));
        var saved = await form.SubmitAsync(dana, "Spara utkast");

        await dana.RedirectedToAsync(saved, $"{remiss.Yttrande}?for={remiss.Grundskola}");
        Assert.Equal("<p>Grundskolenämndens text.</p>", (await Kit.StoredAsync(factory, remiss.Id, remiss.Grundskola)).Response!.Summary);
        Assert.Null((await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response);
        var submit = await PageForm.Yttrande(page).SubmitAsync(dana, "Skicka in yttrande");
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode); // the page above is now a version behind: both versions are shown
        var (_, fresh) = await dana.GetPageAsync($"{remiss.Yttrande}?for={remiss.Grundskola}");
        await dana.RedirectedToAsync(await PageForm.Yttrande(fresh).SubmitAsync(dana, "Skicka in yttrande"), $"{remiss.Yttrande}/skicka-in?for={remiss.Grundskola}");
    }

    // ---- Labels -----------------------------------------------------------------------------------------

    [Fact]
    public async Task The_form_names_its_text_fields_and_answers_as_domain_md_says_in_the_yttrande_order()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);

        var (response, page) = await asn.GetPageAsync(remiss.Yttrande);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = page.QuerySelector("main form[data-response-form]")!;
        var summary = Kit.Labelled(form, "Sammanfattning");
        Assert.Equal(("textarea", "Input.Summary"), (summary.LocalName, summary.GetAttribute("name")));
        var views = Kit.Labelled(form, "Övergripande synpunkter");
        Assert.Equal(("textarea", "Input.GeneralViews"), (views.LocalName, views.GetAttribute("name")));
        for (var n = 1; n <= 4; n++)
        {
            var answer = Kit.Labelled(form, $"Svar på fråga {n}");
            Assert.Equal(("textarea", $"Input.Answers[{n - 1}].Text"), (answer.LocalName, answer.GetAttribute("name")));
            if (n == 3)
            {
                // Ställningstagande says "Inga synpunkter" with its own radio option; the checkbox of the same name is not offered too.
                Assert.Null(form.QuerySelector($"input[name='Input.Answers[{n - 1}].NoComments']"));
            }
            else
            {
                var none = Kit.Labelled(form, $"Inga synpunkter på fråga {n}");
                Assert.Equal(("checkbox", $"Input.Answers[{n - 1}].NoComments", "true"), (none.GetAttribute("type"), none.GetAttribute("name"), none.GetAttribute("value")));
            }

            Assert.Equal(n.ToString(System.Globalization.CultureInfo.InvariantCulture), form.QuerySelector($"input[type=hidden][name='Input.Answers[{n - 1}].QuestionNumber']")!.GetAttribute("value"));
        }

        var sections = new[] { "Barnperspektiv", "Jämställdhet", "Ekonomiska konsekvenser" };
        for (var k = 0; k < sections.Length; k++)
        {
            var section = Kit.Labelled(form, sections[k]);
            Assert.Equal(("textarea", $"Input.Sections[{k}].Text"), (section.LocalName, section.GetAttribute("name")));
            Assert.Equal(sections[k], form.QuerySelector($"input[type=hidden][name='Input.Sections[{k}].Name']")!.GetAttribute("value"));
        }

        // Sammanfattning; Övergripande synpunkter; the answers; the standard sections; Beslut; Ansvariga; Bilagor.
        var order = new[]
        {
            Kit.Labelled(form, "Sammanfattning"), Kit.Labelled(form, "Övergripande synpunkter"), Kit.Labelled(form, "Svar på fråga 1"),
            Kit.Labelled(form, "Svar på fråga 4"), Kit.Labelled(form, "Barnperspektiv"), Kit.Labelled(form, "Ekonomiska konsekvenser"),
            Kit.Fieldset(form, "Beslut"), Kit.Fieldset(form, "Ansvariga"), Kit.Fieldset(form, "Bilagor"),
        };
        var all = page.All.ToList();
        var positions = order.Select(e => all.IndexOf(e)).ToList();
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.Equal("0", form.QuerySelector("input[type=hidden][name='Input.Version']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Question_3_is_a_Stallningstagande_radio_group_and_question_4_a_single_choice_among_the_tenants_organisations()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);

        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);

        var position = Kit.Fieldset(page, "Ställningstagande till fråga 3");
        var radios = position.QuerySelectorAll("input").ToList();
        Assert.All(radios, r => Assert.Equal(("radio", "Input.Answers[2].Position"), (r.GetAttribute("type"), r.GetAttribute("name"))));
        Assert.Equal(["Supports", "PartlySupports", "Opposes", "NoComments"], radios.Select(r => r.GetAttribute("value")).ToList());
        Assert.Equal(PositionLabels, radios.Select(r => Kit.Text(page.QuerySelector($"label[for='{r.Id}']"))).ToList());
        Assert.DoesNotContain(page.QuerySelectorAll("legend"), l => Kit.Text(l) is "Ställningstagande till fråga 1" or "Ställningstagande till fråga 2" or "Ställningstagande till fråga 4");

        var choice = Kit.Fieldset(page, "Val i fråga 4");
        var options = choice.QuerySelectorAll("input").ToList();
        Assert.All(options, o => Assert.Equal(("radio", "Input.Answers[3].Choices"), (o.GetAttribute("type"), o.GetAttribute("name"))));
        var labels = options.Select(o => Kit.Text(page.QuerySelector($"label[for='{o.Id}']"))).ToList();
        Assert.Equal(16, labels.Count);
        Assert.Contains("Stadskontoret", labels);
        Assert.Contains("Stadsbyggnadsnämnden", labels);
        Assert.Contains(Kit.AsnName, labels);
        Assert.Equal(labels, options.Select(o => o.GetAttribute("value") ?? string.Empty).ToList());
        Assert.DoesNotContain("Kommunledningskontoret", labels);
        Assert.True(labels.IndexOf("Parkering Malmö") < labels.IndexOf("Stadskontoret"));
    }

    [Fact]
    public async Task The_form_has_Beslut_and_Ansvariga_fields_and_the_four_buttons()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);

        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);

        var form = page.QuerySelector("main form[data-response-form]")!;
        var beslut = Kit.Fieldset(form, "Beslut");
        var kind = (IHtmlSelectElement)Kit.Labelled(beslut, "Typ av beslut");
        Assert.Equal("Input.DecisionKind", kind.Name);
        Assert.Equal(["Inte beslutat ännu", "Nämndbeslut", "Delegationsbeslut", "Förvaltningens preliminära svar"], kind.Options.Select(o => Kit.Text(o)).ToList());
        Assert.Equal(["", "BoardDecision", "DelegatedDecision", "PreliminaryAnswer"], kind.Options.Select(o => o.Value).ToList());
        Assert.Equal(Kit.AsnName, Kit.Labelled(beslut, "Beslutande organ").GetAttribute("value"));
        Assert.Equal("Input.DecidedBy", Kit.Labelled(beslut, "Beslutande organ").GetAttribute("name"));
        Assert.Equal(("date", "Input.DecisionDate"), (Kit.Labelled(beslut, "Beslutsdatum").GetAttribute("type"), Kit.Labelled(beslut, "Beslutsdatum").GetAttribute("name")));
        Assert.Equal("Input.DecisionParagraph", Kit.Labelled(beslut, "Paragraf").GetAttribute("name"));

        var ansvariga = Kit.Fieldset(form, "Ansvariga");
        Assert.Equal("Input.Signatories[0].Name", Kit.Labelled(ansvariga, "Namn på ansvarig 1").GetAttribute("name"));
        Assert.Equal("Input.Signatories[0].Title", Kit.Labelled(ansvariga, "Titel för ansvarig 1").GetAttribute("name"));
        Assert.Equal("Input.Signatories[1].Name", Kit.Labelled(ansvariga, "Namn på ansvarig 2").GetAttribute("name"));
        Assert.Equal("Input.Signatories[1].Title", Kit.Labelled(ansvariga, "Titel för ansvarig 2").GetAttribute("name"));
        Assert.Equal(["Lägg till ansvarig"], Kit.ButtonTexts(ansvariga));

        var bilagor = Kit.Fieldset(form, "Bilagor");
        Assert.Equal(("file", "NewAttachment"), (Kit.Labelled(bilagor, "Lägg till bilaga").GetAttribute("type"), Kit.Labelled(bilagor, "Lägg till bilaga").GetAttribute("name")));
        Assert.Equal(["Ladda upp bilaga"], Kit.ButtonTexts(bilagor));

        // The main actions sit in the save bar that stays on screen, with the save state in a polite live region.
        var bar = form.QuerySelector(".save-bar")!;
        Assert.Equal(["Spara utkast", "Skicka in yttrande"], Kit.ButtonTexts(bar));
        Assert.Equal("polite", bar.QuerySelector("[data-autosave-status]")!.GetAttribute("aria-live"));
        Assert.Equal(["Avstå från att yttra sig", "Begär anstånd"], Kit.ButtonTexts(form.QuerySelector(".form-actions")!));
        var posted = PageForm.Yttrande(page);
        Assert.Equal(remiss.Yttrande, posted.ActionOf("Spara utkast"));
        Assert.Equal($"{remiss.Yttrande}?handler=Submit", posted.ActionOf("Skicka in yttrande"));
        Assert.Equal($"{remiss.Yttrande}?handler=Decline", posted.ActionOf("Avstå från att yttra sig"));
        Assert.Equal($"{remiss.Yttrande}?handler=Extension", posted.ActionOf("Begär anstånd"));
        Assert.Equal($"{remiss.Yttrande}?handler=Autosave", form.GetAttribute("data-autosave-url"));
    }

    // ---- Spara utkast -----------------------------------------------------------------------------------

    [Fact]
    public async Task Spara_utkast_with_nothing_filled_in_saves_an_empty_draft_and_says_who_saved_it()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);

        var response = await PageForm.Yttrande(page).SubmitAsync(asn, "Spara utkast");

        var saved = await asn.RedirectedToAsync(response, remiss.Yttrande);
        Assert.Equal("Utkastet är sparat.", Kit.Status(saved));
        Assert.Equal($"Senast sparat 23 november 2026 kl. 11.00 av {Kit.AsnDisplayName}.", Kit.Text(saved.QuerySelector("[data-save-status]")));
        Assert.Contains("Påbörjat", Kit.Text(saved.QuerySelector("main .summary-bar")), StringComparison.Ordinal);
        var stored = await Kit.StoredAsync(factory, remiss.Id, remiss.Asn);
        Assert.Equal(RecipientStatus.Drafting, stored.Status);
        Assert.NotNull(stored.Response);
        Assert.Null(stored.Response.Summary);
        Assert.Null(stored.Response.GeneralViews);
        Assert.Empty(stored.Response.Sections);
        Assert.Empty(stored.Response.Signatories);
        Assert.All(stored.Response.Answers, a => Assert.True(a.Text is null && a.Position is null && a.Choices.Count == 0 && !a.NoComments));
        Assert.Equal(stored.Response.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), PageForm.Yttrande(saved).Value("Input.Version"));
    }

    [Fact]
    public async Task A_full_draft_round_trips_as_sanitised_html_and_comes_back_editable()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);
        var typed = new Dictionary<string, string>
        {
            ["Input.Summary"] = "Nämnden tillstyrker förslaget.\r\n\r\nArbetet bör starta 2024.",
            ["Input.GeneralViews"] = "- Trygghet\r\n- Boende\r\n- Arbete",
            ["Input.Answers[0].Text"] = "Förvaltningen arbetar redan i Rosengård & Seved.\r\nOch i Herrgården.\r\n\r\n1. Första steget\r\n2. Andra steget",
            ["Input.Answers[1].NoComments"] = "true",
            ["Input.Answers[2].Position"] = "PartlySupports",
            ["Input.Answers[2].Text"] = "Delvis: tidsplanen är för kort.",
            ["Input.Answers[3].Choices"] = "Stadsbyggnadsnämnden",
            ["Input.Answers[3].Text"] = "Den har planmonopolet.",
            ["Input.Sections[0].Text"] = "Barn i områdena påverkas positivt.",
            ["Input.Sections[2].Text"] = "- Ryms i budgeten\r\n- Inga nya tjänster",
            ["Input.DecisionKind"] = "BoardDecision",
            ["Input.DecidedBy"] = Kit.AsnName,
            ["Input.DecisionDate"] = "2027-01-20",
            ["Input.DecisionParagraph"] = "§ 123",
            ["Input.Signatories[0].Name"] = "Anna Chef",
            ["Input.Signatories[0].Title"] = "Förvaltningschef",
            ["Input.Signatories[1].Name"] = "Bo Berg",
            ["Input.Signatories[1].Title"] = "Enhetschef",
        };

        var response = await PageForm.Yttrande(page).Set(typed).SubmitAsync(asn, "Spara utkast");

        var saved = await asn.RedirectedToAsync(response, remiss.Yttrande);
        Assert.Equal("Utkastet är sparat.", Kit.Status(saved));
        var form = PageForm.Yttrande(saved);
        foreach (var (name, value) in typed)
        {
            Assert.True(value == form.Value(name), $"{name}: expected \"{value}\", the form shows \"{form.Value(name)}\".");
        }

        Assert.Null(form.Value("Input.Answers[0].NoComments"));
        Assert.Equal("2027-01-20", Kit.Labelled(saved, "Beslutsdatum").GetAttribute("value"));
        Assert.Equal($"Senast sparat 23 november 2026 kl. 11.00 av {Kit.AsnDisplayName}.", Kit.Text(saved.QuerySelector("[data-save-status]")));

        var stored = (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!;
        Assert.Equal("<p>Nämnden tillstyrker förslaget.</p><p>Arbetet bör starta 2024.</p>", stored.Summary);
        Assert.Equal("<ul><li>Trygghet</li><li>Boende</li><li>Arbete</li></ul>", stored.GeneralViews);
        var numbers = await QuestionNumbers(remiss.Id);
        var answers = stored.Answers.ToDictionary(a => numbers[a.QuestionId]);
        Assert.Equal("<p>Förvaltningen arbetar redan i Rosengård &amp; Seved.<br>Och i Herrgården.</p><ol><li>Första steget</li><li>Andra steget</li></ol>", answers[1].Text);
        Assert.True(answers[2].NoComments);
        Assert.Equal(Position.PartlySupports, answers[3].Position);
        Assert.Equal("<p>Delvis: tidsplanen är för kort.</p>", answers[3].Text);
        Assert.Equal(["Stadsbyggnadsnämnden"], answers[4].Choices);
        Assert.Equal(
            [new SectionText("Barnperspektiv", "<p>Barn i områdena påverkas positivt.</p>"), new SectionText("Ekonomiska konsekvenser", "<ul><li>Ryms i budgeten</li><li>Inga nya tjänster</li></ul>")],
            stored.Sections);
        Assert.Equal(new Decision(DecisionKind.BoardDecision, Kit.AsnName, new DateOnly(2027, 1, 20), "§ 123"), stored.Decision);
        Assert.Equal([new Signatory("Anna Chef", "Förvaltningschef"), new Signatory("Bo Berg", "Enhetschef")], stored.Signatories);
    }

    [Fact]
    public async Task Lagg_till_ansvarig_adds_a_row_and_keeps_everything_typed()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);

        var response = await PageForm.Yttrande(page)
            .Set("Input.Summary", "Text som inte får försvinna.")
            .Set("Input.Answers[2].Position", "Opposes")
            .Set("Input.Signatories[0].Name", "Anna Chef")
            .Set("Input.Signatories[0].Title", "Förvaltningschef")
            .Set("Input.Signatories[1].Name", "Bo Berg")
            .SubmitAsync(asn, "Lägg till ansvarig");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var added = await WebSession.ParseAsync(response);
        var form = PageForm.Yttrande(added);
        Assert.Equal("Text som inte får försvinna.", form.Value("Input.Summary"));
        Assert.Equal("Opposes", form.Value("Input.Answers[2].Position"));
        Assert.Equal(("Anna Chef", "Förvaltningschef", "Bo Berg"), (form.Value("Input.Signatories[0].Name"), form.Value("Input.Signatories[0].Title"), form.Value("Input.Signatories[1].Name")));
        Assert.Equal("Input.Signatories[2].Name", Kit.Labelled(added, "Namn på ansvarig 3").GetAttribute("name"));
        Assert.Equal("Input.Signatories[2].Title", Kit.Labelled(added, "Titel för ansvarig 3").GetAttribute("name"));
        Assert.Empty(Kit.Errors(added));

        // The new row is filled in and saved from this page: no conflict with its own save.
        var saved = await form.Set("Input.Signatories[2].Name", "Cecilia Ek").Set("Input.Signatories[2].Title", "Avdelningschef").SubmitAsync(asn, "Spara utkast");

        await asn.RedirectedToAsync(saved, remiss.Yttrande);
        var stored = (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!;
        Assert.Equal([new Signatory("Anna Chef", "Förvaltningschef"), new Signatory("Bo Berg", null), new Signatory("Cecilia Ek", "Avdelningschef")], stored.Signatories);
        Assert.Equal("<p>Text som inte får försvinna.</p>", stored.Summary);
    }

    [Fact]
    public async Task An_answer_of_100000_characters_round_trips()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);
        var paragraph = "Områdeslyftet behöver långsiktighet, samverkan och resurser – här är förvaltningens syn på saken i detalj.";
        var text = new StringBuilder();
        var i = 0;
        while (text.Length < 100_000)
        {
            text.Append(i == 0 ? string.Empty : "\r\n\r\n").Append(i).Append(' ').Append(paragraph);
            i++;
        }

        var answer = text.ToString()[..100_000].TrimEnd();
        Assert.True(answer.Length >= 99_990);

        var response = await PageForm.Yttrande(page).Set("Input.Answers[0].Text", answer).SubmitAsync(asn, "Spara utkast");

        var saved = await asn.RedirectedToAsync(response, remiss.Yttrande);
        Assert.Equal(answer, PageForm.Yttrande(saved).Value("Input.Answers[0].Text"));
        var stored = (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!;
        var numbers = await QuestionNumbers(remiss.Id);
        var html = stored.Answers.Single(a => numbers[a.QuestionId] == 1).Text!;
        Assert.StartsWith("<p>0 Områdeslyftet", html, StringComparison.Ordinal);
        Assert.True(html.Length > 100_000);
    }

    // ---- Bilagor ----------------------------------------------------------------------------------------

    [Fact]
    public async Task A_bilaga_is_uploaded_with_the_draft_downloadable_and_removable()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);
        var pdf = SampleFiles.Pdf();

        var uploaded = await PageForm.Yttrande(page)
            .Set("Input.Summary", "Skrivet innan uppladdningen.")
            .SubmitAsync(asn, "Ladda upp bilaga", new UploadFile("NewAttachment", "Protokollsutdrag ASN § 123.pdf", pdf));

        var withFile = await asn.RedirectedToAsync(uploaded, remiss.Yttrande);
        Assert.Equal("Bilagan Protokollsutdrag ASN § 123.pdf är uppladdad.", Kit.Status(withFile));
        Assert.Equal("Skrivet innan uppladdningen.", PageForm.Yttrande(withFile).Value("Input.Summary"));
        var stored = (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!;
        var attachment = Assert.Single(stored.Attachments);
        var link = withFile.QuerySelectorAll("main a").Single(a => Kit.Text(a) == attachment.FileName);
        Assert.Equal($"{remiss.Url}/yttranden/{remiss.Asn}/bilagor/{attachment.Id}", link.GetAttribute("href"));
        using var download = await asn.GetAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(["nosniff"], download.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        var removed = await PageForm.Yttrande(withFile).SubmitAsync(asn, $"Ta bort {attachment.FileName}");

        var without = await asn.RedirectedToAsync(removed, remiss.Yttrande);
        Assert.Equal("Bilagan är borttagen.", Kit.Status(without));
        Assert.Empty((await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!.Attachments);
        Assert.Equal(HttpStatusCode.NotFound, (await asn.GetAsync(link.GetAttribute("href")!)).StatusCode);
    }

    [Fact]
    public async Task Removing_the_bilaga_of_another_remisss_yttrande_through_this_form_is_not_found_and_removes_nothing()
    {
        var remiss = await factory.CopyOfDemoAsync();
        var other = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, otherPage) = await asn.GetPageAsync(other.Yttrande);
        await asn.RedirectedToAsync(
            await PageForm.Yttrande(otherPage).SubmitAsync(asn, "Ladda upp bilaga", new UploadFile("NewAttachment", "Protokollsutdrag.pdf", SampleFiles.Pdf())),
            other.Yttrande);
        var foreign = Assert.Single((await Kit.StoredAsync(factory, other.Id, other.Asn)).Response!.Attachments);
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);

        using var response = await PageForm.Yttrande(page).Set("Input.Summary", "Inte sparat.").PostToAsync(asn, $"{remiss.Yttrande}?handler=RemoveAttachment&attachmentId={foreign.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(foreign.Id, Assert.Single((await Kit.StoredAsync(factory, other.Id, other.Asn)).Response!.Attachments).Id);
        Assert.Null((await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response);
    }

    [Fact]
    public async Task A_file_that_is_no_document_is_refused_with_a_message_and_the_text_is_kept_and_saved()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);

        var refused = await PageForm.Yttrande(page)
            .Set("Input.Summary", "Skrivet före den felaktiga filen.")
            .SubmitAsync(asn, "Ladda upp bilaga", new UploadFile("NewAttachment", "virus.pdf", Encoding.ASCII.GetBytes("MZ this is not a pdf at all"), "application/pdf"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = await WebSession.ParseAsync(refused);
        Assert.Contains(Kit.Errors(again), e => e.StartsWith("Filtypen stöds inte", StringComparison.Ordinal) || e.StartsWith("Filen kunde inte läsas", StringComparison.Ordinal));
        Assert.Equal("Skrivet före den felaktiga filen.", PageForm.Yttrande(again).Value("Input.Summary"));
        Assert.Empty((await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!.Attachments);

        // The draft itself was saved before the file was refused; saving again from this page is no conflict with oneself.
        var saved = await PageForm.Yttrande(again).Set("Input.Summary", "Rättat efter fel fil.").SubmitAsync(asn, "Spara utkast");

        await asn.RedirectedToAsync(saved, remiss.Yttrande);
        Assert.Equal("<p>Rättat efter fel fil.</p>", (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!.Summary);
    }

    private Task<Dictionary<Guid, int>> QuestionNumbers(Guid remissId) =>
        factory.InTenantAsync("malmo", async (db, _) =>
            await db.Set<Question>().Where(q => q.RemissId == remissId).ToDictionaryAsync(q => q.Id, q => q.Number));
}
