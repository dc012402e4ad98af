namespace Remiss.Tests.EndToEnd;

using Microsoft.Playwright;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.Features.Review;
using static Microsoft.Playwright.Assertions;

/// <summary>
/// The owner's pages of the answers in a real browser: Svar per fråga, each Fråga N, the synpunkt form, Synpunkter
/// utanför frågorna and Teman pass axe-core's WCAG 2.1 A/AA rules with no script refused by the page's policy, and text
/// selected in an answer becomes the Synpunkt of "Lägg till synpunkt".
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ReviewPagesBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly StoryApp _app = new();

    public async Task InitializeAsync() => await ((IAsyncLifetime)_app).InitializeAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_page_of_the_answers_passes_axe_core_with_no_console_error()
    {
        var remiss = await AnswersPerQuestionPageTests.AnsweredRemissAsync(_app);
        var asn = remiss.Recipients[Arrange.Asn];
        var errors = new List<string>();
        var violations = new List<string>();
        var page = await SignedInAsync(errors);

        async Task CheckAsync(string what)
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            violations.AddRange((await browser.AccessibilityViolationsAsync(page)).Select(v => $"{what}: {v}"));
        }

        await page.GotoAsync(remiss.Url);
        await page.GetByRole(AriaRole.Link, new() { Name = "Svar per fråga", Exact = true }).ClickAsync();
        await CheckAsync("Svar per fråga");
        for (var number = 1; number <= 4; number++)
        {
            await page.GotoAsync($"{remiss.Url}/fragor");
            await page.GetByRole(AriaRole.Link, new() { Name = $"Fråga {number}", Exact = true }).ClickAsync();
            await CheckAsync($"Fråga {number}");
        }

        await page.Locator($"#svar-{asn}").GetByRole(AriaRole.Button, new() { Name = "Lägg till synpunkt" }).ClickAsync();
        await CheckAsync("the synpunkt form");
        await page.GetByLabel("Synpunkt", new() { Exact = true }).FillAsync("Trygghet i centrum.");
        await page.GetByLabel("Nytt tema", new() { Exact = true }).FillAsync("Trygghet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara synpunkt" }).ClickAsync();
        await CheckAsync("a saved synpunkt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara synpunkt" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.GotoAsync($"{remiss.Url}/fragor/4?ord=Otryggt");
        await CheckAsync("a filtered question with marked hits");

        await page.GotoAsync($"{remiss.Url}/fragor");
        await page.GetByRole(AriaRole.Link, new() { Name = "Synpunkter utanför frågorna" }).ClickAsync();
        await CheckAsync("Synpunkter utanför frågorna");
        await page.GotoAsync($"{remiss.Url}/fragor");
        await page.GetByRole(AriaRole.Link, new() { Name = "Teman", Exact = true }).ClickAsync();
        await CheckAsync("Teman");

        Assert.True(violations.Count == 0, string.Join('\n', violations));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Text_selected_in_an_answer_becomes_the_Synpunkt_of_Lägg_till_synpunkt()
    {
        var remiss = await AnswersPerQuestionPageTests.AnsweredRemissAsync(_app);
        var asn = remiss.Recipients[Arrange.Asn];
        var errors = new List<string>();
        var page = await SignedInAsync(errors);
        await page.GotoAsync($"{remiss.Url}/fragor/1");
        var answer = page.Locator($"#svar-{asn}");

        await answer.Locator("[data-answer-text] strong").EvaluateAsync("""
            node => {
              const range = document.createRange();
              range.selectNodeContents(node.parentElement);
              const selection = window.getSelection();
              selection.removeAllRanges();
              selection.addRange(range);
              return new Promise(resolve => setTimeout(resolve, 100));
            }
            """);
        await answer.GetByRole(AriaRole.Button, new() { Name = "Lägg till synpunkt" }).ClickAsync();

        await Expect(page.GetByLabel("Synpunkt", new() { Exact = true })).ToHaveValueAsync("Vi ser stora behov av samordning i Rosengård.");
        await page.GetByLabel("Bemötande", new() { Exact = true }).FillAsync("Samordningen beskrivs i förslaget.");
        await page.GetByRole(AriaRole.Group, new() { Name = "Ställningstagande till synpunkten" }).GetByLabel("Beaktas", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara synpunkt" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Synpunkten är sparad.");
        await Expect(answer.Locator(".point__text")).ToHaveTextAsync("Vi ser stora behov av samordning i Rosengård.");
        await Expect(answer.Locator(".point__disposition")).ToHaveTextAsync("Beaktas");
        Assert.Empty(errors);
    }

    private async Task<IPage> SignedInAsync(List<string> errors)
    {
        var page = await browser.NewPageAsync(_app.Address, errors);
        await page.GotoAsync("/konto/logga-in");
        await BrowserFixture.FillSignInAsync(page, Arrange.Owner);
        await page.WaitForURLAsync("**/malmo");
        return page;
    }
}
