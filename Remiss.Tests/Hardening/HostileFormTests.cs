namespace Remiss.Tests.Hardening;

using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Administration;
using Remiss.Tests.Features.Documents;
using Remiss.Tests.Features.Remisser;
using Xunit.Abstractions;

/// <summary>
/// Every post form the demo users of both tenants reach, found by walking the app rather than kept in a list, gets
/// every string of <see cref="HostileCorpus"/> typed into each of its text fields in turn, and is posted as a browser
/// posts it; so does every column of the organisation CSV import, as the cells of an uploaded file. Nothing may crash
/// or show a stack trace, every page shows the values inert, the stored text is sanitised and free of control
/// characters, e-mails are inert, the CSV export runs no formula, and the Word documents carry the values as plain
/// text. Every form also refuses a post without a valid antiforgery token.
/// </summary>
[Collection(HardeningGroup.Name)]
public sealed partial class HostileFormTests(HardeningAppFactory factory, ITestOutputHelper output)
{
    private static readonly string[] RawForbidden = ["<script>alert", "<img src=x", "<svg", "<input onfocus", "href=\"javascript:", "href=javascript:"];

    /// <summary>
    /// Posts answered 400 before any handler ran. The form reader refuses a NUL in a url-encoded form ("The form value
    /// contains invalid characters"), so the control characters reach only the multipart forms' handlers.
    /// </summary>
    private int _badRequests;

    [Fact]
    public async Task Every_string_of_the_corpus_typed_into_every_text_field_of_every_form_is_shown_inert_stored_safely_and_breaks_nothing()
    {
        var (forms, pages, failures) = await FormDiscovery.DiscoverAsync(factory);
        var failed = new List<string>(failures);
        var typed = forms.Where(f => f.Form.TextFields.Count > 0).ToList();
        Assert.Contains(typed, f => f.Form.Action.EndsWith("/redigera", StringComparison.Ordinal));
        Assert.Contains(typed, f => f.Form.Action.Contains("/yttrande", StringComparison.Ordinal));
        Assert.Contains(typed, f => f.Form.Action.Contains("/admin/", StringComparison.Ordinal));
        Assert.Contains(typed, f => f.Form.Action.StartsWith("/plattform", StringComparison.Ordinal));
        Assert.Contains(typed, f => f.Form.Action.StartsWith("/konto/logga-in", StringComparison.Ordinal));
        Assert.Contains(typed, f => f.Form.Action.StartsWith("/konto/valj-losenord", StringComparison.Ordinal) && f.Form.PasswordFields.Count == 2);
        Assert.Contains(typed, f => f.Form.Action.StartsWith("/malmo/", StringComparison.Ordinal) && DecidesAnExtension().IsMatch(f.Form.Action));
        Assert.Contains(typed, f => f.Form.Action.StartsWith("/lund/", StringComparison.Ordinal) && DecidesAnExtension().IsMatch(f.Form.Action));
        Assert.Contains(typed, f => f.Form.Action.StartsWith("/lund/admin/", StringComparison.Ordinal));
        Assert.Contains(typed, f => f.Form.Action.StartsWith("/lund/", StringComparison.Ordinal) && f.Form.Action.EndsWith("/redigera", StringComparison.Ordinal));
        Assert.Contains(typed, f => f.Form.Action.StartsWith($"/lund/remisser/{factory.Lund.RemissId}/yttrande", StringComparison.Ordinal));
        Assert.Contains(forms, f => f.Form.Action.EndsWith("/organisationer/import?handler=Preview", StringComparison.Ordinal));

        var cases = 0;
        var csvCases = 0;
        foreach (var terminal in new[] { false, true })
        {
            foreach (var discovered in typed.Where(f => f.IsTerminal(f.Form.Default) == terminal))
            {
                cases += await TypeTheCorpusAsync(discovered, discovered.Form.Default, failed);
            }

            if (!terminal)
            {
                // Every other button of every form once, with the mixed string in every field.
                foreach (var discovered in typed)
                {
                    foreach (var button in discovered.Form.Buttons.Where(b => b != discovered.Form.Default && !discovered.IsTerminal(b)))
                    {
                        var (form, pressed) = await FreshAsync(discovered, discovered.Form, button);
                        var values = form.Values(pressed: pressed);
                        values = [.. values.Select(v => form.TextFields.Contains(v.Key) ? new KeyValuePair<string, string>(v.Key, HostileCorpus.Mixed) : v)];
                        using var response = await discovered.Browser.PostAsync(pressed.Action, form.Content(values));
                        await CheckAsync($"{discovered} [{pressed.Text}] mixed", response, failed);
                        cases++;
                        _badRequests += response.StatusCode == HttpStatusCode.BadRequest ? 1 : 0;
                    }
                }

                csvCases = await TypeTheCorpusIntoTheCsvImportAsync(failed);
                cases += csvCases;
                await CheckPagesAsync(pages, failed);
                await CheckStoredAsync(failed);
                await CheckExtensionsDecidedAsync(failed);
                await CheckCsvExportAsync(failed);
                await CheckWordAsync(failed);
            }
        }

        output.WriteLine($"{typed.Count} forms with text fields of {forms.Count} post forms on {pages.Count} pages; {typed.Sum(f => f.Form.TextFields.Count)} text fields and {OrganisationCsv.Columns.Count} CSV columns; {cases} form × field × string cases posted ({csvCases} of them CSV imports, {_badRequests} answered 400 before any handler).");
        foreach (var f in typed)
        {
            output.WriteLine($"  {f.Browser.Name}: {f.Form.Action} [{string.Join(", ", f.Form.TextFields)}]");
        }

        Assert.True(failed.Count == 0, $"{failed.Count} failures:\n{string.Join("\n", failed.Distinct().Take(60))}");
    }

    [Fact]
    public async Task Every_discovered_form_refuses_a_post_without_a_valid_antiforgery_token()
    {
        var (forms, _, _) = await FormDiscovery.DiscoverAsync(factory);
        var failed = new List<string>();
        var cells = 0;
        foreach (var discovered in forms)
        {
            foreach (var action in discovered.Form.Buttons.Select(b => b.Action).Append(discovered.Form.Action).Distinct(StringComparer.Ordinal))
            {
                var without = discovered.Form.Values().Where(v => v.Key != "__RequestVerificationToken").ToList();
                var forged = without.Append(new("__RequestVerificationToken", "CfDJ8-forged-token")).ToList();
                foreach (var (what, values) in new[] { ("no token", without), ("a forged token", forged) })
                {
                    using var response = await discovered.Browser.PostAsync(action, discovered.Form.Content(values));
                    cells++;
                    if (response.StatusCode != HttpStatusCode.BadRequest)
                    {
                        failed.Add($"{discovered.Browser.Name} POST {action} with {what}: {(int)response.StatusCode}");
                    }
                }
            }
        }

        output.WriteLine($"{forms.Count} forms, {cells} posts without a valid token.");
        Assert.True(forms.Count >= 20, $"Only {forms.Count} forms were found.");
        Assert.True(failed.Count == 0, string.Join("\n", failed));
    }

    [Fact]
    public async Task Enter_in_a_text_field_of_every_discovered_form_posts_the_form_itself_not_a_side_button()
    {
        var (forms, _, _) = await FormDiscovery.DiscoverAsync(factory);

        // A browser's implicit submission presses the first submit button in tree order.
        var wrong = forms
            .Where(f => f.Form.TextFields.Count > 0 && f.Form.Buttons.Count > 1 && f.Form.Buttons[0].Action != f.Form.Action)
            .Select(f => $"{f}: Enter presses \"{f.Form.Buttons[0].Text}\" ({f.Form.Buttons[0].Action})")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private async Task<int> TypeTheCorpusAsync(DiscoveredForm discovered, FormButton button, List<string> failed)
    {
        var cases = 0;
        var form = discovered.Form;
        foreach (var field in discovered.Form.TextFields)
        {
            foreach (var (name, value) in HostileCorpus.All)
            {
                (form, button) = await FreshAsync(discovered, form, button);
                using var response = await discovered.Browser.PostAsync(button.Action, form.Content(form.Values(field, value, button)));
                cases++;
                _badRequests += response.StatusCode == HttpStatusCode.BadRequest ? 1 : 0;
                var where = $"{discovered} {field} ← {name}";
                var page = await CheckAsync(where, response, failed);
                var tooLong = ReferenceEquals(value, HostileCorpus.OverEveryLimit) && !form.PasswordFields.Contains(field);
                if (tooLong)
                {
                    CheckTooLong(where, field, response, page, failed);
                }

                if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
                {
                    // Saved: the next value is typed into the form as it now is (its version, its new rows), as a person would.
                    form = await ReloadAsync(discovered.Browser, form) ?? form;

                    // A field that does not apply (the options of a free-text question) may be let go; one that is kept may not be too long.
                    if (tooLong && form.Values().Any(v => v.Key == field && v.Value == HostileCorpus.OverEveryLimit))
                    {
                        failed.Add($"{where}: 200,001 characters stored");
                    }
                }
            }
        }

        return cases;
    }

    /// <summary>
    /// The form as it must be posted now. A form that decides an anstånd names the request in its address, and a
    /// decision ends the request: before each post a recipient asks anew (through the Anstånd page), and the form is
    /// read again from its page, so every string reaches a pending request as the owner would see it.
    /// </summary>
    private async Task<(HtmlForm Form, FormButton Button)> FreshAsync(DiscoveredForm discovered, HtmlForm form, FormButton button)
    {
        if (!DecidesAnExtension().IsMatch(form.Action))
        {
            return (form, button);
        }

        await factory.EnsurePendingExtensionAsync(form.Action.Split('/')[1]);
        var index = form.Buttons.ToList().IndexOf(button);
        var (response, page) = await discovered.Browser.GetAsync(form.Page);
        using (response)
        {
            var fresh = response.StatusCode == HttpStatusCode.OK ? HtmlForm.All(page).FirstOrDefault(f => f.Shape == form.Shape) : null;
            return fresh is null ? (form, button) : (fresh, index >= 0 && index < fresh.Buttons.Count ? fresh.Buttons[index] : fresh.Default);
        }
    }

    /// <summary>
    /// The CSV import takes its text from a file, not from fields: each string of the corpus, and each formula, is
    /// put in each column of a one-row file, uploaded to the preview, and imported when the preview allows it.
    /// </summary>
    private async Task<int> TypeTheCorpusIntoTheCsvImportAsync(List<string> failed)
    {
        var cases = 0;
        var row = 0;
        foreach (var (admin, slug) in new[] { (HardeningAppFactory.Admin, "malmo"), (HardeningAppFactory.LundAdmin, "lund") })
        {
            var browser = await factory.BrowserAsync(admin);
            var path = $"/{slug}/admin/organisationer/import";
            for (var column = 0; column < OrganisationCsv.Columns.Count; column++)
            {
                foreach (var (name, value) in HostileCorpus.All.Concat(HostileCorpus.Formulas))
                {
                    row++;
                    string[] cells = [$"CSV-nämnd {row}", "Nämnd", $"csv{row}@{slug}.example", "Karin Kontakt"];
                    cells[column] = value;
                    var csv = string.Join(';', OrganisationCsv.Columns) + "\r\n" + string.Join(';', cells.Select(c => $"\"{c.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")) + "\r\n";
                    var where = $"{admin} {path} {OrganisationCsv.Columns[column]} ← {name}";

                    var (get, page) = await browser.GetAsync(path);
                    get.Dispose();
                    var form = HtmlForm.All(page).Single(f => f.Action.EndsWith("handler=Preview", StringComparison.Ordinal));
                    var content = (MultipartFormDataContent)form.Content(form.Values());
                    content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Upload", "organisationer.csv");
                    using var previewed = await browser.PostAsync(form.Action, content);
                    cases++;
                    var preview = await CheckAsync($"{where} (förhandsgranskning)", previewed, failed);
                    if (previewed.StatusCode != HttpStatusCode.OK)
                    {
                        failed.Add($"{where}: the preview answered {(int)previewed.StatusCode}");
                    }

                    if (preview is not null && HtmlForm.All(preview).FirstOrDefault(f => f.Action.EndsWith("handler=Import", StringComparison.Ordinal)) is { } import)
                    {
                        using var imported = await browser.PostAsync(import.Action, import.Content(import.Values()));
                        cases++;
                        await CheckAsync($"{where} (import)", imported, failed);
                    }
                }
            }
        }

        return cases;
    }

    private static async Task<HtmlForm?> ReloadAsync(HardeningBrowser browser, HtmlForm form)
    {
        var (response, page) = await browser.GetAsync(form.Page);
        using (response)
        {
            return response.StatusCode == HttpStatusCode.OK ? HtmlForm.All(page).FirstOrDefault(f => f.Action == form.Action && f.TextFields.SequenceEqual(form.TextFields)) : null;
        }
    }

    /// <summary>No server error, no stack trace, and a page shown in answer is inert.</summary>
    private static async Task<IHtmlDocument?> CheckAsync(string where, HttpResponseMessage response, List<string> failed)
    {
        var html = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500)
        {
            failed.Add($"{where}: {(int)response.StatusCode}");
        }

        if (StackTrace().IsMatch(html))
        {
            failed.Add($"{where}: a stack trace in the response");
        }

        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return null;
        }

        var page = await AngleSharpParsing.ParseDocumentAsync(html, response.RequestMessage!.RequestUri!);
        CheckInert(where, html, page, failed);
        return page;
    }

    private static void CheckInert(string where, string html, IHtmlDocument page, List<string> failed)
    {
        if (Html.ActiveContent(page) is { Count: > 0 } active)
        {
            failed.Add($"{where}: active content {string.Join(" ", active.Take(3))}");
        }

        // The tallies are the app's own charts, drawn as SVG on the server; no typed value can open an element with that class.
        html = html.Replace("<svg class=\"chart__svg\"", string.Empty, StringComparison.Ordinal);
        foreach (var bad in RawForbidden.Where(b => html.Contains(b, StringComparison.OrdinalIgnoreCase)))
        {
            failed.Add($"{where}: unescaped {bad}");
        }
    }

    /// <summary>Too long: refused on the same page with a Swedish message, what was typed kept in the field.</summary>
    private static void CheckTooLong(string where, string field, HttpResponseMessage response, IHtmlDocument? page, List<string> failed)
    {
        if (page is null || response.StatusCode != HttpStatusCode.OK)
        {
            return;
        }

        var control = page.QuerySelectorAll("[name]").FirstOrDefault(e => e.GetAttribute("name") == field);
        var value = control switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlTextAreaElement area => area.Value,
            _ => null,
        };
        if (control is not null && value != HostileCorpus.OverEveryLimit)
        {
            failed.Add($"{where}: the field does not keep what was typed ({value?.Length ?? 0} characters)");
        }

        // The message belongs next to the field; a form refused first for another field (a required one left blank)
        // may say only that, but a limit message that is not next to its field is a fault.
        var described = (control?.GetAttribute("aria-describedby") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Append($"{control?.Id}-error");
        var message = string.Concat(described.Select(d => page.GetElementById(d)).Where(e => e?.ClassList.Contains("field-error") == true).Select(Html.Text));
        var summary = Html.Summary(page);
        if (control is not null && message.Length == 0 && (summary.Count == 0 || summary.Any(m => m.Contains("högst", StringComparison.Ordinal) || m.Contains("för lång", StringComparison.Ordinal))))
        {
            failed.Add($"{where}: no message next to the field (summary: {string.Join(" | ", summary)})");
        }
    }

    private static async Task CheckPagesAsync(IReadOnlyList<DiscoveredPage> pages, List<string> failed)
    {
        foreach (var (browser, path) in pages)
        {
            using var response = await browser.GetRawAsync(path);
            await CheckAsync($"{browser.Name} GET {path} afterwards", response, failed);
        }
    }

    /// <summary>What each tenant's forms stored: its draft, its secretary's yttrande, its organisations, its anstånd, its e-mails.</summary>
    private async Task CheckStoredAsync(List<string> failed)
    {
        var tenants = new[]
        {
            ("malmo", factory.Draft.Id, factory.DemoId, factory.DemoRecipients[Features.Responses.Kit.AsnName]),
            ("lund", factory.Lund.DraftId, factory.Lund.RemissId, factory.Lund.RecipientId),
        };
        foreach (var (slug, draftId, remissId, recipientId) in tenants)
        {
            var (draft, response, organisations, extensions, emails) = await factory.InTenantAsync(slug, async (db, _) =>
            {
                var draft = await db.Remisser.AsNoTracking().Include(r => r.Questions).SingleAsync(r => r.Id == draftId);
                var recipient = await db.Recipients.AsNoTracking().Include(r => r.Response).SingleAsync(r => r.Id == recipientId && r.RemissId == remissId);
                var organisations = await db.Organisations.AsNoTracking().Select(o => new[] { o.Name, o.FunctionalMailbox, o.ContactName }).ToListAsync();
                var extensions = await db.Extensions.AsNoTracking().Select(e => new[] { e.Reason, e.DecisionComment }).ToListAsync();
                var emails = await db.Outbox.AsNoTracking().Select(m => new { m.Subject, m.TextBody, m.HtmlBody }).ToListAsync();
                return (draft, recipient.Response, organisations, extensions, emails);
            });
            var rich = new List<(string What, string? Html)> { ($"{slug}: the draft's Beskrivning", draft.Description) };
            if (response is not null)
            {
                rich.Add(($"{slug}: Sammanfattning", response.Summary));
                rich.Add(($"{slug}: Övergripande synpunkter", response.GeneralViews));
                rich.AddRange(response.Answers.Select(a => ($"{slug}: svar {a.QuestionId}", a.Text)));
                rich.AddRange(response.Sections.Select(s => ($"{slug}: avsnitt {s.Name}", s.Text)));
            }
            else
            {
                failed.Add($"{slug}: the secretary's yttrande was never saved");
            }

            foreach (var (what, text) in rich)
            {
                foreach (var bad in new[] { "<script", "<img", "<svg", "onerror", "onload", "javascript:", "<input" }.Where(b => text?.Contains(b, StringComparison.OrdinalIgnoreCase) == true))
                {
                    failed.Add($"stored {what} keeps {bad}");
                }
            }

            var plain = new List<(string What, string? Text)> { ($"{slug}: the draft's title", draft.Title), ($"{slug}: the draft's contact", draft.ContactName) };
            plain.AddRange(draft.Questions.Select(q => ($"{slug}: Frågetext {q.Number}", (string?)q.Text)));
            plain.AddRange(organisations.SelectMany(o => o).Select(t => ($"{slug}: an organisation's name, mailbox or contact", t)));
            plain.AddRange(extensions.SelectMany(e => e).Select(t => ($"{slug}: an anstånd's motivering or message", t)));
            plain.AddRange(emails.SelectMany(m => new[] { m.Subject, m.TextBody }).Select(t => ($"{slug}: an e-mail's subject or text", (string?)t)));
            plain.AddRange(rich);
            foreach (var (what, text) in plain.Where(p => p.Text?.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')) == true))
            {
                failed.Add($"stored {what} keeps control characters: {Escape(text!)}");
            }

            foreach (var html in emails.Select(m => m.HtmlBody).Distinct(StringComparer.Ordinal))
            {
                CheckInert($"{slug}: an e-mail's HTML", html, await AngleSharpParsing.ParseDocumentAsync(html, factory.BaseAddress), failed);
            }

            if (draft.Title != HostileCorpus.Mixed)
            {
                failed.Add($"{slug}: the draft's title is not what was typed last: {Escape(draft.Title)}");
            }

            if (response?.Summary is { } summary && !(summary.Contains("Åsa 👍🏽", StringComparison.Ordinal) && summary.Contains("{ INCLUDETEXT", StringComparison.Ordinal) && summary.Contains("ÅÄÖ", StringComparison.Ordinal)))
            {
                failed.Add($"{slug}: the Sammanfattning lost the Swedish letters, the emoji or the text: {Escape(summary)}");
            }
        }
    }

    /// <summary>The walk reached pending requests with both buttons: each tenant's owner granted one and refused one.</summary>
    private async Task CheckExtensionsDecidedAsync(List<string> failed)
    {
        foreach (var slug in new[] { "malmo", "lund" })
        {
            var decided = await factory.InTenantAsync(slug, (db, _) =>
                db.Extensions.AsNoTracking().Where(e => e.DecidedByUserId != null).Select(e => e.Status).Distinct().ToListAsync());
            if (!decided.Contains(ExtensionStatus.Granted) || !decided.Contains(ExtensionStatus.Refused))
            {
                failed.Add($"{slug}: the owner's walk did not both grant and refuse an anstånd ({string.Join(", ", decided)})");
            }
        }
    }

    /// <summary>
    /// The händelselogg as CSV, after names like =cmd|… were typed and imported: no cell may start as a formula
    /// (= + - @, tab, carriage return) unless quoted with an apostrophe, and the typed names are there, so the check checks something.
    /// </summary>
    private async Task CheckCsvExportAsync(List<string> failed)
    {
        foreach (var (admin, slug) in new[] { (HardeningAppFactory.Admin, "malmo"), (HardeningAppFactory.LundAdmin, "lund") })
        {
            var browser = await factory.BrowserAsync(admin);
            var (page, _) = await browser.GetAsync($"/{slug}/admin/logg");
            page.Dispose();
            using var response = await browser.GetRawAsync($"/{slug}/admin/logg?handler=Csv");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failed.Add($"{slug}: the händelselogg as CSV answered {(int)response.StatusCode}");
                continue;
            }

            var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
            foreach (var cell in CsvCells(text).Where(c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r').Distinct(StringComparer.Ordinal).Take(20))
            {
                failed.Add($"{slug}: a cell of the händelselogg as CSV runs as a formula: {Escape(cell[..Math.Min(120, cell.Length)])}");
            }

            // The imported names are listed in one entry; a name added on its own form starts its entry's cell.
            foreach (var (name, formula) in HostileCorpus.Formulas.Where(f => !text.Contains(f.Value, StringComparison.Ordinal)))
            {
                failed.Add($"{slug}: the händelselogg as CSV does not show the organisation imported with a {name} name");
            }

            if (!text.Contains($"\"'{HostileCorpus.Dde}", StringComparison.Ordinal))
            {
                failed.Add($"{slug}: the händelselogg as CSV does not start the cell of the organisation named {HostileCorpus.Dde} with an apostrophe");
            }
        }
    }

    /// <summary>The cells of a CSV with semicolons, quoted fields, doubled quotes and line breaks inside quotes.</summary>
    private static IEnumerable<string> CsvCells(string csv)
    {
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c is ';' or '\n')
            {
                yield return cell.ToString();
                cell.Clear();
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0)
        {
            yield return cell.ToString();
        }
    }

    private async Task CheckWordAsync(List<string> failed)
    {
        var asn = await factory.BrowserAsync(HardeningAppFactory.Recipient);
        var owner = await factory.BrowserAsync(HardeningAppFactory.Owner);
        var recipient = factory.DemoRecipients[Features.Responses.Kit.AsnName];
        var lund = factory.Lund;
        var documents = new[]
        {
            (owner, $"/malmo/remisser/{factory.DemoId}/sammanstallning", false),
            (asn, $"/malmo/remisser/{factory.DemoId}/yttranden/{recipient}/word", true),
            (await factory.BrowserAsync(HardeningAppFactory.LundOwner), $"/lund/remisser/{lund.RemissId}/sammanstallning", false),
            (await factory.BrowserAsync(HardeningAppFactory.LundRecipient), $"/lund/remisser/{lund.RemissId}/yttranden/{lund.RecipientId}/word", true),
        };
        foreach (var (browser, path, hasTheYttrande) in documents)
        {
            using var response = await browser.GetRawAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failed.Add($"{browser.Name} GET {path}: {(int)response.StatusCode}");
                continue;
            }

            var bytes = await response.Content.ReadAsByteArrayAsync();
            WordInspection word;
            try
            {
                word = new WordInspection(bytes);
            }
            catch (Exception e) when (e is System.Xml.XmlException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException)
            {
                failed.Add($"{path} does not open: {e.Message}");
                continue;
            }

            using (word)
            {
                foreach (var error in word.ValidationErrors())
                {
                    failed.Add($"{path}: {error}");
                }

                var parts = word.Package.MainDocumentPart!.Parts.Select(p => p.OpenXmlPart.RootElement).Prepend(word.Package.MainDocumentPart.RootElement).OfType<DocumentFormat.OpenXml.OpenXmlElement>().ToList();
                foreach (var root in parts)
                {
                    var instructions = root.Descendants<FieldCode>().Select(f => f.Text)
                        .Concat(root.Descendants<SimpleField>().Select(f => f.Instruction?.Value ?? string.Empty));
                    foreach (var instruction in instructions.Where(i => Regex.IsMatch(i, "INCLUDETEXT|MERGEFIELD|cmd|DDE", RegexOptions.IgnoreCase)))
                    {
                        failed.Add($"{path}: a field from user text: {instruction}");
                    }

                    if (root.Descendants<Text>().Any(t => t.Text.Any(HostileCorpus.IsInvalidXmlChar)))
                    {
                        failed.Add($"{path}: a text with characters XML cannot carry");
                    }
                }

                var text = string.Join("\n", word.Paragraphs().Select(p => p.Text));
                if (hasTheYttrande && !(text.Contains("Åsa 👍🏽", StringComparison.Ordinal) && text.Contains("{ INCLUDETEXT \"c:\\\\x\" }", StringComparison.Ordinal) && text.Contains(HostileCorpus.Dde, StringComparison.Ordinal)))
                {
                    failed.Add($"{path}: the yttrande's text is not there as plain text: {Escape(text[..Math.Min(2000, text.Length)])}");
                }

            }
        }
    }

    private static string Escape(string text) =>
        string.Concat(text.Take(2000).Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    [GeneratedRegex(@"\bat [A-Z][\w.`]+\.[\w<>`]+\(|Exception:|StackTrace|--- End of", RegexOptions.CultureInvariant)]
    private static partial Regex StackTrace();

    [GeneratedRegex("handler=(Grant|Refuse)Extension", RegexOptions.CultureInvariant)]
    private static partial Regex DecidesAnExtension();
}

[CollectionDefinition(Name)]
public sealed class HardeningGroup : ICollectionFixture<HardeningAppFactory>
{
    public const string Name = "Hardening";
}
