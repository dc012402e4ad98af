namespace Remiss.Tests.Features.Account;

using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Audit;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Identity;
using Remiss.Tests.Features.Admin;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// Sign-in with the tenant's own OpenID Connect provider, against a real provider (OpenIddict) on loopback, through
/// HttpClient: the whole flow, linking and the unknown person, and every forged or misdirected answer refused.
/// </summary>
public sealed class OrganisationSignInTests(ProviderAppFactory factory) : IClassFixture<ProviderAppFactory>
{
    private const string Domain = "sso.malmo.example";
    private const string ClientId = "remiss-malmo";

    [Fact]
    public async Task SignIn_WithTheVerifiedEmailOfAnExistingAccount_LinksTheProviderAndSignsInAsFromTheProvider()
    {
        await ConfigureMalmoAsync();
        var email = $"kim-{Arrange.Unique()}@{Domain}";
        var userId = await factory.AddUserAsync("malmo", email, "Kim Koppla", Arrange.Stadskontoret, null);
        using var session = factory.NewSession();

        var back = await SignInAtProviderAsync(session, "malmo", email);

        Assert.Equal("/malmo/logga-in/organisationskonto/klar", back.Target());
        var landed = await session.GetAsync(back.Target());
        Assert.Equal("/malmo", landed.Target());
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/malmo")).StatusCode);
        var login = Assert.Single(await LoginsAsync(userId));
        Assert.Equal(OrganisationSignIn.SchemeName(await TenantIdAsync("malmo")), login.LoginProvider);
        Assert.Equal($"sub-{email}", login.ProviderKey);
        Assert.Contains(await AdminKit.AuditAsync(factory, AuditAction.SignedIn), e => e.ActorId == userId && e.Summary.Contains("Organisationskontot kopplat", StringComparison.Ordinal));

        // The next time the provider's subject finds the account by itself.
        using var again = factory.NewSession();
        var second = await SignInAtProviderAsync(again, "malmo", email);
        Assert.Equal("/malmo", (await again.GetAsync(second.Target())).Target());
        Assert.Single(await LoginsAsync(userId));
    }

    [Fact]
    public async Task SignIn_ThroughTheProvider_IsNotAskedToSetUpTwoStepVerification_WhichTheTenantRequiresOfPasswords()
    {
        await ConfigureMalmoAsync();
        var email = $"tva-{Arrange.Unique()}@{Domain}";
        await factory.AddUserAsync("malmo", email, "Tove Tvåsteg", Arrange.Stadskontoret, null);
        await RequireAsync(TwoFactorRequirement.Everyone);
        try
        {
            // The account has a password, and the tenant requires two-step verification of password users; but the
            // organisation's own sign-in is not a password: the tenant's pages open at once, not Mitt konto.
            using var session = factory.NewSession();
            var back = await SignInAtProviderAsync(session, "malmo", email);
            Assert.Equal("/malmo", (await session.GetAsync(back.Target())).Target());
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/malmo")).StatusCode);
        }
        finally
        {
            await RequireAsync(TwoFactorRequirement.Nobody);
        }
    }

    [Fact]
    public async Task SignIn_OfAnUnknownPerson_MakesAnAccountWithoutOrganisationsThatTheAdministratorSees()
    {
        await ConfigureMalmoAsync();
        var email = $"ny-{Arrange.Unique()}@{Domain}";
        using var session = factory.NewSession();

        var back = await SignInAtProviderAsync(session, "malmo", email, name: "Nina Ny");
        var landed = await session.GetAsync(back.Target());

        Assert.Equal("/konto/organisationskonto/ingen-tillgang", landed.Target());
        var (_, page) = await session.FollowAsync(landed);
        Assert.Contains("Din administratör behöver ge dig tillgång", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var user = await factory.InTenantAsync("malmo", (db, _) => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Equal("Nina Ny", user.DisplayName);
        Assert.Null(user.PasswordHash);
        Assert.Single(await LoginsAsync(user.Id));
        Assert.False(await factory.InTenantAsync("malmo", (db, _) => db.Memberships.AnyAsync(m => m.UserId == user.Id)));

        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var (_, users) = await admin.GetPageAsync("/malmo/admin/anvandare");
        Assert.Contains(email, users.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithAnUnverifiedEmail_IsRefusedAndLinksNothing()
    {
        await ConfigureMalmoAsync();
        var email = $"overifierad-{Arrange.Unique()}@{Domain}";
        var userId = await factory.AddUserAsync("malmo", email, "Olle Overifierad", Arrange.Stadskontoret, null);
        using var session = factory.NewSession();

        var back = await SignInAtProviderAsync(session, "malmo", email, verified: false);
        var (response, page) = await session.GetPageAsync(back.Target());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Inloggningen nekades", Html.Text(page.QuerySelector("h1")));
        Assert.Contains("inte bekräftat din e-postadress", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await LoginsAsync(userId));
        Assert.Equal("/konto/logga-in", (await session.GetAsync("/malmo")).Target().Split('?')[0]);
    }

    [Fact]
    public async Task SignIn_WithATamperedIdToken_IsRefused()
    {
        await ConfigureMalmoAsync();
        factory.TokenChanges.Change = token => OidcProvider.Tamper(token, "email", AdminKit.MalmoAdmin);
        try
        {
            using var session = factory.NewSession();
            var back = await SignInAtProviderAsync(session, "malmo", $"falsk-{Arrange.Unique()}@{Domain}");

            Assert.Equal("/konto/organisationskonto/misslyckades", back.Target());
            Assert.Equal("/konto/logga-in", (await session.GetAsync("/malmo")).Target().Split('?')[0]);
        }
        finally
        {
            factory.TokenChanges.Change = null;
        }
    }

    [Theory]
    [InlineData("aud", "another-client")]
    [InlineData("iss", "https://127.0.0.1:1/")]
    [InlineData("nonce", "a-nonce-of-another-sign-in")]
    public async Task SignIn_WithAnIdTokenSignedByTheProviderButForAnotherAudienceIssuerOrNonce_IsRefused(string claim, string value)
    {
        await ConfigureMalmoAsync();
        factory.TokenChanges.Change = token => factory.Provider.Resign(token, payload => payload[claim] = value);
        try
        {
            using var session = factory.NewSession();
            var back = await SignInAtProviderAsync(session, "malmo", $"resignerad-{Arrange.Unique()}@{Domain}");

            Assert.Equal("/konto/organisationskonto/misslyckades", back.Target());
            Assert.Equal("/konto/logga-in", (await session.GetAsync("/malmo")).Target().Split('?')[0]);
        }
        finally
        {
            factory.TokenChanges.Change = null;
        }
    }

    [Fact]
    public async Task SignIn_ThatTheSameTokenWouldPassAfterResigning_IsAccepted_SoTheRefusalsAboveAreAboutTheirClaim()
    {
        await ConfigureMalmoAsync();
        factory.TokenChanges.Change = token => factory.Provider.Resign(token, _ => { });
        try
        {
            using var session = factory.NewSession();
            var back = await SignInAtProviderAsync(session, "malmo", $"kontroll-{Arrange.Unique()}@{Domain}");

            Assert.Equal("/malmo/logga-in/organisationskonto/klar", back.Target());
        }
        finally
        {
            factory.TokenChanges.Change = null;
        }
    }

    [Fact]
    public async Task SignIn_ReplayingTheProvidersAnswer_IsRefused()
    {
        await ConfigureMalmoAsync();
        var email = $"upprepa-{Arrange.Unique()}@{Domain}";
        using var session = factory.NewSession();
        var start = await session.GetAsync("/malmo/logga-in/organisationskonto");
        var answer = await ApproveAsync(start.Headers.Location!, email);
        Assert.Equal("/malmo/logga-in/organisationskonto/klar", (await session.GetAsync(answer.ToString())).Target());

        // The same answer again, in the same browser and in another one: the state was used up with its correlation cookie.
        Assert.Equal("/konto/organisationskonto/misslyckades", (await session.GetAsync(answer.ToString())).Target());
        using var thief = factory.NewSession();
        Assert.Equal("/konto/organisationskonto/misslyckades", (await thief.GetAsync(answer.ToString())).Target());
        Assert.Equal("/konto/logga-in", (await thief.GetAsync("/malmo")).Target().Split('?')[0]);
    }

    [Fact]
    public async Task SignIn_WithAnAnswerCarriedToAnotherTenantsCallback_IsRefused()
    {
        await ConfigureMalmoAsync();
        await ConfigureLundAsync();
        using var session = factory.NewSession();
        var start = await session.GetAsync("/malmo/logga-in/organisationskonto");
        var answer = await ApproveAsync(start.Headers.Location!, $"flytta-{Arrange.Unique()}@{Domain}");

        var moved = new UriBuilder(answer) { Path = "/lund/logga-in/organisationskonto/svar" }.Uri;
        var response = await session.GetAsync(moved.ToString());

        Assert.Equal("/konto/organisationskonto/misslyckades", response.Target());
        Assert.Equal("/konto/logga-in", (await session.GetAsync("/lund")).Target().Split('?')[0]);
    }

    [Fact]
    public async Task SignIn_AtAnotherTenantsProvider_SignsNobodyIntoThisTenant()
    {
        await ConfigureMalmoAsync();
        await ConfigureLundAsync();

        // A malmö account's address, vouched for by lund's provider: the person gets an access to lund, without
        // organisations, and the session lund's provider began opens lund only, never the account's malmö.
        var email = $"grannen-{Arrange.Unique()}@{Domain}";
        var userId = await factory.AddUserAsync("malmo", email, "Greta Granne", Arrange.Stadskontoret, null);
        var malmoRemiss = await Arrange.DemoRemissIdAsync(factory);
        using var session = factory.NewSession();
        var back = await SignInAtProviderAsync(session, "lund", email);
        Assert.Equal("/konto/organisationskonto/ingen-tillgang", (await session.GetAsync(back.Target())).Target());
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/lund")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync("/malmo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/malmo/remisser/{malmoRemiss}")).StatusCode);
        var (_, lundPage) = await session.GetPageAsync("/lund");
        Assert.Null(lundPage.QuerySelector("header details.tenant-switch"));

        // An access lund's administrator deactivated is not given back by lund's provider.
        await factory.InTenantAsync("lund", async (db, _) =>
        {
            var access = await db.TenantAccesses.SingleAsync(a => a.UserId == userId && a.TenantId == db.CurrentTenantId);
            access.IsActive = false;
            return await db.SaveChangesAsync();
        });
        using var deactivated = factory.NewSession();
        var refusedBack = await SignInAtProviderAsync(deactivated, "lund", email);
        var (refused, _) = await deactivated.GetPageAsync(refusedBack.Target());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // Lund's ticket, from lund's scheme, brought to malmö's return page: refused there too.
        using var other = factory.NewSession();
        var lundBack = await SignInAtProviderAsync(other, "lund", $"lundbo-{Arrange.Unique()}@sso.lund.example");
        Assert.Equal("/lund/logga-in/organisationskonto/klar", lundBack.Target());
        var (misdirected, _) = await other.GetPageAsync("/malmo/logga-in/organisationskonto/klar");
        Assert.Equal(HttpStatusCode.Forbidden, misdirected.StatusCode);
        Assert.Equal("/konto/logga-in", (await other.GetAsync("/malmo")).Target().Split('?')[0]);
    }

    [Fact]
    public async Task CommonSignIn_WithAnAddressOfOneTenantsProviderDomain_GoesToThatProviderWithoutAPassword()
    {
        await ConfigureMalmoAsync();
        using var session = factory.NewSession();
        var (_, page) = await session.GetPageAsync("/konto/logga-in");

        var response = await BrowserForm.Of(page).Set("Input.Email", $"Vera@{Domain}").Set("Input.Password", string.Empty).SubmitAsync(session);
        var onward = await WebSession.ParseAsync(response);

        // The page goes on by itself (a posted form may not end at another site), and offers the link as well.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Html.Summary(onward));
        var link = onward.QuerySelectorAll("main a").Single(a => Html.Text(a) == "Logga in med organisationskonto").GetAttribute("href")!;
        Assert.Equal($"0;url={link}", onward.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
        Assert.Equal("/malmo/logga-in/organisationskonto", link.Split('?')[0]);
        Assert.Equal($"Vera@{Domain}", QueryHelpers.ParseQuery(new Uri(session.BaseAddress, link).Query)["loginHint"].ToString());
        var challenge = await session.GetAsync(link);
        Assert.StartsWith(factory.Provider.Issuer.ToString(), challenge.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal($"Vera@{Domain}", QueryHelpers.ParseQuery(challenge.Headers.Location!.Query)["login_hint"].ToString());
    }

    [Fact]
    public async Task SignInPage_ReachedFromATenantWithAProvider_OffersLoggaInMedOrganisationskonto()
    {
        await ConfigureMalmoAsync();
        using var session = factory.NewSession();

        var (_, fromMalmo) = await session.FollowAsync(await session.GetAsync("/malmo/remisser"));
        var (_, plain) = await session.GetPageAsync("/konto/logga-in");

        var link = fromMalmo.QuerySelectorAll("main a").Single(a => Html.Text(a) == "Logga in med organisationskonto");
        Assert.StartsWith("/malmo/logga-in/organisationskonto?returnUrl=", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain(plain.QuerySelectorAll("main a"), a => Html.Text(a) == "Logga in med organisationskonto");
    }

    [Fact]
    public async Task RequiredOrganisationAccount_AnOpenPasswordSessionOfItsDomains_GetsNoTenantPageAndIsSentToTheProvider()
    {
        const string Legacy = "gammal.malmo.example";
        await ConfigureMalmoAsync();
        var email = $"losen-{Arrange.Unique()}@{Legacy}";
        await factory.AddUserAsync("malmo", email, "Lars Lösen", Arrange.Stadskontoret, null);
        using var session = factory.NewSession();
        var (signedIn, _) = await session.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/malmo/remisser")).StatusCode);

        await ConfigureMalmoAsync($"{Domain}, {Legacy}", required: true);
        try
        {
            var refused = await session.GetAsync("/malmo/remisser");

            Assert.Equal("/malmo/logga-in/organisationskonto", refused.Target().Split('?')[0]);
            var toProvider = await session.GetAsync(refused.Headers.Location!.OriginalString);
            Assert.StartsWith(factory.Provider.Issuer.ToString(), toProvider.Headers.Location!.ToString(), StringComparison.Ordinal);

            // Signing in at the provider gives the person the tenant's pages again.
            var answer = await ApproveAsync(toProvider.Headers.Location!, email);
            var back = await session.GetAsync(answer.ToString());
            Assert.Equal("/malmo/remisser", (await session.GetAsync(back.Target())).Target());
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/malmo/remisser")).StatusCode);
        }
        finally
        {
            await ConfigureMalmoAsync();
        }
    }

    /// <summary>Malmö's provider as its administrator sets it up on Inloggning.</summary>
    private async Task ConfigureMalmoAsync(string domains = Domain, bool required = false)
    {
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        await SaveProviderAsync(admin, "malmo", factory.Provider, ClientId, domains, required);
    }

    private async Task ConfigureLundAsync()
    {
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.LundAdmin);
        await SaveProviderAsync(admin, "lund", factory.OtherProvider, "remiss-lund", "sso.lund.example", required: false);
    }

    internal static async Task SaveProviderAsync(WebSession admin, string slug, OidcProvider provider, string clientId, string domains, bool required)
    {
        var (_, form) = await admin.GetPageAsync($"/{slug}/admin/inloggning");
        var browser = BrowserForm.Of(form)
            .Set("Input.Issuer", provider.Issuer.ToString())
            .Set("Input.ClientId", clientId)
            .Set("Input.ClientSecret", "hemlighet-för-test")
            .Set("Input.EmailDomains", domains);
        if (required)
        {
            browser.Check("Input.RequiredForDomains");
        }
        else
        {
            browser.Remove("Input.RequiredForDomains");
        }

        var response = await browser.SubmitAsync(admin);
        Assert.Equal($"/{slug}/admin/inloggning", response.Target());
    }

    /// <summary>Starts at the tenant's "Logga in med organisationskonto", signs in at the provider, and brings its answer back; returns the app's answer to it.</summary>
    private async Task<HttpResponseMessage> SignInAtProviderAsync(WebSession session, string slug, string email, bool verified = true, string? name = null)
    {
        var start = await session.GetAsync($"/{slug}/logga-in/organisationskonto");
        Assert.Equal(HttpStatusCode.Found, start.StatusCode);
        var answer = await ApproveAsync(start.Headers.Location!, email, verified, name);
        var back = await session.GetAsync(answer.ToString());
        Assert.True(back.StatusCode == HttpStatusCode.Found, $"The app answered the provider with {(int)back.StatusCode}: {Html.Text((await WebSession.ParseAsync(back)).QuerySelector("main"))}");
        return back;
    }

    /// <summary>The person signs in on the provider's page; returns where the provider sends the browser back to.</summary>
    internal static async Task<Uri> ApproveAsync(Uri authorize, string email, bool verified = true, string? name = null)
    {
        using var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == TestCertificate.Value.Thumbprint,
        };
        using var provider = new HttpClient(handler);
        var fields = QueryHelpers.ParseQuery(authorize.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        fields["email"] = email;
        fields["name"] = name ?? string.Empty;
        fields["approve"] = "yes";
        if (verified)
        {
            fields["verified"] = "true";
        }

        var response = await provider.PostAsync(authorize.GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return response.Headers.Location!;
    }

    private Task<Guid> TenantIdAsync(string slug) => factory.InTenantAsync(slug, (db, _) => Task.FromResult(db.CurrentTenantId!.Value));

    private Task<List<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>> LoginsAsync(Guid userId) =>
        factory.InTenantAsync("malmo", (db, _) => db.UserLogins.AsNoTracking().Where(l => l.UserId == userId).ToListAsync());

    private Task<int> RequireAsync(TwoFactorRequirement requirement) =>
        factory.InTenantAsync("malmo", async (db, _) =>
        {
            (await db.Tenants.SingleAsync(t => t.Id == db.CurrentTenantId)).SetTwoFactorRequirement(requirement);
            return await db.SaveChangesAsync();
        });
}
