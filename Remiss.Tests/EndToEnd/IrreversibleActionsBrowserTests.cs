namespace Remiss.Tests.EndToEnd;

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Email;
using Remiss.Tests.Features.Remisser;

/// <summary>
/// Stäng remissen and Återkalla remissen in a real browser: each is a link under "Fler åtgärder" to a confirmation page
/// that says what will happen; nothing happens until the owner confirms, and Avbryt leads back with the remiss as it
/// was. Every page on the way is checked with axe-core for WCAG 2.1 A and AA.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class IrreversibleActionsBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly StoryApp _app = new();
    private readonly List<string> _violations = [];
    private readonly List<string> _consoleErrors = [];

    public async Task InitializeAsync() => await ((IAsyncLifetime)_app).InitializeAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Closing_and_withdrawing_each_ask_for_confirmation_before_anything_happens()
    {
        var closing = await Arrange.RemissAsync(_app, new RemissSpec { Sent = true });
        var withdrawing = await Arrange.RemissAsync(_app, new RemissSpec { Sent = true });
        var owner = await SignInAsync("handlaggare@malmo.example");

        // Stäng remissen: the link leads to the confirmation; Avbryt leads back and nothing has changed.
        await owner.GotoAsync(closing.Url);
        await CheckAsync(owner, "remissidan");
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Name = "Fler åtgärder", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Button, new() { Name = "Stäng remissen", Exact = true })).ToHaveCountAsync(0);
        await owner.GetByRole(AriaRole.Link, new() { Name = "Stäng remissen", Exact = true }).ClickAsync();
        await owner.WaitForURLAsync($"**{closing.Url}/stang");
        await CheckAsync(owner, "stang-remissen");
        await Expect(owner.GetByRole(AriaRole.Main)).ToContainTextAsync("Inga e-postmeddelanden skickas");
        await Expect(owner.GetByRole(AriaRole.Main)).ToContainTextAsync("Stängd betyder att inga fler svar tas emot");
        await owner.GetByRole(AriaRole.Link, new() { Name = "Avbryt", Exact = true }).ClickAsync();
        await owner.WaitForURLAsync($"**{closing.Url}");
        Assert.Equal(RemissStatus.Sent, await StatusAsync(closing.Id));

        await owner.GetByRole(AriaRole.Link, new() { Name = "Stäng remissen", Exact = true }).ClickAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Bekräfta och stäng", Exact = true }).ClickAsync();
        await owner.WaitForURLAsync($"**{closing.Url}");
        await CheckAsync(owner, "stangd");
        await Expect(owner.GetByRole(AriaRole.Main)).ToContainTextAsync("Remissen är stängd");
        Assert.Equal(RemissStatus.Closed, await StatusAsync(closing.Id));

        // Återkalla remissen: the confirmation says who is e-mailed and shows the message; none goes before confirming.
        await owner.GotoAsync(withdrawing.Url);
        await owner.GetByRole(AriaRole.Link, new() { Name = "Återkalla remissen", Exact = true }).ClickAsync();
        await owner.WaitForURLAsync($"**{withdrawing.Url}/aterkalla");
        await CheckAsync(owner, "aterkalla-remissen");
        await Expect(owner.GetByRole(AriaRole.Main)).ToContainTextAsync("får ett e-postmeddelande om återkallelsen");
        Assert.Equal(RemissStatus.Sent, await StatusAsync(withdrawing.Id));
        Assert.Equal(0, await WithdrawalNoticesAsync(withdrawing));
        await owner.GetByLabel("Anledning till återkallelsen", new() { Exact = true }).FillAsync("Förslaget är inaktuellt.");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Bekräfta och återkalla", Exact = true }).ClickAsync();
        await owner.WaitForURLAsync($"**{withdrawing.Url}");
        await CheckAsync(owner, "aterkallad");
        await Expect(owner.GetByRole(AriaRole.Main)).ToContainTextAsync("Förslaget är inaktuellt.");
        Assert.Equal(RemissStatus.Withdrawn, await StatusAsync(withdrawing.Id));
        Assert.True(await WithdrawalNoticesAsync(withdrawing) > 0);

        Assert.True(_violations.Count == 0, "WCAG 2.1 A/AA violations:\n" + string.Join('\n', _violations));
        Assert.True(_consoleErrors.Count == 0, "Browser errors:\n" + string.Join('\n', _consoleErrors));
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private Task<RemissStatus> StatusAsync(Guid id) =>
        _app.InTenantAsync("malmo", (db, _) => db.Remisser.AsNoTracking().Where(r => r.Id == id).Select(r => r.Status).SingleAsync());

    private Task<int> WithdrawalNoticesAsync(ArrangedRemiss remiss) =>
        _app.InTenantAsync("malmo", (db, _) =>
        {
            var ids = remiss.Recipients.Values.ToList();
            return db.Outbox.CountAsync(m => m.Reason == EmailReason.Withdrawn && ids.Contains(m.ConcernsId));
        });

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await browser.NewPageAsync(_app.Address, _consoleErrors);
        await page.GotoAsync("/konto/logga-in");
        await BrowserFixture.FillSignInAsync(page, email);
        return page;
    }

    private async Task CheckAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.Screenshots, $"bekrafta-{name}.png"), FullPage = true });
        foreach (var violation in await browser.AccessibilityViolationsAsync(page))
        {
            _violations.Add($"{name} ({new Uri(page.Url).AbsolutePath}): {violation}");
        }
    }
}
