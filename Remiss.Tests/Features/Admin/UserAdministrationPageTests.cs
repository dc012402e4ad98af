namespace Remiss.Tests.Features.Admin;

using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Audit;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Identity;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>Users at /{tenant}/admin/anvandare: invite, assign to organisations, make admin, deactivate; and the links that come by e-mail.</summary>
public sealed class UserAdministrationPageTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    private const string Users = "/malmo/admin/anvandare";
    private const string NewPassword = "Nytt-lösen-2026!";

    [Fact]
    public async Task Admin_SeesTheTenantsUsersWithOrganisationsAndRoles()
    {
        using var session = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);

        var (response, page) = await session.GetPageAsync(Users);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("main tbody tr").Select(r => r.QuerySelectorAll("td").Select(Html.Text).ToList()).ToList();
        Assert.Contains(rows, r => r[1] == Arrange.AsnUser && r[2] == Arrange.Asn && r[4] == "Aktiv");
        Assert.Contains(rows, r => r[1] == AdminKit.MalmoAdmin && r[3] == "Administratör");
        Assert.DoesNotContain(rows, r => r[1] == Arrange.LundUser);
    }

    [Fact]
    public async Task Invite_CreatesTheAccountQueuesTheInvitationAndTheLinkSetsAPasswordOnce()
    {
        var email = $"ny.{Arrange.Unique().ToLowerInvariant()}@malmo.example";
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);

        var response = await InviteAsync(admin, email, "Nora Ny", Arrange.Asn);

        Assert.Equal(Users, response.Target());
        Assert.Equal($"Inbjudan skickad till {email}.", Html.Status((await admin.FollowAsync(response)).Page));
        var mail = Assert.Single(await AdminKit.MailToAsync(factory, email));
        Assert.Equal(EmailReason.AccountInvitation, mail.Reason);
        Assert.Contains("Välj lösenord", mail.TextBody, StringComparison.Ordinal);
        Assert.Single(await AdminKit.AuditAsync(factory, AuditAction.UserInvited), e => e.Summary.Contains(email, StringComparison.Ordinal));

        using var invitee = factory.NewSession();
        var link = LinkIn(mail);
        var (_, form) = await invitee.GetPageAsync(link);
        Assert.Equal("Nytt lösenord", Html.LabelOf(form, "Input_Password"));
        var set = await BrowserForm.Of(form).Set("Input.Password", NewPassword).Set("Input.ConfirmPassword", NewPassword).SubmitAsync(invitee);
        Assert.Equal("/konto/logga-in", set.Target());

        var (landed, _) = await invitee.SignInAsync(email, NewPassword);
        Assert.Equal("/malmo", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Single(await AdminKit.AuditAsync(factory, AuditAction.PasswordSet), e => e.ActorName == email);

        using var again = factory.NewSession();
        var (_, used) = await again.GetPageAsync(link);
        Assert.Contains("Länken är ogiltig, har redan använts eller har gått ut.", Html.Text(used.QuerySelector("main")), StringComparison.Ordinal);
        Assert.Null(used.QuerySelector("main form[method=post]"));
        var forged = await again.PostFormAsync(link, new Dictionary<string, string> { ["Input.Password"] = "Kapat-lösen-2026!", ["Input.ConfirmPassword"] = "Kapat-lösen-2026!" });
        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.SignInAsync(email, NewPassword)).Response.StatusCode);
    }

    [Fact]
    public async Task InvitationLink_AfterSevenDays_HasExpired()
    {
        var email = $"sen.{Arrange.Unique().ToLowerInvariant()}@malmo.example";
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        await InviteAsync(admin, email, "Sam Sen");
        var link = LinkIn(Assert.Single(await AdminKit.MailToAsync(factory, email)));
        var start = factory.Clock.GetUtcNow();
        try
        {
            using var invitee = factory.NewSession();
            factory.Clock.Advance(TimeSpan.FromDays(6));
            var (_, stillValid) = await invitee.GetPageAsync(link);
            Assert.NotNull(stillValid.QuerySelector("main form[method=post]"));

            factory.Clock.Advance(TimeSpan.FromDays(1.5));
            var (_, expired) = await invitee.GetPageAsync(link);
            Assert.Null(expired.QuerySelector("main form[method=post]"));
            Assert.Contains("har gått ut", Html.Text(expired.QuerySelector("main")), StringComparison.Ordinal);
        }
        finally
        {
            factory.Clock.Set(start);
        }
    }

    [Fact]
    public async Task SetPassword_WithATooWeakPassword_IsRefusedInSwedishByTheFieldAndTheLinkStillWorks()
    {
        var email = $"svag.{Arrange.Unique().ToLowerInvariant()}@malmo.example";
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        await InviteAsync(admin, email, "Siv Svag");
        var link = LinkIn(Assert.Single(await AdminKit.MailToAsync(factory, email)));
        using var invitee = factory.NewSession();
        var (_, form) = await invitee.GetPageAsync(link);

        var weak = await BrowserForm.Of(form).Set("Input.Password", "kort").Set("Input.ConfirmPassword", "kort").SubmitAsync(invitee);
        var page = await WebSession.ParseAsync(weak);

        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("Lösenordet måste vara minst 12 tecken.", Html.FieldError(page, "Input_Password"), StringComparison.Ordinal);
        var mismatch = await BrowserForm.Of(page).Set("Input.Password", NewPassword).Set("Input.ConfirmPassword", "Annat-lösen-2026!").SubmitAsync(invitee);
        Assert.Equal("Lösenorden är inte lika.", Html.FieldError(await WebSession.ParseAsync(mismatch), "Input_ConfirmPassword"));
        var good = await BrowserForm.Of(page).Set("Input.Password", NewPassword).Set("Input.ConfirmPassword", NewPassword).SubmitAsync(invitee);
        Assert.Equal("/konto/logga-in", good.Target());
    }

    [Fact]
    public async Task Invite_WithoutAddressOrWithTheAddressOfAUserOfTheTenant_IsRefusedByTheFieldAndKeepsTheInput()
    {
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var (_, form) = await admin.GetPageAsync($"{Users}/bjud-in");

        var blank = await BrowserForm.Of(form).Set("Input.Email", "").Set("Input.DisplayName", "Berit Blank").SubmitAsync(admin);
        var page = await WebSession.ParseAsync(blank);
        Assert.Equal("Ange e-postadressen.", Html.FieldError(page, "Input_Email"));
        Assert.Equal("Berit Blank", page.GetElementById("Input_DisplayName")!.GetAttribute("value"));

        // A user of this tenant, whom the admin sees in the list anyway. (An account of another tenant gets an access here.)
        var taken = await BrowserForm.Of(page).Set("Input.Email", Arrange.AsnUser).SubmitAsync(admin);
        var refused = await WebSession.ParseAsync(taken);
        Assert.Equal($"{Arrange.AsnUser} är redan användare här.", Html.FieldError(refused, "Input_Email"));
        Assert.Contains(Html.Summary(refused), s => s.EndsWith("är redan användare här.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Edit_AssignsOrganisationsAndTheAdminRole_AndRecordsBoth()
    {
        var email = $"roll.{Arrange.Unique().ToLowerInvariant()}@malmo.example";
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        await InviteAsync(admin, email, "Rolf Roll", Arrange.Asn);
        var userId = await UserIdAsync(email);
        var organisations = await Arrange.OrganisationIdsAsync(factory);
        var (_, form) = await admin.GetPageAsync($"{Users}/{userId}");

        var response = await BrowserForm.Of(form)
            .Remove("Input.OrganisationIds", organisations[Arrange.Asn].ToString())
            .Check("Input.OrganisationIds", organisations[Arrange.Mkb].ToString())
            .Check("Input.OrganisationIds", organisations[Arrange.Tekniska].ToString())
            .Check("Input.IsAdmin")
            .SubmitAsync(admin, "Spara ändringar");

        Assert.Equal(Users, response.Target());
        var memberships = await factory.InTenantAsync("malmo", (db, _) => db.Memberships.Where(m => m.UserId == userId).Select(m => m.OrganisationId).ToListAsync());
        Assert.Equal(new[] { organisations[Arrange.Mkb], organisations[Arrange.Tekniska] }.Order(), memberships.Order());
        Assert.True(await IsAdminAsync(userId));
        var changed = Assert.Single(await AdminKit.AuditAsync(factory, AuditAction.MembershipsChanged), e => e.SubjectId == userId);
        Assert.Contains("borttagen ur Arbetsmarknads- och socialnämnden", changed.Summary, StringComparison.Ordinal);
        Assert.Single(await AdminKit.AuditAsync(factory, AuditAction.AdminRoleChanged), e => e.SubjectId == userId);
    }

    [Fact]
    public async Task Edit_RemovingOnesOwnAdminRole_IsRefusedAndNothingChanges()
    {
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var adminId = await UserIdAsync(AdminKit.MalmoAdmin);
        var (_, form) = await admin.GetPageAsync($"{Users}/{adminId}");

        var response = await BrowserForm.Of(form).Remove("Input.IsAdmin").Set("Input.DisplayName", "Annat namn").SubmitAsync(admin, "Spara ändringar");
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Du kan inte ta bort din egen administratörsroll.", Html.Summary(page));
        Assert.Equal("Annat namn", page.GetElementById("Input_DisplayName")!.GetAttribute("value"));
        Assert.True(await IsAdminAsync(adminId));
        Assert.NotEqual("Annat namn", await factory.InTenantAsync("malmo", (db, _) => db.Users.Where(u => u.Id == adminId).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task Deactivate_StopsTheUserSigningIn_AndReactivateLetsThemBackIn()
    {
        var email = $"inaktiv.{Arrange.Unique().ToLowerInvariant()}@malmo.example";
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        await InviteAsync(admin, email, "Ina Aktiv", Arrange.Grundskola);
        await ChoosePasswordAsync(email);
        var userId = await UserIdAsync(email);
        var (_, page) = await admin.GetPageAsync($"{Users}/{userId}");

        var deactivated = await BrowserForm.Of(page, "form[action$='handler=Deactivate']").SubmitAsync(admin);
        var (_, after) = await admin.FollowAsync(deactivated);

        Assert.Equal("Ina Aktiv är inaktiverad och kan inte logga in.", Html.Status(after));
        using (var user = factory.NewSession())
        {
            var (refused, signIn) = await user.SignInAsync(email, NewPassword);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Fel e-postadress eller lösenord.", Html.Summary(signIn));
        }

        Assert.Single(await AdminKit.AuditAsync(factory, AuditAction.UserDeactivated), e => e.SubjectId == userId);
        Assert.Contains(await AdminKit.AuditAsync(factory, AuditAction.SignInFailed), e => e.ActorId == userId && e.Summary.Contains("inaktiverat", StringComparison.Ordinal));

        var reactivated = await BrowserForm.Of(after, "form[action$='handler=Reactivate']").SubmitAsync(admin);
        Assert.Equal($"{Users}/{userId}", reactivated.Target());
        using var back = factory.NewSession();
        Assert.Equal("/malmo", (await back.SignInAsync(email, NewPassword)).Response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Deactivate_OnesOwnAccount_IsRefused()
    {
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var adminId = await UserIdAsync(AdminKit.MalmoAdmin);
        var (_, page) = await admin.GetPageAsync($"{Users}/{adminId}");

        var response = await BrowserForm.Of(page, "form[action$='handler=Deactivate']").SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Du kan inte inaktivera ditt eget konto.", Html.Summary(await WebSession.ParseAsync(response)));
        Assert.True(await factory.InTenantAsync("malmo", (db, _) => db.TenantAccesses.Where(a => a.UserId == adminId && a.TenantId == db.CurrentTenantId).Select(a => a.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task Deactivate_UserOfAnotherTenant_IsRefused()
    {
        var malmoUser = await UserIdAsync(Arrange.AsnUser);
        using var lund = await AdminKit.SignedInAsync(factory, AdminKit.LundAdmin);

        var underLund = await AdminKit.ForgeAsync(lund, "/lund/admin", $"/lund/admin/anvandare/{malmoUser}?handler=Deactivate", []);
        var underMalmo = await AdminKit.ForgeAsync(lund, "/lund/admin", $"{Users}/{malmoUser}?handler=Deactivate", []);

        Assert.Equal(HttpStatusCode.NotFound, underLund.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, underMalmo.StatusCode);
        Assert.True(await factory.InTenantAsync("malmo", (db, _) => db.TenantAccesses.Where(a => a.UserId == malmoUser && a.TenantId == db.CurrentTenantId).Select(a => a.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task Edit_UserOfAnotherTenant_IsRefused()
    {
        var malmoUser = await UserIdAsync(Arrange.AsnUser);
        using var lund = await AdminKit.SignedInAsync(factory, AdminKit.LundAdmin);

        await AdminKit.AssertRefusedAsync(lund, $"/lund/admin/anvandare/{malmoUser}");
        await AdminKit.AssertRefusedAsync(lund, Users);
        var forged = await AdminKit.ForgeAsync(lund, "/lund/admin", $"/lund/admin/anvandare/{malmoUser}", new() { ["Input.DisplayName"] = "Kapad", ["Input.IsAdmin"] = "true" });

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.False(await IsAdminAsync(malmoUser));
        var (_, list) = await lund.GetPageAsync("/lund/admin/anvandare");
        Assert.DoesNotContain(Arrange.AsnUser, Html.Text(list.QuerySelector("main")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_IntoAnOrganisationOfAnotherTenant_IsRefusedAndNoAccountIsMade()
    {
        var malmoOrganisation = await Arrange.OrganisationIdAsync(factory, Arrange.Asn);
        var email = $"smyg.{Arrange.Unique().ToLowerInvariant()}@lund.example";
        using var lund = await AdminKit.SignedInAsync(factory, AdminKit.LundAdmin);

        var response = await AdminKit.ForgeAsync(lund, "/lund/admin", "/lund/admin/anvandare/bjud-in", new()
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "Smyg", ["Input.OrganisationIds"] = malmoOrganisation.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("En vald organisation finns inte.", Html.FieldError(await WebSession.ParseAsync(response), "Input_OrganisationIds"));
        Assert.False(await factory.InTenantAsync("lund", (db, _) => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task InviteByLundsAdmin_MakesALundAccountAndLundsLogEntry()
    {
        var email = $"lund.{Arrange.Unique().ToLowerInvariant()}@lund.example";
        using var lund = await AdminKit.SignedInAsync(factory, AdminKit.LundAdmin);

        var response = await InviteAsync(lund, email, "Lars Lund", null, "/lund/admin/anvandare");

        Assert.Equal("/lund/admin/anvandare", response.Target());
        var lundId = await factory.InTenantAsync("lund", (db, _) => Task.FromResult(db.CurrentTenantId));
        Assert.Equal([lundId!.Value], await factory.InTenantAsync("lund", (db, _) => db.TenantAccesses.Where(a => db.Users.Any(u => u.Id == a.UserId && u.Email == email)).Select(a => a.TenantId).ToListAsync()));
        Assert.Single(await AdminKit.AuditAsync(factory, AuditAction.UserInvited, "lund"), e => e.Summary.Contains(email, StringComparison.Ordinal));
        Assert.DoesNotContain(await AdminKit.AuditAsync(factory, AuditAction.UserInvited), e => e.Summary.Contains(email, StringComparison.Ordinal));
    }

    // ---- Forgotten password -------------------------------------------------------------------------------

    [Fact]
    public async Task ForgottenPassword_SaysTheSameForAnyAddress_AndMailsALinkOnlyToAnAccount()
    {
        var email = $"glomsk.{Arrange.Unique().ToLowerInvariant()}@malmo.example";
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        await InviteAsync(admin, email, "Gun Glömsk");
        await ChoosePasswordAsync(email);
        using var anonymous = factory.NewSession();

        var (_, signIn) = await anonymous.GetPageAsync("/konto/logga-in");
        Assert.Equal("/konto/glomt-losenord", signIn.QuerySelectorAll("main a").Single(a => Html.Text(a) == "Glömt lösenordet?").GetAttribute("href"));
        var known = await AskForResetAsync(anonymous, email);
        var unknown = await AskForResetAsync(anonymous, $"finns.inte.{Arrange.Unique().ToLowerInvariant()}@malmo.example");

        Assert.Equal(Html.Text(known.QuerySelector("main")), Html.Text(unknown.QuerySelector("main")));

        // Nor does the rest of the page: before, a known address put its tenant's name in the title and the header.
        Assert.Equal(known.Title, unknown.Title);
        Assert.Equal(Html.Text(known.QuerySelector("header")), Html.Text(unknown.QuerySelector("header")));
        Assert.DoesNotContain("Malmö stad", known.Title ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("Malmö stad", Html.Text(known.QuerySelector("header")), StringComparison.Ordinal);
        var reset = Assert.Single(await AdminKit.MailToAsync(factory, email), m => m.Reason == EmailReason.PasswordReset);
        var (_, form) = await anonymous.GetPageAsync(LinkIn(reset));
        var set = await BrowserForm.Of(form).Set("Input.Password", "Aterstallt-2026!").Set("Input.ConfirmPassword", "Aterstallt-2026!").SubmitAsync(anonymous);
        Assert.True(set.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", Html.Summary(await WebSession.ParseAsync(set))));
        Assert.Equal("/konto/logga-in", set.Target());
        using var user = factory.NewSession();
        Assert.Equal("/malmo", (await user.SignInAsync(email, "Aterstallt-2026!")).Response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task ForgottenPassword_AnswersNoSoonerThanItsFloor_ForAnAccountAndForNone()
    {
        using var anonymous = factory.NewSession();
        foreach (var address in new[] { Arrange.AsnUser, $"finns.inte.{Arrange.Unique().ToLowerInvariant()}@malmo.example" })
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await AskForResetAsync(anonymous, address);
            Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) >= EqualTiming.ResetFloor, address);
        }
    }

    [Fact]
    public async Task ForgottenPassword_WithoutAnAddress_AsksForOneByTheField()
    {
        using var anonymous = factory.NewSession();
        var (_, form) = await anonymous.GetPageAsync("/konto/glomt-losenord");

        var response = await BrowserForm.Of(form).Set("Input.Email", "").SubmitAsync(anonymous);

        Assert.Equal("Ange din e-postadress.", Html.FieldError(await WebSession.ParseAsync(response), "Input_Email"));
    }

    [Fact]
    public async Task SignIn_AndAFailedSignIn_AreRecordedInTheTenantsLog()
    {
        var userId = await UserIdAsync(Arrange.Mkb == "MKB" ? "mkb@malmo.example" : Arrange.Owner);
        using var wrong = factory.NewSession();
        await wrong.SignInAsync("mkb@malmo.example", "Fel-lösenord-123!");
        using var right = factory.NewSession();
        await right.SignInAsync("mkb@malmo.example");

        Assert.Contains(await AdminKit.AuditAsync(factory, AuditAction.SignInFailed), e => e.ActorId == userId && e.Summary == "Fel lösenord.");
        Assert.Contains(await AdminKit.AuditAsync(factory, AuditAction.SignedIn), e => e.ActorId == userId);
        Assert.DoesNotContain(await AdminKit.AuditAsync(factory, AuditAction.SignedIn, "lund"), e => e.ActorId == userId);
    }

    private async Task<HttpResponseMessage> InviteAsync(WebSession admin, string email, string name, string? organisation = null, string users = Users)
    {
        var (_, form) = await admin.GetPageAsync($"{users}/bjud-in");
        var browser = BrowserForm.Of(form).Set("Input.Email", email).Set("Input.DisplayName", name);
        if (organisation is not null)
        {
            browser.Check("Input.OrganisationIds", (await Arrange.OrganisationIdAsync(factory, organisation)).ToString());
        }

        var response = await browser.SubmitAsync(admin);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private async Task ChoosePasswordAsync(string email)
    {
        using var invitee = factory.NewSession();
        var (_, form) = await invitee.GetPageAsync(LinkIn((await AdminKit.MailToAsync(factory, email)).Last(m => m.Reason == EmailReason.AccountInvitation)));
        var set = await BrowserForm.Of(form).Set("Input.Password", NewPassword).Set("Input.ConfirmPassword", NewPassword).SubmitAsync(invitee);
        Assert.Equal("/konto/logga-in", set.Target());
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> AskForResetAsync(WebSession session, string email)
    {
        var (_, form) = await session.GetPageAsync("/konto/glomt-losenord");
        var response = await BrowserForm.Of(form).Set("Input.Email", email).SubmitAsync(session);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await WebSession.ParseAsync(response);
    }

    private static string LinkIn(OutboxMessage message) => AdminKit.PasswordLinkIn(message);

    private Task<Guid> UserIdAsync(string email) => factory.InTenantAsync("malmo", (db, _) => Arrange.UserIdAsync(db, email));

    private Task<bool> IsAdminAsync(Guid userId) =>
        factory.InTenantAsync("malmo", (db, _) => db.TenantAccesses.Where(a => a.UserId == userId && a.TenantId == db.CurrentTenantId).Select(a => a.IsAdmin).SingleAsync());
}
