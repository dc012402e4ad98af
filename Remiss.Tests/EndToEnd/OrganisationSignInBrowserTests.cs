namespace Remiss.Tests.EndToEnd;

using Microsoft.Playwright;
using Remiss.Tests.Features.Account;
using Remiss.Tests.Features.Admin;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// Sign-in with the organisation's account in the real browser, through the provider's own page (OpenIddict on
/// loopback): from a tenant's page by "Logga in med organisationskonto", and from the common sign-in page by the address.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class OrganisationSignInBrowserTests(BrowserFixture browser, ProviderAppFactory app) : IClassFixture<ProviderAppFactory>
{
    private const string Domain = "webb.malmo.example";

    [Fact]
    public async Task A_person_opens_a_tenant_page_signs_in_at_the_organisations_provider_and_lands_where_they_were_going()
    {
        await ConfigureAsync();
        var email = $"webb.{Arrange.Unique().ToLowerInvariant()}@{Domain}";
        await app.AddUserAsync("malmo", email, "Wilma Webb", Arrange.Stadskontoret, null);
        var errors = new List<string>();
        var page = await browser.NewPageAsync(app.BaseAddress, errors);

        await page.GotoAsync("/malmo/remisser");
        await page.WaitForURLAsync("**/konto/logga-in**");
        Assert.Empty(await browser.AccessibilityViolationsAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Logga in med organisationskonto" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Testleverantörens inloggning" })).ToBeVisibleAsync();
        await page.GetByLabel("E-post", new() { Exact = true }).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in hos leverantören" }).ClickAsync();

        await page.WaitForURLAsync("**/malmo/remisser");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mitt konto", Exact = true })).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_person_types_an_address_of_the_organisations_domain_and_is_sent_to_its_provider_without_a_password()
    {
        await ConfigureAsync();
        var email = $"adress.{Arrange.Unique().ToLowerInvariant()}@{Domain}";
        await app.AddUserAsync("malmo", email, "Adam Adress", Arrange.Stadskontoret, null);
        var errors = new List<string>();
        var page = await browser.NewPageAsync(app.BaseAddress, errors);

        await page.GotoAsync("/konto/logga-in");
        await page.GetByLabel("E-post", new() { Exact = true }).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();

        // The provider's page has the address already, from the login hint.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Testleverantörens inloggning" })).ToBeVisibleAsync();
        Assert.Equal(email, await page.GetByLabel("E-post", new() { Exact = true }).InputValueAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in hos leverantören" }).ClickAsync();

        await page.WaitForURLAsync("**/malmo");
        Assert.Empty(errors);
    }

    private async Task ConfigureAsync()
    {
        using var admin = await AdminKit.SignedInAsync(app, AdminKit.MalmoAdmin);
        await OrganisationSignInTests.SaveProviderAsync(admin, "malmo", app.Provider, "remiss-malmo", Domain, required: false);
    }
}
