namespace Remiss.Tests.Hardening;

using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Remiss.Tests.Features.Documents;
using Remiss.Tests.Features.Remisser;
using Xunit.Abstractions;

/// <summary>
/// Every post form the demo users reach, found by walking the app rather than kept in a list, gets every string of
/// <see cref="HostileCorpus"/> typed into each of its text fields in turn, and is posted as a browser posts it. Nothing
/// may crash or show a stack trace, every page shows the values inert, the stored formatted text is sanitised, and the
/// Word documents carry the values as plain text. Every form also refuses a post without a valid antiforgery token.
/// </summary>
[Collection(HardeningGroup.Name)]
public sealed partial class HostileFormTests(HardeningAppFactory factory, ITestOutputHelper output)
{
    private static readonly string[] RawForbidden = ["<script>alert", "<img src=x", "<svg", "<input onfocus", "href=\"javascript:", "href=javascript:"];

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

        var cases = 0;
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
                        var values = discovered.Form.Values(pressed: button);
                        values = [.. values.Select(v => discovered.Form.TextFields.Contains(v.Key) ? new KeyValuePair<string, string>(v.Key, HostileCorpus.Mixed) : v)];
                        using var response = await discovered.Browser.PostAsync(button.Action, discovered.Form.Content(values));
                        await CheckAsync($"{discovered} [{button.Text}] mixed", response, failed);
                        cases++;
                    }
                }

                await CheckPagesAsync(pages, failed);
                await CheckStoredAsync(failed);
                await CheckWordAsync(failed);
            }
        }

        output.WriteLine($"{typed.Count} forms with text fields of {forms.Count} post forms on {pages.Count} pages; {typed.Sum(f => f.Form.TextFields.Count)} text fields; {cases} form × field × string cases posted.");
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
                using var response = await discovered.Browser.PostAsync(button.Action, form.Content(form.Values(field, value, button)));
                cases++;
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

    private async Task CheckStoredAsync(List<string> failed)
    {
        var (draft, response, names) = await factory.InTenantAsync("malmo", async (db, _) =>
        {
            var draft = await db.Remisser.AsNoTracking().Include(r => r.Questions).SingleAsync(r => r.Id == factory.Draft.Id);
            var demo = await db.Remisser.AsNoTracking().Include(r => r.Recipients).ThenInclude(r => r.Response).SingleAsync(r => r.Id == factory.DemoId);
            var names = await db.Organisations.AsNoTracking().Select(o => o.Name).ToListAsync();
            return (draft, demo.Recipients.Single(r => r.Id == factory.DemoRecipients[Features.Responses.Kit.AsnName]).Response, names);
        });
        var rich = new List<(string What, string? Html)> { ("the draft's Beskrivning", draft.Description) };
        if (response is not null)
        {
            rich.Add(("Sammanfattning", response.Summary));
            rich.Add(("Övergripande synpunkter", response.GeneralViews));
            rich.AddRange(response.Answers.Select(a => ($"svar {a.QuestionId}", a.Text)));
            rich.AddRange(response.Sections.Select(s => ($"avsnitt {s.Name}", s.Text)));
        }
        else
        {
            failed.Add("asn's yttrande was never saved");
        }

        foreach (var (what, text) in rich)
        {
            foreach (var bad in new[] { "<script", "<img", "<svg", "onerror", "onload", "javascript:", "<input" }.Where(b => text?.Contains(b, StringComparison.OrdinalIgnoreCase) == true))
            {
                failed.Add($"stored {what} keeps {bad}");
            }
        }

        var plain = new List<(string What, string? Text)> { ("the draft's title", draft.Title), ("the draft's contact", draft.ContactName) };
        plain.AddRange(draft.Questions.Select(q => ($"Frågetext {q.Number}", (string?)q.Text)));
        plain.AddRange(names.Select(n => ("an organisation's name", (string?)n)));
        plain.AddRange(rich);
        foreach (var (what, text) in plain.Where(p => p.Text?.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')) == true))
        {
            failed.Add($"stored {what} keeps control characters: {Escape(text!)}");
        }

        if (draft.Title != HostileCorpus.Mixed)
        {
            failed.Add($"the draft's title is not what was typed last: {Escape(draft.Title)}");
        }

        if (response?.Summary is { } summary && !(summary.Contains("Åsa 👍🏽", StringComparison.Ordinal) && summary.Contains("{ INCLUDETEXT", StringComparison.Ordinal) && summary.Contains("ÅÄÖ", StringComparison.Ordinal)))
        {
            failed.Add($"the Sammanfattning lost the Swedish letters, the emoji or the text: {Escape(summary)}");
        }
    }

    private async Task CheckWordAsync(List<string> failed)
    {
        var asn = await factory.BrowserAsync(HardeningAppFactory.Recipient);
        var owner = await factory.BrowserAsync(HardeningAppFactory.Owner);
        var recipient = factory.DemoRecipients[Features.Responses.Kit.AsnName];
        var documents = new[]
        {
            (owner, $"/malmo/remisser/{factory.DemoId}/sammanstallning", false),
            (asn, $"/malmo/remisser/{factory.DemoId}/yttranden/{recipient}/word", true),
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
}

[CollectionDefinition(Name)]
public sealed class HardeningGroup : ICollectionFixture<HardeningAppFactory>
{
    public const string Name = "Hardening";
}
