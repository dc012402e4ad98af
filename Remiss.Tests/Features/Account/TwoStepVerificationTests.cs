namespace Remiss.Tests.Features.Account;

using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Audit;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Administration;
using Remiss.Infrastructure.Identity;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// Tvåstegsverifiering under Mitt konto, through real HTTP and real SQLite: turning it on with an authenticator app's
/// code, the second step at sign-in (the app's code or a recovery code, once), turning it off with a code, the audit
/// trail, and a tenant's requirement that sends people to Mitt konto first. Each test has a fresh account of its own.
/// </summary>
public sealed class TwoStepVerificationTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    private const string MyAccount = "/konto/mitt-konto";

    [Fact]
    public async Task MyAccount_WhenSignedOut_LeadsToSignIn()
    {
        using var session = factory.NewSession();

        using var response = await session.GetAsync(MyAccount);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/konto/logga-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHeader_LinksToMittKonto_WhichShowsTheKeyAsTextAndAsAQrCode()
    {
        var (email, _) = await NewUserAsync();
        using var session = factory.NewSession();
        var (_, start) = await session.SignInAsync(email);

        var link = start.QuerySelectorAll("header a").Single(a => Html.Text(a) == "Mitt konto");
        var (response, page) = await session.GetPageAsync(link.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Mitt konto", Html.Text(page.QuerySelector("main h1")));
        Assert.Contains(page.QuerySelectorAll("main h2"), h => Html.Text(h) == "Tvåstegsverifiering");
        Assert.Contains(page.QuerySelectorAll("main h3"), h => Html.Text(h) == "Nyckel");
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", KeyOn(page));
        var qr = page.QuerySelector("main img.qr-code")!;
        Assert.StartsWith("data:image/png;base64,", qr.GetAttribute("src"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(qr.GetAttribute("alt")));
        Assert.Equal("Code", page.GetElementById(Html.ControlIdLabelled(page, "Kod"))!.GetAttribute("name"));
        Assert.Contains("Verifiera", Html.ButtonTexts(page.QuerySelector("main form[action*='handler=Enable']")!));
    }

    [Fact]
    public async Task TurnOn_WithAWrongCode_IsRefusedNextToTheField_AndKeepsTheSameKey()
    {
        var (email, userId) = await NewUserAsync();
        using var session = factory.NewSession();
        await session.SignInAsync(email);
        var (_, page) = await session.GetPageAsync(MyAccount);
        var key = KeyOn(page);

        using var response = await session.SubmitAsync(page, new Dictionary<string, string> { ["Code"] = Authenticator.WrongCode(key) }, "main form[action*='handler=Enable']");
        var refused = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Koden stämmer inte. Skriv de sex siffrorna som appen visar just nu.", Html.FieldError(refused, "Code"));
        Assert.Equal(key, KeyOn(refused));
        Assert.False(await TwoFactorEnabledAsync(userId));
        Assert.Empty(await AuditAsync(userId, AuditAction.TwoFactorEnabled));
    }

    [Fact]
    public async Task TurnOn_WithTheRightCode_ShowsTenRecoveryCodesOnce_AndIsInTheAuditTrail()
    {
        var (email, userId) = await NewUserAsync();
        using var session = factory.NewSession();
        await session.SignInAsync(email);

        var codes = await TurnOnAsync(session, email);

        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.True(await TwoFactorEnabledAsync(userId));
        Assert.Single(await AuditAsync(userId, AuditAction.TwoFactorEnabled));

        // The session goes on (turning it on renewed the stamp and the cookie with it), and the codes are not shown again.
        var (response, again) = await session.GetPageAsync(MyAccount);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(again.QuerySelectorAll("main .recovery-codes li"));
        Assert.Null(again.QuerySelector("main .authenticator-key"));
    }

    [Fact]
    public async Task TurningItOn_KeepsTheSessionsStart_SoTheAbsoluteLifetimeIsNotStretched()
    {
        var (email, _) = await NewUserAsync();
        var start = factory.Clock.GetUtcNow();
        using var session = factory.NewSession();
        await session.SignInAsync(email);
        try
        {
            factory.Clock.Advance(TimeSpan.FromHours(7));
            await TurnOnAsync(session, email);
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/malmo/remisser")).StatusCode);
            factory.Clock.Advance(TimeSpan.FromHours(5.5));

            using var response = await session.GetAsync("/malmo/remisser");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        finally
        {
            factory.Clock.Set(start);
        }
    }

    [Fact]
    public async Task SignIn_WithTwoStepOn_AsksForKod_RefusesAWrongCode_AndAcceptsTheRightOne()
    {
        var (email, userId) = await NewUserAsync();
        await TurnOnForAsync(email);
        var key = Authenticator.KeyOf(email)!;
        using var session = factory.NewSession();

        var (signInPage, _) = await PasswordStepAsync(session, email);
        var codePage = signInPage;
        Assert.Equal("Input.Code", codePage.GetElementById(Html.ControlIdLabelled(codePage, "Kod"))!.GetAttribute("name"));
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/malmo/remisser")).StatusCode);

        using var wrong = await session.SubmitAsync(codePage, new Dictionary<string, string> { ["Input.Code"] = Authenticator.WrongCode(key) });
        var refused = await WebSession.ParseAsync(wrong);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal("Koden stämmer inte. Skriv koden från appen eller en oanvänd återställningskod.", Html.FieldError(refused, "Input_Code"));

        using var right = await session.SubmitAsync(refused, new Dictionary<string, string> { ["Input.Code"] = Authenticator.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/malmo/remisser")).StatusCode);

        var entries = await AuditAsync(userId, AuditAction.SignInFailed);
        Assert.Contains(entries, e => e.Contains("Fel kod", StringComparison.Ordinal));
        Assert.Contains(await AuditAsync(userId, AuditAction.SignedIn), e => e.Contains("tvåstegsverifiering", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_KeepsTheReturnUrl_ThroughTheSecondStep()
    {
        var (email, _) = await NewUserAsync();
        await TurnOnForAsync(email);
        using var session = factory.NewSession();
        var (_, signIn) = await session.GetPageAsync("/konto/logga-in?ReturnUrl=%2Fmalmo%2Fremisser");

        using var password = await session.SubmitAsync(signIn, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = WebSession.DemoPassword });
        var (_, codePage) = await session.FollowAsync(password);
        using var code = await session.SubmitAsync(codePage, new Dictionary<string, string> { ["Input.Code"] = Authenticator.Code(Authenticator.KeyOf(email)!) });

        Assert.Equal("/malmo/remisser", code.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithARecoveryCode_WorksOnce()
    {
        var (email, _) = await NewUserAsync();
        var codes = await TurnOnForAsync(email);

        using (var first = factory.NewSession())
        {
            var (codePage, _) = await PasswordStepAsync(first, email);
            using var used = await first.SubmitAsync(codePage, new Dictionary<string, string> { ["Input.Code"] = codes[0] });
            Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/malmo/remisser")).StatusCode);
        }

        using var second = factory.NewSession();
        var (again, _) = await PasswordStepAsync(second, email);
        using var reused = await second.SubmitAsync(again, new Dictionary<string, string> { ["Input.Code"] = codes[0] });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.NotEqual(string.Empty, Html.FieldError(await WebSession.ParseAsync(reused), "Input_Code"));
    }

    [Fact]
    public async Task TheSecondStep_WithoutThePasswordStep_LeadsToSignIn()
    {
        using var session = factory.NewSession();

        using var response = await session.GetAsync("/konto/logga-in/kod");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto/logga-in", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task WrongCodes_CountInTheSignInThrottle_SoTheRightCodeIsThenRefusedToo()
    {
        var (email, _) = await NewUserAsync();
        await TurnOnForAsync(email);
        var key = Authenticator.KeyOf(email)!;
        using var session = factory.NewSession();
        var (page, _) = await PasswordStepAsync(session, email);

        for (var i = 0; i < SignInThrottle.FailuresPerAddress; i++)
        {
            using var wrong = await session.SubmitAsync(page, new Dictionary<string, string> { ["Input.Code"] = Authenticator.WrongCode(key) });
            page = await WebSession.ParseAsync(wrong);
        }

        using var right = await session.SubmitAsync(page, new Dictionary<string, string> { ["Input.Code"] = Authenticator.Code(key) });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("För många misslyckade försök. Vänta en stund och försök igen.", Html.FieldError(await WebSession.ParseAsync(right), "Input_Code"));
    }

    [Fact]
    public async Task TurnOff_NeedsACode_AndIsInTheAuditTrail()
    {
        var (email, userId) = await NewUserAsync();
        using var session = factory.NewSession();
        await session.SignInAsync(email);
        await TurnOnAsync(session, email);
        var key = Authenticator.KeyOf(email)!;
        var (_, page) = await session.GetPageAsync(MyAccount);

        using var without = await session.SubmitAsync(page, new Dictionary<string, string> { ["DisableCode"] = Authenticator.WrongCode(key) }, "main form[action*='handler=Disable']");
        var refused = await WebSession.ParseAsync(without);
        Assert.Equal(HttpStatusCode.OK, without.StatusCode);
        Assert.Equal("Koden stämmer inte. Skriv koden från appen eller en oanvänd återställningskod.", Html.FieldError(refused, "DisableCode"));
        Assert.True(await TwoFactorEnabledAsync(userId));

        using var off = await session.SubmitAsync(refused, new Dictionary<string, string> { ["DisableCode"] = Authenticator.Code(key) }, "main form[action*='handler=Disable']");
        var (_, after) = await session.FollowAsync(off);
        Assert.Equal("Tvåstegsverifiering är avstängd.", Html.Status(after));
        Assert.False(await TwoFactorEnabledAsync(userId));
        Assert.Single(await AuditAsync(userId, AuditAction.TwoFactorDisabled));

        // A new key to scan, and sign-in asks for the password only again.
        Assert.NotEqual(key, KeyOn(after).Replace(" ", string.Empty, StringComparison.Ordinal));
        Authenticator.Forget(email);
        using var next = factory.NewSession();
        var (landed, _) = await next.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/malmo/remisser")).StatusCode);
    }

    [Fact]
    public async Task NewRecoveryCodes_NeedACode_AndReplaceTheOldOnes()
    {
        var (email, userId) = await NewUserAsync();
        using var session = factory.NewSession();
        await session.SignInAsync(email);
        var old = await TurnOnAsync(session, email);
        var key = Authenticator.KeyOf(email)!;
        var (_, page) = await session.GetPageAsync(MyAccount);

        using var wrong = await session.SubmitAsync(page, new Dictionary<string, string> { ["RenewCode"] = Authenticator.WrongCode(key) }, "main form[action*='handler=Renew']");
        var refused = await WebSession.ParseAsync(wrong);
        Assert.NotEqual(string.Empty, Html.FieldError(refused, "RenewCode"));
        Assert.Empty(refused.QuerySelectorAll("main .recovery-codes li"));

        using var renewed = await session.SubmitAsync(refused, new Dictionary<string, string> { ["RenewCode"] = Authenticator.Code(key) }, "main form[action*='handler=Renew']");
        var fresh = (await WebSession.ParseAsync(renewed)).QuerySelectorAll("main .recovery-codes li").Select(Html.Text).ToList();
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(old));
        Assert.Single(await AuditAsync(userId, AuditAction.RecoveryCodesRenewed));

        using var other = factory.NewSession();
        var (codePage, _) = await PasswordStepAsync(other, email);
        using var oldCode = await other.SubmitAsync(codePage, new Dictionary<string, string> { ["Input.Code"] = old[0] });
        Assert.Equal(HttpStatusCode.OK, oldCode.StatusCode);
    }

    [Fact]
    public async Task ATenantThatRequiresItForAdministrators_SendsAnAdminWithoutIt_ToMittKonto_UntilItIsOn()
    {
        var (adminEmail, _) = await NewUserAsync(Roles.TenantAdmin, tenant: "lund");
        var (memberEmail, _) = await NewUserAsync(tenant: "lund");
        await SetRequirementAsync("lund", TwoFactorRequirement.Administrators);
        try
        {
            using var admin = factory.NewSession();
            var (landed, page) = await admin.SignInAsync(adminEmail);
            Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
            Assert.Equal("Mitt konto", Html.Text(page.QuerySelector("main h1")));
            using (var elsewhere = await admin.GetAsync("/lund/admin"))
            {
                Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
                Assert.Equal(MyAccount, elsewhere.Headers.Location!.OriginalString);
            }

            // Required, so it cannot be turned off again.
            await TurnOnAsync(admin, adminEmail);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/lund/admin")).StatusCode);
            var (_, account) = await admin.GetPageAsync(MyAccount);
            Assert.Null(account.QuerySelector("main input[name='DisableCode']"));

            using var member = factory.NewSession();
            await member.SignInAsync(memberEmail);
            Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/lund/remisser")).StatusCode);
        }
        finally
        {
            await SetRequirementAsync("lund", TwoFactorRequirement.Nobody);
        }
    }

    [Fact]
    public async Task TheOperator_OutsideDevelopment_IsAskedForTheCode()
    {
        using var session = factory.NewSession();

        var (codePage, response) = await PasswordStepAsync(session, "operator@remiss.example");

        Assert.True(WebSession.IsSecondStep(response));
        Assert.NotNull(codePage.GetElementById("Input_Code"));
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/plattform")).StatusCode);
    }

    [Fact]
    public async Task TheSettingsPage_SavesTheRequirement_AndLogsIt()
    {
        using var admin = await Admin.AdminKit.SignedInAsync(factory, Admin.AdminKit.MalmoAdmin);
        var (_, page) = await admin.GetPageAsync("/malmo/admin/installningar");
        Assert.Equal("Kräv tvåstegsverifiering", Html.Text(page.GetElementById("Input_TwoFactor_Nobody")!.Closest("fieldset")!.QuerySelector("legend")));
        var fields = new Dictionary<string, string> { ["Input.TwoFactor"] = "Everyone" };
        foreach (var input in page.QuerySelectorAll("main form input").OfType<IHtmlInputElement>().Where(i => i.Type is "text" or "number" || (i.Type == "checkbox" && i.IsChecked)))
        {
            fields[input.Name!] = input.Value;
        }

        try
        {
            using var saved = await admin.SubmitAsync(page, fields);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal(TwoFactorRequirement.Everyone, await factory.InTenantAsync("malmo", (db, _) => db.Tenants.Where(t => t.Id == db.CurrentTenantId).Select(t => t.TwoFactorRequirement).SingleAsync()));
            Assert.Contains(
                await factory.InTenantAsync("malmo", (db, _) => db.AuditEntries.Where(e => e.Action == AuditAction.SettingsChanged).Select(e => e.Summary).ToListAsync()),
                s => s.Contains("tvåstegsverifiering krävs för ingen → alla", StringComparison.Ordinal));
        }
        finally
        {
            await SetRequirementAsync("malmo", TwoFactorRequirement.Nobody);
        }
    }

    // ---- Helpers ----------------------------------------------------------------------------------------

    private async Task<(string Email, Guid Id)> NewUserAsync(string? role = null, string tenant = "malmo")
    {
        var email = $"tvasteg.{Arrange.Unique().ToLowerInvariant()}@{tenant}.example";
        var organisation = tenant == "malmo" ? Arrange.Stadskontoret : role is null ? "Kommunledningskontoret" : null;
        var id = await factory.AddUserAsync(tenant, email, "Tove Tvåsteg", organisation, role);
        return (email, id);
    }

    private static string KeyOn(IHtmlDocument page) => Html.Text(page.QuerySelector("main .authenticator-key"));

    /// <summary>Turns it on through Mitt konto in a signed-in session, as the person would with the app; returns the recovery codes.</summary>
    private static async Task<IReadOnlyList<string>> TurnOnAsync(WebSession session, string email)
    {
        var (_, page) = await session.GetPageAsync(MyAccount);
        var key = KeyOn(page).Replace(" ", string.Empty, StringComparison.Ordinal);
        using var response = await session.SubmitAsync(page, new Dictionary<string, string> { ["Code"] = Authenticator.Code(key) }, "main form[action*='handler=Enable']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = await WebSession.ParseAsync(response);
        Assert.Equal("Tvåstegsverifiering är påslagen.", Html.Status(done));
        Authenticator.Remember(email, key);
        return [.. done.QuerySelectorAll("main .recovery-codes li").Select(Html.Text)];
    }

    private async Task<IReadOnlyList<string>> TurnOnForAsync(string email)
    {
        using var session = factory.NewSession();
        await session.SignInAsync(email);
        return await TurnOnAsync(session, email);
    }

    /// <summary>The password step alone: returns the page that asks for the code.</summary>
    private static async Task<(IHtmlDocument CodePage, HttpResponseMessage PasswordResponse)> PasswordStepAsync(WebSession session, string email)
    {
        var (_, signIn) = await session.GetPageAsync("/konto/logga-in");
        var response = await session.SubmitAsync(signIn, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = WebSession.DemoPassword });
        Assert.True(WebSession.IsSecondStep(response), $"{email}: {(int)response.StatusCode} {response.Headers.Location}");
        var (_, codePage) = await session.FollowAsync(response);
        return (codePage, response);
    }

    private Task<bool> TwoFactorEnabledAsync(Guid userId) =>
        factory.InTenantAsync("malmo", (db, _) => db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync());

    private Task<List<string>> AuditAsync(Guid userId, AuditAction action) =>
        factory.InTenantAsync("malmo", (db, _) => db.AuditEntries.Where(e => e.SubjectId == userId && e.Action == action).Select(e => e.Summary).ToListAsync());

    private Task<int> SetRequirementAsync(string slug, TwoFactorRequirement requirement) =>
        factory.InTenantAsync(slug, async (db, _) =>
        {
            var tenant = await db.Tenants.SingleAsync(t => t.Id == db.CurrentTenantId);
            tenant.SetTwoFactorRequirement(requirement);
            return await db.SaveChangesAsync();
        });
}
