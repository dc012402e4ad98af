namespace Remiss.Tests.EndToEnd;

using Microsoft.Playwright;
using Remiss.Tests.Features.Responses;

/// <summary>
/// The yttrande form with the keyboard alone: every field and button is reached with Tab, with the focus visible at
/// every step, and the form is saved with Enter and sent on with Space. And a check that the axe check can fail.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class KeyboardAndAxeTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly StoryApp _app = new();

    public async Task InitializeAsync() => await ((IAsyncLifetime)_app).InitializeAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_yttrande_form_is_reached_used_and_saved_with_the_keyboard_alone_with_the_focus_always_visible()
    {
        var page = await browser.NewPageAsync(_app.Address);
        await page.GotoAsync("/konto/logga-in");

        // Sign in with the keyboard too: the skip link first, then the fields in order.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Hoppa till innehållet", await FocusedNameAsync(page));
        await TabToAsync(page, "E-post");
        await page.Keyboard.TypeAsync(Kit.AsnUser);
        await TabToAsync(page, "Lösenord");
        await page.Keyboard.TypeAsync("Remiss-demo-1!");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/malmo");

        await page.GotoAsync($"/malmo/remisser/{_app.DemoId}/yttrande");
        var expected = new[]
        {
            "Sammanfattning", "Övergripande synpunkter", "Svar på fråga 1", "Svar på fråga 2", "Tillstyrker", "Svar på fråga 4",
            "Barnperspektiv", "Jämställdhet", "Ekonomiska konsekvenser", "Typ av beslut", "Beslutande organ", "Beslutsdatum", "Paragraf",
            "Namn på ansvarig 1", "Titel för ansvarig 1", "Lägg till ansvarig", "Lägg till bilaga", "Ladda upp bilaga",
            "Spara utkast", "Skicka in yttrande", "Avstå från att yttra sig", "Begär anstånd",
        };

        var reached = new List<string>();
        var unseen = new List<string>();
        // The save bar with Spara utkast and Skicka in yttrande comes last, after Avstå and Begär anstånd.
        for (var i = 0; i < 200 && !reached.Contains("Skicka in yttrande"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var name = await FocusedNameAsync(page);
            reached.Add(name);
            if (!await FocusIsVisibleAsync(page))
            {
                unseen.Add(name);
            }
        }

        foreach (var control in expected)
        {
            Assert.Contains(reached, r => r.StartsWith(control, StringComparison.Ordinal));
        }

        Assert.True(unseen.Count == 0, "Focus not visible on: " + string.Join(", ", unseen));

        // Back to Sammanfattning with Shift+Tab, type, then save with Enter on "Spara utkast".
        for (var i = 0; i < 200 && await FocusedNameAsync(page) != "Sammanfattning"; i++)
        {
            await page.Keyboard.PressAsync("Shift+Tab");
        }

        await page.Keyboard.TypeAsync("Skrivet med tangentbordet.");
        await TabToAsync(page, "Spara utkast");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Utkastet är sparat.");
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Sammanfattning" })).ToContainTextAsync("Skrivet med tangentbordet.");

        // "Skicka in yttrande" with Space leads to the confirmation, which lists the required questions still unanswered.
        await TabToAsync(page, "Skicka in yttrande");
        await page.Keyboard.PressAsync("Space");
        await page.WaitForURLAsync("**/yttrande/skicka-in**");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Obligatoriska frågor som inte är besvarade");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Fråga 1:", Exact = false }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_form_sent_back_with_errors_focuses_the_summary_and_links_each_message_to_its_field()
    {
        var consoleErrors = new List<string>();
        var page = await browser.NewPageAsync(_app.Address, consoleErrors);
        await page.GotoAsync("/konto/logga-in");
        await BrowserFixture.FillSignInAsync(page, Kit.Owner);
        await page.WaitForURLAsync("**/malmo");

        await page.GotoAsync("/malmo/remisser/ny");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa utkast" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('error-summary')"), "the error summary has the focus");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Det finns fel i formuläret");
        var title = page.GetByLabel("Titel", new() { Exact = true });
        var describedBy = await title.GetAttributeAsync("aria-describedby");
        Assert.NotNull(describedBy);
        var message = await page.Locator($"#{describedBy!.Split(' ')[0]}").InnerTextAsync();
        Assert.False(string.IsNullOrWhiteSpace(message), "the field names its error");
        await page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = message.Trim() }).ClickAsync();
        Assert.Equal("Title", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Empty(await browser.AccessibilityViolationsAsync(page));
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task The_accessibility_check_finds_a_violation_where_there_is_one()
    {
        var page = await browser.NewPageAsync(_app.Address);
        await page.SetContentAsync("<!DOCTYPE html><html lang='sv'><head><title>Prov</title></head><body><main><img src='data:,'><input type='text'></main></body></html>");

        var violations = await browser.AccessibilityViolationsAsync(page);

        Assert.Contains(violations, v => v.StartsWith("image-alt", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("label", StringComparison.Ordinal));
    }

    private static async Task TabToAsync(IPage page, string name)
    {
        for (var i = 0; i < 200; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if ((await FocusedNameAsync(page)).StartsWith(name, StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {name}.");
    }

    /// <summary>The focused element's accessible name as a person hears it: its label, aria-labelledby, or text.</summary>
    private static Task<string> FocusedNameAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return '';
          const byIds = (ids) => ids.split(/\s+/).map(id => document.getElementById(id)).filter(Boolean).map(e => e.textContent.trim()).join(' ');
          if (el.getAttribute('aria-labelledby')) return byIds(el.getAttribute('aria-labelledby'));
          if (el.getAttribute('aria-label')) return el.getAttribute('aria-label');
          if (el.labels && el.labels.length) return el.labels[0].textContent.trim();
          return (el.textContent || el.value || '').trim();
        }
        """);

    /// <summary>An outline or a box shadow is drawn around the focused element.</summary>
    private static Task<bool> FocusIsVisibleAsync(IPage page) => page.EvaluateAsync<bool>("""
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return false;
          const s = getComputedStyle(el);
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
          const shadow = s.boxShadow && s.boxShadow !== 'none';
          return outline || shadow;
        }
        """);
}
