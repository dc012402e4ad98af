namespace Remiss.Tests.Features.Admin;

using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Audit;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Identity;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>Inloggning at /{tenant}/admin/inloggning: the tenant's identity provider, checked against its discovery document.</summary>
public sealed class SignInProviderPageTests(ProviderAppFactory factory) : IClassFixture<ProviderAppFactory>
{
    private const string Page = "/malmo/admin/inloggning";
    private const string Secret = "mycket-hemlig-klienthemlighet-42";

    [Fact]
    public async Task Page_NamesItsFieldsAsTheLabelTableSaysAndShowsTheRedirectUri()
    {
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var (response, page) = await admin.GetPageAsync(Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Utfärdare", Html.LabelOf(page, "Input_Issuer"));
        Assert.Equal("Klient-id", Html.LabelOf(page, "Input_ClientId"));
        Assert.Equal("Klienthemlighet", Html.LabelOf(page, "Input_ClientSecret"));
        Assert.Equal("E-postdomäner", Html.LabelOf(page, "Input_EmailDomains"));
        Assert.Equal("Kräv inloggning med organisationskonto", Html.LabelOf(page, "Input_RequiredForDomains"));
        Assert.Contains("Spara inloggning", Html.ButtonTexts(page.QuerySelector("main form")!));
        var heading = page.QuerySelectorAll("h2").Single(h => Html.Text(h) == "Omdirigerings-URI");
        Assert.Equal($"{factory.BaseAddress.ToString().TrimEnd('/')}/malmo/logga-in/organisationskonto/svar", Html.Text(heading.NextElementSibling));

        var (_, index) = await admin.GetPageAsync("/malmo/admin");
        Assert.Contains(index.QuerySelectorAll("main a"), a => Html.Text(a) == "Inloggning" && a.GetAttribute("href") == Page);
    }

    [Fact]
    public async Task Save_ChecksTheProviderStoresTheSecretProtectedNeverShowsItAndRecordsIt()
    {
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.LundAdmin);
        var (_, form) = await admin.GetPageAsync("/lund/admin/inloggning");

        var response = await BrowserForm.Of(form)
            .Set("Input.Issuer", factory.Provider.Issuer.ToString())
            .Set("Input.ClientId", "remiss-lund")
            .Set("Input.ClientSecret", Secret)
            .Set("Input.EmailDomains", "Skola.lund.example, @sso.lund.example skola.lund.example")
            .Check("Input.RequiredForDomains")
            .SubmitAsync(admin);

        Assert.Equal("/lund/admin/inloggning", response.Target());
        var (after, page) = await admin.FollowAsync(response);
        Assert.Equal("Inloggningen har sparats.", Html.Status(page));
        Assert.DoesNotContain(Secret, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, page.GetElementById("Input_ClientSecret")!.GetAttribute("value") ?? string.Empty);
        Assert.Contains("En klienthemlighet är sparad", page.GetElementById("Input_ClientSecret-hint")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("skola.lund.example, sso.lund.example", page.GetElementById("Input_EmailDomains")!.GetAttribute("value"));

        var stored = await ProviderAsync("lund");
        Assert.Equal(["skola.lund.example", "sso.lund.example"], stored.EmailDomains);
        Assert.True(stored.RequiredForDomains);
        Assert.NotEqual(Secret, stored.ProtectedClientSecret);
        Assert.Equal(Secret, Unprotect(stored.ProtectedClientSecret));
        var entry = Assert.Single(await AdminKit.AuditAsync(factory, AuditAction.SettingsChanged, "lund"), e => e.Summary.Contains("Inloggning med organisationskonto", StringComparison.Ordinal));
        Assert.Contains("ny klienthemlighet sparad", entry.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, entry.Summary, StringComparison.Ordinal);

        // Saved again without a secret: the stored one stays.
        var (_, again) = await admin.GetPageAsync("/lund/admin/inloggning");
        Assert.Equal("/lund/admin/inloggning", (await BrowserForm.Of(again).Set("Input.ClientId", "remiss-lund-2").SubmitAsync(admin)).Target());
        var kept = await ProviderAsync("lund");
        Assert.Equal("remiss-lund-2", kept.ClientId);
        Assert.Equal(Secret, Unprotect(kept.ProtectedClientSecret));
    }

    [Fact]
    public async Task Save_WhenTheDiscoveryDocumentCannotBeRead_IsRefusedNextToUtfardareAndSavesNothing()
    {
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var before = await ProviderOrNullAsync("malmo");
        var nobody = $"https://127.0.0.1:{ClosedPort()}/";

        var (response, page) = await SubmitAsync(admin, nobody);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Leverantörens inställningar gick inte att hämta", Html.FieldError(page, "Input_Issuer"), StringComparison.Ordinal);
        Assert.Equal(nobody, page.GetElementById("Input_Issuer")!.GetAttribute("value"));
        Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before?.Issuer, (await ProviderOrNullAsync("malmo"))?.Issuer);
    }

    [Fact]
    public async Task Save_WhenTheDiscoveryDocumentNamesAnotherIssuer_IsRefusedNextToUtfardare()
    {
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);

        // The provider's own address without the trailing slash its discovery document names.
        var (response, page) = await SubmitAsync(admin, factory.Provider.Issuer.ToString().TrimEnd('/'));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Leverantörens inställningar anger en annan utfärdare: {factory.Provider.Issuer}. Skriv utfärdaren exakt som leverantören anger den.", Html.FieldError(page, "Input_Issuer"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/", "Input_Issuer", "Utfärdare måste vara en https-adress")]
    [InlineData("https://login.example/v2.0?x=1", "Input_Issuer", "Utfärdare måste vara en https-adress")]
    public async Task Save_AnIssuerThatIsNotHttps_IsRefusedOutsideDevelopment(string issuer, string field, string error)
    {
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);

        var (response, page) = await SubmitAsync(admin, issuer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(error, Html.FieldError(page, field), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_RequiringTheOrganisationAccountWithoutDomains_IsRefusedNextToEPostdomaner()
    {
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var (_, form) = await admin.GetPageAsync(Page);

        var response = await BrowserForm.Of(form).Set("Input.Issuer", factory.Provider.Issuer.ToString()).Set("Input.ClientId", "x")
            .Set("Input.ClientSecret", Secret).Set("Input.EmailDomains", string.Empty).Check("Input.RequiredForDomains").SubmitAsync(admin);
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ange minst en e-postdomän för att kunna kräva inloggning med organisationskonto.", Html.FieldError(page, "Input_EmailDomains"));
    }

    private async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page)> SubmitAsync(WebSession admin, string issuer)
    {
        var (_, form) = await admin.GetPageAsync(Page);
        var response = await BrowserForm.Of(form).Set("Input.Issuer", issuer).Set("Input.ClientId", "remiss-malmo")
            .Set("Input.ClientSecret", Secret).Set("Input.EmailDomains", "malmo-sso.example").SubmitAsync(admin);
        return (response, await WebSession.ParseAsync(response));
    }

    private Task<IdentityProvider> ProviderAsync(string slug) => factory.InTenantAsync(slug, (db, _) => db.IdentityProviders.AsNoTracking().SingleAsync());

    private Task<IdentityProvider?> ProviderOrNullAsync(string slug) => factory.InTenantAsync(slug, (db, _) => db.IdentityProviders.AsNoTracking().SingleOrDefaultAsync());

    private string Unprotect(string protectedSecret) =>
        factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(OrganisationSignIn.SecretPurpose).Unprotect(protectedSecret);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
