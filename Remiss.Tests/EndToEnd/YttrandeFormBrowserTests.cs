namespace Remiss.Tests.EndToEnd;

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Remiss.Tests.Features.Responses;

/// <summary>
/// The yttrande form in a real browser: the save bar stays on screen and says the save state politely while the
/// badge at the top follows the save; the link button asks in an accessible dialog, adds https:// and says why an
/// address is refused; "Inga synpunkter" is cleared and disabled while the answer has text.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class YttrandeFormBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly StoryApp _app = new();

    public async Task InitializeAsync() => await ((IAsyncLifetime)_app).InitializeAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_save_bar_stays_on_screen_says_the_save_state_politely_and_the_badge_follows_the_save()
    {
        var remiss = await _app.CopyOfDemoAsync();
        var errors = new List<string>();
        var page = await SignedInAsync(errors);
        await page.GotoAsync(remiss.Yttrande);

        var bar = page.GetByRole(AriaRole.Region, new() { Name = "Spara och skicka in" });
        var state = bar.Locator("[aria-live=polite]");
        await Assertions.Expect(state).ToHaveTextAsync("Inget är sparat ännu.");
        await Assertions.Expect(page.Locator("[data-status-badge] .status").First).ToHaveTextAsync("Ej påbörjat");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight") > 2 * 900, "the form is taller than two screens");

        // At the top and halfway down the bar sits at the bottom edge of the window; at the foot of the page it rests at
        // the end of the form. Its buttons are always in reach.
        foreach (var (scroll, atTheEdge) in new[] { ("0", true), ("document.documentElement.scrollHeight / 2", true), ("document.documentElement.scrollHeight", false) })
        {
            await page.EvaluateAsync($"() => window.scrollTo(0, {scroll})");
            await Assertions.Expect(bar).ToBeInViewportAsync(new() { Ratio = 1 });
            if (atTheEdge)
            {
                var box = (await bar.BoundingBoxAsync())!;
                Assert.InRange(box.Y + box.Height, 880, 901);
            }

            await Assertions.Expect(bar.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" })).ToBeInViewportAsync();
            await Assertions.Expect(bar.GetByRole(AriaRole.Button, new() { Name = "Skicka in yttrande" })).ToBeInViewportAsync();
        }

        var summary = page.GetByRole(AriaRole.Textbox, new() { Name = "Sammanfattning", Exact = true });
        await summary.ClickAsync();
        await page.Keyboard.TypeAsync("Nämnden ser positivt på förslaget.");
        await Assertions.Expect(state).ToContainTextAsync("Inte sparat");

        // Leaving the tab saves at once (the timer would wait half a minute).
        await page.EvaluateAsync("() => { Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true }); document.dispatchEvent(new Event('visibilitychange')); }");
        await Assertions.Expect(state).ToHaveTextAsync(SavedAt());
        await Assertions.Expect(page.Locator("[data-status-badge] .status").First).ToHaveTextAsync("Påbörjat");
        Assert.Equal("<p>Nämnden ser positivt på förslaget.</p>", (await Kit.StoredAsync(_app, remiss.Id, remiss.Asn)).Response!.Summary);

        Assert.Empty(await browser.AccessibilityViolationsAsync(page));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task The_link_button_opens_a_dialog_that_adds_https_and_says_when_an_address_is_refused()
    {
        var remiss = await _app.CopyOfDemoAsync();
        var errors = new List<string>();
        var page = await SignedInAsync(errors);
        await page.GotoAsync(remiss.Yttrande);
        var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "Sammanfattning", Exact = true });
        var linkButton = page.GetByRole(AriaRole.Toolbar, new() { Name = "Formatering för Sammanfattning" }).GetByRole(AriaRole.Button, new() { Name = "Länk" });
        await editor.ClickAsync();
        await page.Keyboard.TypeAsync("Läs mer på ");

        await linkButton.ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Infoga länk" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        var address = dialog.GetByLabel("Länkadress", new() { Exact = true });
        await Assertions.Expect(address).ToBeFocusedAsync();

        // A script address is refused next to the field, and the dialog stays open with what was typed.
        await address.FillAsync("javascript:alert(1)");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Infoga" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(address).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(address).ToHaveAccessibleDescriptionAsync(new Regex("kan inte bli en länk"));
        await Assertions.Expect(address).ToHaveValueAsync("javascript:alert(1)");
        Assert.Empty(await browser.AccessibilityViolationsAsync(page));

        // An address without a scheme gets https://.
        await address.FillAsync("www.malmo.se");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Infoga" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(editor.Locator("a")).ToHaveAttributeAsync("href", "https://www.malmo.se");
        await Assertions.Expect(editor).ToBeFocusedAsync();

        // Avbryt and Esc close it without a link, the focus back in the editor.
        await linkButton.ClickAsync();
        await dialog.GetByLabel("Länkadress", new() { Exact = true }).FillAsync("www.lund.se");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Avbryt" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(editor).ToBeFocusedAsync();
        await linkButton.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(editor).ToBeFocusedAsync();
        await Assertions.Expect(editor.Locator("a")).ToHaveCountAsync(1);

        // The server's sanitiser keeps the link as the dialog made it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("href=\"https://www.malmo.se\"", (await Kit.StoredAsync(_app, remiss.Id, remiss.Asn)).Response!.Summary, StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Inga_synpunkter_is_cleared_and_disabled_while_the_answer_has_text_and_Stallningstagande_has_no_second_one()
    {
        var remiss = await _app.CopyOfDemoAsync();
        var page = await SignedInAsync(null);
        await page.GotoAsync(remiss.Yttrande);
        var mark = page.GetByLabel("Inga synpunkter på fråga 1", new() { Exact = true });
        var answer = page.GetByRole(AriaRole.Textbox, new() { Name = "Svar på fråga 1", Exact = true });

        await mark.CheckAsync();
        await answer.ClickAsync();
        await page.Keyboard.TypeAsync("Vi har en synpunkt.");

        await Assertions.Expect(mark).Not.ToBeCheckedAsync();
        await Assertions.Expect(mark).ToBeDisabledAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Backspace");
        await Assertions.Expect(mark).ToBeEnabledAsync();
        await Assertions.Expect(page.GetByLabel("Inga synpunkter på fråga 3", new() { Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Ställningstagande till fråga 3" }).GetByRole(AriaRole.Radio, new() { Name = "Inga synpunkter" })).ToHaveCountAsync(1);
    }

    private async Task<IPage> SignedInAsync(ICollection<string>? errors)
    {
        var page = await browser.NewPageAsync(_app.Address, errors);
        await page.GotoAsync("/konto/logga-in");
        await BrowserFixture.FillSignInAsync(page, Kit.AsnUser);
        await page.WaitForURLAsync("**/malmo");
        return page;
    }

    [GeneratedRegex(@"^Sparat automatiskt kl\. \d{2}\.\d{2}\.$")]
    private static partial Regex SavedAt();
}
