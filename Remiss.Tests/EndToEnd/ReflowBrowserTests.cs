namespace Remiss.Tests.EndToEnd;

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Remiss.Infrastructure.Email;
using Remiss.Tests.Features.Completion;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.Features.Review;
using Remiss.Tests.TestSupport;

/// <summary>
/// Reflow (WCAG 2.1 1.4.10): every page of the story, as each of its people meets it, fits a screen 320 CSS pixels
/// wide without scrolling sideways, and still passes axe-core there; the header wraps at 320 and 390 pixels with
/// nothing in it cut off. A table that must stay a table scrolls in a named region of its own, which the page's
/// width does not count.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ReflowBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const int Narrow = 320;
    private const int Phone = 390;

    private readonly StoryApp _app = new();
    private readonly List<string> _consoleErrors = [];

    public async Task InitializeAsync() => await ((IAsyncLifetime)_app).InitializeAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_page_of_the_story_fits_a_screen_320_pixels_wide_and_passes_axe_core_there()
    {
        await _app.InTenantAsync("malmo", async (db, _) =>
        {
            (await db.Tenants.SingleAsync(t => t.Id == db.CurrentTenantId)).SetPublication(true);
            return await db.SaveChangesAsync();
        });
        var draft = await Arrange.RemissAsync(_app, new RemissSpec { WithAttachment = true });
        var answered = await AnswersPerQuestionPageTests.AnsweredRemissAsync(_app);
        var closed = await CompletionTestKit.WithWorkAsync(_app, closed: true);
        var demo = $"/malmo/remisser/{_app.DemoId}";
        var asnRecipient = answered.Recipients[Arrange.Asn];
        var adminId = await _app.InTenantAsync("malmo", (db, _) => Arrange.UserIdAsync(db, Arrange.Admin));
        var organisationId = await Arrange.OrganisationIdAsync(_app, Arrange.Asn);
        var tenantId = await _app.InTenantAsync("malmo", (db, _) => Task.FromResult(db.CurrentTenantId));
        await _app.InTenantAsync("malmo", (db, services) =>
        {
            // A message that could not be sent, marked before it is ever saved so the running delivery job never sees it pending.
            var to = "registrator.arbetsmarknads-och-socialforvaltningen@malmo.example";
            services.GetRequiredService<Outbox>().Queue(
                db.CurrentTenantId!.Value, new EmailAddress(to, null), new EmailContent("Påminnelse: Områdeslyft", "Text", "<p>Text</p>"), EmailReason.Reminder, EmailConcerns.Remiss, Guid.NewGuid());
            var message = db.Outbox.Local.Single(m => m.ToAddress == to);
            message.BeginSending(_app.Clock.UtcNow);
            message.MarkFailed("SMTP 550 5.1.1 <registrator.arbetsmarknads-och-socialforvaltningen@malmo.example>: Recipient address rejected", null);
            return db.SaveChangesAsync();
        });
        var failures = new List<string>();

        var visitor = await NarrowPageAsync();
        await MeasureAsync(visitor, "Logga in", "/konto/logga-in", failures);
        await MeasureAsync(visitor, "Glömt lösenord", "/konto/glomt-losenord", failures);
        await MeasureAsync(visitor, "the public remiss page", $"/offentligt/malmo/remisser/{closed.Id}", failures);

        var owner = await SignedInAsync(Arrange.Owner);
        await MeasureAsync(owner, "the owner's start page", "/malmo", failures);
        await MeasureAsync(owner, "Remisser", "/malmo/remisser", failures);
        await MeasureAsync(owner, "Ny remiss", "/malmo/remisser/ny", failures);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Skapa utkast" }).ClickAsync();
        await MeasureAsync(owner, "Ny remiss sent back with its errors", null, failures);
        await MeasureAsync(owner, "the draft's page", draft.Url, failures);
        await MeasureAsync(owner, "the remiss form", $"{draft.Url}/redigera", failures);
        await MeasureAsync(owner, "Förhandsgranska", $"{draft.Url}/forhandsgranska", failures);
        await MeasureAsync(owner, "the send confirmation", $"{draft.Url}/skicka", failures);
        await MeasureAsync(owner, "Ta bort utkast", $"{draft.Url}/ta-bort", failures);
        await MeasureAsync(owner, "the follow-up page of the demo's fifteen remissinstanser", demo, failures);
        await MeasureAsync(owner, "the follow-up page with answers", answered.Url, failures);
        await MeasureAsync(owner, "the follow-up page sorted and filtered", $"{demo}?sortera=status&sena=true", failures);
        await MeasureAsync(owner, "Stäng remissen", $"{answered.Url}/stang", failures);
        await MeasureAsync(owner, "Återkalla remissen", $"{answered.Url}/aterkalla", failures);
        await MeasureAsync(owner, "a submitted yttrande", $"{answered.Url}/yttranden/{asnRecipient}", failures);
        await MeasureAsync(owner, "Svar per fråga", $"{answered.Url}/fragor", failures);
        for (var number = 1; number <= 4; number++)
        {
            await MeasureAsync(owner, $"Fråga {number}", $"{answered.Url}/fragor/{number}", failures);
        }

        await owner.GotoAsync($"{answered.Url}/fragor/1");
        await owner.Locator($"#svar-{asnRecipient}").GetByRole(AriaRole.Button, new() { Name = "Lägg till synpunkt" }).ClickAsync();
        await MeasureAsync(owner, "the synpunkt form", null, failures);
        await MeasureAsync(owner, "Synpunkter utanför frågorna", $"{answered.Url}/synpunkter-utanfor-fragorna", failures);
        await MeasureAsync(owner, "Teman", $"{closed.Url}/teman", failures);
        await MeasureAsync(owner, "the closed remiss's page", closed.Url, failures);
        await MeasureAsync(owner, "Avsluta remiss", $"{closed.Url}/avsluta", failures);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Bekräfta och avsluta", Exact = true }).ClickAsync();
        await owner.WaitForURLAsync($"**{closed.Url}");
        await MeasureAsync(owner, "the Avslutad remiss's page", closed.Url, failures);
        await MeasureAsync(visitor, "the public page of the Avslutad remiss", $"/offentligt/malmo/remisser/{closed.Id}", failures);
        await MeasureAsync(visitor, "a published yttrande", $"/offentligt/malmo/remisser/{closed.Id}/yttranden/{closed.Recipients[Arrange.Asn]}", failures);
        await MeasureAsync(owner, "Mitt konto", "/konto/mitt-konto", failures);

        var asn = await SignedInAsync(Arrange.AsnUser);
        await MeasureAsync(asn, "the recipient's start page", "/malmo", failures);
        await MeasureAsync(asn, "the recipient's Remisser", "/malmo/remisser", failures);
        await MeasureAsync(asn, "the recipient's remiss page", demo, failures);
        await MeasureAsync(asn, "the yttrande form", $"{demo}/yttrande", failures);
        await MeasureAsync(asn, "the submit confirmation", $"{demo}/yttrande/skicka-in", failures);
        await MeasureAsync(asn, "Begär anstånd", $"{demo}/yttrande/anstand", failures);
        await MeasureAsync(asn, "Avstå från att yttra sig", $"{demo}/yttrande/avsta", failures);
        await MeasureAsync(asn, "the recipient's page of a submitted yttrande", answered.Url, failures);
        await MeasureAsync(asn, "the recipient's page of the Avslutad remiss", closed.Url, failures);

        var admin = await SignedInAsync(Arrange.Admin);
        await MeasureAsync(admin, "Administration", "/malmo/admin", failures);
        await MeasureAsync(admin, "Användare", "/malmo/admin/anvandare", failures);
        await MeasureAsync(admin, "Bjud in användare", "/malmo/admin/anvandare/bjud-in", failures);
        await MeasureAsync(admin, "a user", $"/malmo/admin/anvandare/{adminId}", failures);
        await MeasureAsync(admin, "Organisationer", "/malmo/admin/organisationer", failures);
        await MeasureAsync(admin, "Ny organisation", "/malmo/admin/organisationer/ny", failures);
        await MeasureAsync(admin, "an organisation", $"/malmo/admin/organisationer/{organisationId}", failures);
        await MeasureAsync(admin, "Importera organisationer", "/malmo/admin/organisationer/import", failures);
        await MeasureAsync(admin, "Inställningar", "/malmo/admin/installningar", failures);
        await MeasureAsync(admin, "Logg", "/malmo/admin/logg", failures);
        await MeasureAsync(admin, "Utskick", "/malmo/admin/utskick", failures);
        await MeasureAsync(admin, "Dokumentmall", "/malmo/admin/dokumentmall", failures);
        await MeasureAsync(admin, "Inloggning", "/malmo/admin/inloggning", failures);

        var platform = await NarrowPageAsync();
        await platform.GotoAsync("/konto/logga-in");
        await BrowserFixture.FillSignInAsync(platform, "operator@remiss.example");
        await platform.WaitForURLAsync("**/konto/logga-in/kod**");
        await MeasureAsync(platform, "the second step of signing in", null, failures);
        await platform.GetByLabel("Kod", new() { Exact = true }).FillAsync(Authenticator.Code(Authenticator.OperatorKey));
        await platform.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await platform.WaitForURLAsync("**/plattform");
        await MeasureAsync(platform, "the platform's start page", "/plattform", failures);
        await MeasureAsync(platform, "Ny kund", "/plattform/ny-kund", failures);
        await MeasureAsync(platform, "a kund", $"/plattform/kunder/{tenantId}", failures);

        Assert.True(failures.Count == 0, $"At {Narrow} px:\n" + string.Join('\n', failures));
        Assert.True(_consoleErrors.Count == 0, "Browser errors:\n" + string.Join('\n', _consoleErrors));
    }

    [Theory]
    [InlineData(Narrow)]
    [InlineData(Phone)]
    public async Task The_header_wraps_with_nothing_in_it_cut_off(int width)
    {
        // A long name of a person in the header: it wraps inside the header rather than push past the screen's edge.
        var longName = $"lang.{Arrange.Unique().ToLowerInvariant()}@malmo.example";
        await _app.AddUserAsync("malmo", longName, "Anna-Carolina Wahlström Bengtsdotter af Ekenstierna", Arrange.Stadskontoret, null);

        // A person of two tenants has the switcher in the header too, measured open.
        var twoTenants = $"region.{Arrange.Unique().ToLowerInvariant()}@skane.example";
        await _app.AddUserAsync("malmo", twoTenants, "Regina Region", Arrange.Asn, null);
        await _app.AddAccessAsync("lund", twoTenants, Arrange.Tekniska);
        var failures = new List<string>();
        foreach (var email in new[] { Arrange.Admin, Arrange.Owner, Arrange.AsnUser, longName, twoTenants })
        {
            var page = await SignedInAsync(email, width);
            foreach (var path in new[] { "/malmo", "/konto/mitt-konto" })
            {
                await page.GotoAsync(path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                if (await page.Locator("details.tenant-switch summary").CountAsync() > 0)
                {
                    await page.Locator("details.tenant-switch summary").ClickAsync();
                }

                var cut = await page.EvaluateAsync<string[]>("""
                    () => {
                      const header = document.querySelector('.site-header');
                      const out = [];
                      if (header.scrollWidth > header.clientWidth) out.push(`the header is ${header.scrollWidth} px wide`);
                      for (const el of header.querySelectorAll('a, button, span, .user-box, .main-nav')) {
                        const r = el.getBoundingClientRect();
                        if (r.width === 0) continue;
                        if (r.left < 0 || r.right > document.documentElement.clientWidth + 0.5) {
                          out.push(`"${el.textContent.trim()}" spans ${Math.round(r.left)}–${Math.round(r.right)} px`);
                        }
                      }
                      return out;
                    }
                    """);
                failures.AddRange(cut.Select(c => $"{email} on {path}: {c}"));
                await page.Locator(".site-header").ScreenshotAsync(new() { Path = Path.Combine(browser.Screenshots, $"reflow-header-{width}-{Slug(email)}-{Slug(path)}.png") });
                var measured = await ScrollWidthAsync(page);
                if (measured > width)
                {
                    failures.Add($"{email} on {path}: the page is {measured} px wide");
                }
            }
        }

        Assert.True(failures.Count == 0, $"At {width} px:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task A_table_shown_as_cards_is_still_a_table_with_its_column_headers_for_a_screen_reader()
    {
        var page = await SignedInAsync(Arrange.Admin);
        await page.GotoAsync("/malmo/admin/anvandare");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var email = page.GetByRole(AriaRole.Cell, new() { Name = Arrange.Admin, Exact = true });
        Assert.Equal("E-post: ", await email.EvaluateAsync<string>("cell => getComputedStyle(cell, '::before').content.split(' / ')[0].replace(/^\"|\"$/g, '')"));

        // The header row is hidden from the eye only: still displayed, one pixel wide, so it stays in the table.
        Assert.True(await page.Locator("main table thead").EvaluateAsync<bool>("head => getComputedStyle(head).display !== 'none' && head.getBoundingClientRect().width <= 1"));

        // What Chromium gives a screen reader: its own accessibility tree, not the DOM's tags.
        var devTools = await page.Context.NewCDPSessionAsync(page);
        var tree = await devTools.SendAsync("Accessibility.getFullAXTree");
        var nodes = tree!.Value.GetProperty("nodes").EnumerateArray()
            .Where(n => n.TryGetProperty("role", out var role) && role.TryGetProperty("value", out _))
            .Select(n => (Role: n.GetProperty("role").GetProperty("value").GetString(), Name: n.TryGetProperty("name", out var name) && name.TryGetProperty("value", out var value) ? value.ToString() : string.Empty))
            .ToList();

        Assert.Contains(nodes, n => n.Role == "table");
        Assert.Contains(nodes, n => n.Role == "columnheader" && n.Name == "E-post");
        Assert.Contains(nodes, n => n.Role is "cell" or "gridcell" && n.Name == Arrange.Admin);
        Assert.DoesNotContain(nodes, n => n.Role is "cell" or "gridcell" && n.Name.StartsWith("E-post", StringComparison.Ordinal));
        Assert.Empty(_consoleErrors);
    }

    private async Task<IPage> NarrowPageAsync(int width = Narrow)
    {
        var page = await browser.NewPageAsync(_app.Address, _consoleErrors);
        await page.SetViewportSizeAsync(width, 800);
        return page;
    }

    private async Task<IPage> SignedInAsync(string email, int width = Narrow)
    {
        var page = await NarrowPageAsync(width);
        await page.GotoAsync("/konto/logga-in");
        await BrowserFixture.FillSignInAsync(page, email);
        return page;
    }

    /// <summary>
    /// Opens <paramref name="path"/> (or measures the page where it is) and records a failure naming the page, its
    /// measured width and what sticks out, when it is wider than the screen; and every axe-core violation there.
    /// </summary>
    private async Task MeasureAsync(IPage page, string name, string? path, List<string> failures)
    {
        if (path is not null)
        {
            var response = await page.GotoAsync(path);
            if (response is null || !response.Ok)
            {
                failures.Add($"{name} ({path}): HTTP {response?.Status}");
                return;
            }
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.Screenshots, $"reflow-{Slug(name)}.png"), FullPage = true });
        var width = await ScrollWidthAsync(page);
        if (width > Narrow)
        {
            failures.Add($"{name} ({new Uri(page.Url).AbsolutePath}) is {width} px wide; sticking out: {await WideElementsAsync(page)}");
        }

        failures.AddRange((await browser.AccessibilityViolationsAsync(page)).Select(v => $"{name}: {v}"));
    }

    private static Task<int> ScrollWidthAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    /// <summary>The innermost elements that reach past the screen's right edge outside a scrolling region, for the failure message.</summary>
    private static async Task<string> WideElementsAsync(IPage page)
    {
        var found = await page.EvaluateAsync<JsonElement>("""
            () => {
              const edge = window.innerWidth + 0.5;
              const clipped = el => { for (let p = el.parentElement; p; p = p.parentElement) { if (getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= edge) return true; } return false; };
              const wide = [...document.body.querySelectorAll('*')].filter(el => el.getBoundingClientRect().right > edge && !clipped(el));
              const innermost = wide.filter(el => !wide.some(o => o !== el && el.contains(o)));
              return innermost.slice(0, 6).map(el => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} "${(el.textContent || '').trim().slice(0, 40)}" (${Math.round(el.getBoundingClientRect().right)} px)`);
            }
            """);
        return string.Join("; ", found.EnumerateArray().Select(e => e.GetString()));
    }

    private static string Slug(string name) =>
        string.Concat(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-'));
}
