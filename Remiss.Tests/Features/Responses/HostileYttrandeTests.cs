namespace Remiss.Tests.Features.Responses;

using System.Net;
using AngleSharp.Html.Dom;
using Remiss.Tests.TestSupport;

/// <summary>
/// Hostile HTML typed (or forged) into an yttrande's formatted fields is sanitised before it is stored and is inert
/// wherever it is shown: on the recipient's form and on the owner's page of the yttrande.
/// </summary>
public sealed class HostileYttrandeTests(SentDemoAppFactory factory) : IClassFixture<SentDemoAppFactory>
{
    private const string Hostile =
        "<p>Synpunkt <strong>viktig</strong></p><script>alert('summary')</script><img src=x onerror=\"alert('img')\">"
        + "<a href=\"javascript:alert('link')\">klicka</a><iframe src=\"https://evil.example/\"></iframe>"
        + "<p onclick=\"alert('click')\" style=\"background:url(javascript:alert(1))\">Stycke</p><a href=\"https://malmo.se/\">Malmö</a>";

    private static readonly string[] Forbidden = ["<script", "onerror", "onclick", "javascript:", "<iframe", "<img", "style="];

    [Fact]
    public async Task Hostile_html_in_summary_answers_and_sections_is_stored_sanitised()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        await SaveHostileDraftAsync(asn, remiss);

        var stored = (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!;
        var texts = new[] { stored.Summary, stored.GeneralViews }
            .Concat(stored.Answers.Select(a => a.Text))
            .Concat(stored.Sections.Select(s => s.Text))
            .ToList();
        Assert.Equal(2 + 4 + 3, texts.Count);
        Assert.All(texts, text =>
        {
            Assert.NotNull(text);
            foreach (var bad in Forbidden)
            {
                Assert.DoesNotContain(bad, text, StringComparison.OrdinalIgnoreCase);
            }

            Assert.Contains("<strong>viktig</strong>", text, StringComparison.Ordinal);
            Assert.Contains("<a href=\"https://malmo.se/\" rel=\"noopener noreferrer nofollow\">Malmö</a>", text, StringComparison.Ordinal);
            Assert.Contains("Stycke", text, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(texts, t => t!.Contains("alert", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hostile_html_is_inert_on_the_recipients_form_and_comes_back_as_text_to_edit()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        await SaveHostileDraftAsync(asn, remiss);

        var (response, page) = await asn.GetPageAsync(remiss.Yttrande);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Kit.ActiveContent(page));
        var summary = (IHtmlTextAreaElement)Kit.Labelled(page, "Sammanfattning");
        Assert.Contains("<strong>viktig</strong>", summary.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", summary.Value, StringComparison.OrdinalIgnoreCase);
        Assert.Null(page.QuerySelector("main form strong"));
        Assert.Contains("&lt;strong&gt;", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_html_is_inert_on_the_owners_page_of_the_yttrande_where_the_safe_formatting_shows()
    {
        var remiss = await factory.CopyOfDemoAsync();
        await Kit.SaveCompleteDraftAsync(factory, remiss.Id, remiss.Asn);
        using (var asn = await factory.SignedInAsync(Kit.AsnUser))
        {
            await SaveHostileDraftAsync(asn, remiss);

            // The owners read an yttrande once it is submitted; a draft stays with its nämnd.
            var (_, confirm) = await asn.GetPageAsync($"{remiss.Yttrande}/skicka-in");
            await asn.RedirectedToAsync(await PageForm.Of(confirm).SubmitAsync(asn, "Bekräfta och skicka in"), remiss.Yttrande);
        }

        using var owner = await factory.SignedInAsync(Kit.Owner);

        var (response, page) = await owner.GetPageAsync(remiss.AsnForOwner);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Kit.ActiveContent(page));
        var rich = page.QuerySelectorAll("main .rich-text").ToList();
        Assert.Equal(2 + 4 + 3, rich.Count);
        Assert.All(rich, r =>
        {
            Assert.Equal("viktig", Kit.Text(r.QuerySelector("strong")));
            Assert.Equal("https://malmo.se/", r.QuerySelectorAll("a").Single(a => Kit.Text(a) == "Malmö").GetAttribute("href"));
            Assert.All(r.QuerySelectorAll("a"), a => Assert.StartsWith("http", a.GetAttribute("href") ?? "http", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Plain_text_that_looks_like_markup_is_kept_as_text_and_never_becomes_markup()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);

        var response = await PageForm.Yttrande(page).Set("Input.Summary", "Kostnaden är < 5 mnkr & intäkterna > 3 mnkr.").SubmitAsync(asn, "Spara utkast");

        var saved = await asn.RedirectedToAsync(response, remiss.Yttrande);
        Assert.Equal("Kostnaden är < 5 mnkr & intäkterna > 3 mnkr.", PageForm.Yttrande(saved).Value("Input.Summary"));
        Assert.Equal("<p>Kostnaden är &lt; 5 mnkr &amp; intäkterna &gt; 3 mnkr.</p>", (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Response!.Summary);
    }

    private static async Task SaveHostileDraftAsync(WebSession asn, SentRemiss remiss)
    {
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);
        var form = PageForm.Yttrande(page)
            .Set("Input.Summary", Hostile)
            .Set("Input.GeneralViews", Hostile)
            .Set("Input.Sections[0].Text", Hostile)
            .Set("Input.Sections[1].Text", Hostile)
            .Set("Input.Sections[2].Text", Hostile);
        for (var i = 0; i < 4; i++)
        {
            form.Set($"Input.Answers[{i}].Text", Hostile);
        }

        var response = await form.SubmitAsync(asn, "Spara utkast");
        await asn.RedirectedToAsync(response, remiss.Yttrande);
    }
}
