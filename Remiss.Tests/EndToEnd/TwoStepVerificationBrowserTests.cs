namespace Remiss.Tests.EndToEnd;

using Microsoft.Playwright;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// Tvåstegsverifiering in the real browser, driven by the accessible names a person sees: Mitt konto from the header,
/// the key under Nyckel, Kod and Verifiera, then the second step at sign-in; axe-core finds nothing on either page.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class TwoStepVerificationBrowserTests(BrowserFixture browser, RemissAppFactory app) : IClassFixture<RemissAppFactory>
{
    [Fact]
    public async Task A_person_turns_on_two_step_verification_under_Mitt_konto_and_then_signs_in_with_the_code()
    {
        var email = $"webblasare.{Arrange.Unique().ToLowerInvariant()}@malmo.example";
        await app.AddUserAsync("malmo", email, "Wera Webb", Arrange.Stadskontoret, null);
        var errors = new List<string>();
        var page = await browser.NewPageAsync(app.BaseAddress, errors);
        await page.GotoAsync("/konto/logga-in");
        await BrowserFixture.FillSignInAsync(page, email);

        await page.GetByRole(AriaRole.Link, new() { Name = "Mitt konto", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tvåstegsverifiering" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR-kod med nyckeln för autentiseringsappen" })).ToBeVisibleAsync();
        Assert.Empty(await browser.AccessibilityViolationsAsync(page));

        var key = (await page.Locator("h3:text-is('Nyckel') + p").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal);
        await page.GetByLabel("Kod", new() { Exact = true }).FillAsync(Authenticator.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifiera" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Tvåstegsverifiering är påslagen.");
        Assert.Equal(10, await page.Locator(".recovery-codes li").CountAsync());
        Assert.Empty(await browser.AccessibilityViolationsAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await page.WaitForURLAsync("**/konto/logga-in");
        await BrowserFixture.FillSignInAsync(page, email);
        await page.WaitForURLAsync("**/konto/logga-in/kod**");
        Assert.Empty(await browser.AccessibilityViolationsAsync(page));

        await page.GetByLabel("Kod", new() { Exact = true }).FillAsync(Authenticator.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync("**/malmo");
        Assert.Empty(errors);
    }
}
