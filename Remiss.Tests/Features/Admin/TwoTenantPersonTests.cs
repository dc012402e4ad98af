namespace Remiss.Tests.Features.Admin;

using System.Net;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Infrastructure.Email;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// One account, access to several tenants: inviting an address that has an account elsewhere, switching between tenants,
/// starting where one last worked, and the tenant in the URL deciding which access, role and memberships count.
/// </summary>
public sealed class TwoTenantPersonTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    private const string LundUsers = "/lund/admin/anvandare";

    [Fact]
    public async Task InvitingAnAddressWithAnAccountElsewhere_AddsAnAccess_TellsTheAdminTheSame_AndMailsTheNewAccess()
    {
        var existing = $"region.{Arrange.Unique().ToLowerInvariant()}@skane.example";
        var fresh = $"ny.{Arrange.Unique().ToLowerInvariant()}@lund.example";
        await factory.AddUserAsync("malmo", existing, "Regina Region", Arrange.Asn, role: null);
        using var lund = await AdminKit.SignedInAsync(factory, AdminKit.LundAdmin);

        var saidForExisting = await InviteAsync(lund, existing, "Regina R");
        var saidForFresh = await InviteAsync(lund, fresh, "Nils Ny");

        // The same words either way: nothing tells Lund that the address had an account in another tenant.
        Assert.Equal($"Inbjudan skickad till {existing}.", saidForExisting);
        Assert.Equal($"Inbjudan skickad till {fresh}.", saidForFresh);
        var (_, list) = await lund.GetPageAsync(LundUsers);
        var rows = list.QuerySelectorAll("main tbody tr").Select(r => r.QuerySelectorAll("td").Select(Html.Text).ToList()).ToList();
        Assert.Equal("Inbjuden", rows.Single(r => r[1] == existing)[4]);
        Assert.Equal("Inbjuden", rows.Single(r => r[1] == fresh)[4]);

        // One account, two accesses; Malmö's access and memberships are as they were.
        Assert.Equal(1, await factory.InTenantAsync("lund", (db, _) => db.Users.CountAsync(u => u.Email == existing)));
        var accesses = await factory.InTenantAsync("lund", (db, _) => db.TenantAccesses.Where(a => db.Users.Any(u => u.Id == a.UserId && u.Email == existing)).CountAsync());
        Assert.Equal(2, accesses);
        Assert.Equal([Arrange.Asn], await factory.InTenantAsync("malmo", (db, _) => db.Memberships
            .Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == existing))
            .Select(m => db.Organisations.Single(o => o.Id == m.OrganisationId).Name).ToListAsync()));

        // The person is told of the new access, in Lund's name, with no link to choose a password they already have.
        var mail = Assert.Single(await AdminKit.MailToAsync(factory, existing, "lund"));
        Assert.Equal(EmailReason.AccountInvitation, mail.Reason);
        Assert.Contains("Lunds kommun", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("samma konto som förut", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("valj-losenord", mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(await AdminKit.MailToAsync(factory, existing, "malmo"));
        var invitation = Assert.Single(await AdminKit.MailToAsync(factory, fresh, "lund"));
        Assert.Contains("valj-losenord", invitation.TextBody, StringComparison.Ordinal);
        Assert.Single(await AdminKit.AuditAsync(factory, AuditAction.UserInvited, "lund"), e => e.Summary.Contains(existing, StringComparison.Ordinal));
        Assert.DoesNotContain(await AdminKit.AuditAsync(factory, AuditAction.UserInvited, "malmo"), e => e.Summary.Contains(existing, StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvitingAnAddressThatAlreadyHasAccessHere_IsRefusedByTheField()
    {
        using var lund = await AdminKit.SignedInAsync(factory, AdminKit.LundAdmin);
        var (_, form) = await lund.GetPageAsync($"{LundUsers}/bjud-in");

        var response = await BrowserForm.Of(form).Set("Input.Email", Arrange.LundUser).Set("Input.DisplayName", "Dubbel").SubmitAsync(lund);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Html.FieldError(await WebSession.ParseAsync(response), "Input_Email"));
    }

    [Fact]
    public async Task APersonOfTwoTenants_SwitchesInTheHeader_AndStartsWhereTheyLastWorked()
    {
        var email = $"region.{Arrange.Unique().ToLowerInvariant()}@skane.example";
        await factory.AddUserAsync("malmo", email, "Regina Region", Arrange.Asn, role: null);
        await factory.AddAccessAsync("lund", email, Arrange.Tekniska);
        using var session = factory.NewSession();

        // No tenant used yet: the first in Swedish order of their names.
        var (first, _) = await session.SignInAsync(email);
        Assert.Equal("/lund", first.RequestMessage!.RequestUri!.AbsolutePath);

        var (_, malmo) = await session.GetPageAsync("/malmo");
        var switcher = malmo.QuerySelector("header details.tenant-switch")!;
        Assert.Equal("Byt kommun eller region", Html.Text(switcher.QuerySelector("summary")));
        Assert.Equal(["/lund", "/malmo"], switcher.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList());
        Assert.Equal("true", switcher.QuerySelector("a[href='/malmo']")!.GetAttribute("aria-current"));
        Assert.Equal("Malmö stad", Html.Text(malmo.QuerySelector(".tenant-name")));

        using var signedOut = await session.PostFormAsync("/konto/logga-ut", new Dictionary<string, string> { ["__RequestVerificationToken"] = await session.TokenAsync("/malmo") });
        var (again, _) = await session.SignInAsync(email);
        Assert.Equal("/malmo", again.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task AOneTenantPerson_SeesNoSwitcher()
    {
        var (_, page) = await factory.SignedInAsync(Arrange.AsnUser, "/malmo");

        Assert.Null(page.QuerySelector("header details.tenant-switch"));
    }

    [Fact]
    public async Task TheTenantInTheUrl_DecidesWhichRoleAndMembershipsCount()
    {
        // Administrator in Malmö, a member of a nämnd in Lund.
        var email = $"admin.{Arrange.Unique().ToLowerInvariant()}@skane.example";
        await factory.AddUserAsync("malmo", email, "Alva Admin", organisation: null, Infrastructure.Identity.Roles.TenantAdmin);
        await factory.AddAccessAsync("lund", email, Arrange.Tekniska);
        using var session = factory.NewSession();
        await session.SignInAsync(email);
        var malmoRemiss = await Arrange.DemoRemissIdAsync(factory, "malmo");
        var lundRemiss = await Arrange.DemoRemissIdAsync(factory, "lund");

        using (var malmoAdmin = await session.GetAsync("/malmo/admin"))
        {
            Assert.Equal(HttpStatusCode.OK, malmoAdmin.StatusCode);
        }

        using (var lundAdmin = await session.GetAsync("/lund/admin"))
        {
            Assert.Equal(HttpStatusCode.Redirect, lundAdmin.StatusCode);
            Assert.StartsWith("/konto/nekad", lundAdmin.Target(), StringComparison.Ordinal);
        }

        var (_, lundStart) = await session.GetPageAsync("/lund");
        Assert.DoesNotContain("Administration", Html.Text(lundStart.QuerySelector("header")), StringComparison.Ordinal);

        // Each tenant's ids exist only under its own slug, whoever asks.
        foreach (var path in new[] { $"/lund/remisser/{malmoRemiss}", $"/malmo/remisser/{lundRemiss}", $"/lund/admin/anvandare" })
        {
            using var response = await session.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound || response.Target().StartsWith("/konto/nekad", StringComparison.Ordinal), $"{path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task DeactivatedInOneTenant_ThePersonKeepsTheOther()
    {
        var email = $"region.{Arrange.Unique().ToLowerInvariant()}@skane.example";
        var userId = await factory.AddUserAsync("malmo", email, "Regina Region", Arrange.Asn, role: null);
        await factory.AddAccessAsync("lund", email, Arrange.Tekniska);
        using var session = factory.NewSession();
        await session.SignInAsync(email);
        using var lundAdmin = await AdminKit.SignedInAsync(factory, AdminKit.LundAdmin);
        var (_, edit) = await lundAdmin.GetPageAsync($"{LundUsers}/{userId}");

        var deactivated = await BrowserForm.Of(edit, "form[action$='handler=Deactivate']").SubmitAsync(lundAdmin);
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);

        using (var lund = await session.GetAsync("/lund"))
        {
            Assert.Equal(HttpStatusCode.NotFound, lund.StatusCode);
        }

        var (malmo, page) = await session.GetPageAsync("/malmo");
        Assert.Equal(HttpStatusCode.OK, malmo.StatusCode);
        Assert.Null(page.QuerySelector("header details.tenant-switch"));
        Assert.True(await factory.InTenantAsync("malmo", (db, _) => db.TenantAccesses.Where(a => a.UserId == userId && a.TenantId == db.CurrentTenantId).Select(a => a.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task ASignIn_IsInTheLogOfEachOfThePersonsTenants()
    {
        var email = $"region.{Arrange.Unique().ToLowerInvariant()}@skane.example";
        await factory.AddUserAsync("malmo", email, "Regina Region", Arrange.Asn, role: null);
        await factory.AddAccessAsync("lund", email, Arrange.Tekniska);
        using var session = factory.NewSession();

        await session.SignInAsync(email);

        Assert.Single(await AdminKit.AuditAsync(factory, AuditAction.SignedIn, "malmo"), e => e.ActorName == email);
        Assert.Single(await AdminKit.AuditAsync(factory, AuditAction.SignedIn, "lund"), e => e.ActorName == email);
    }

    private static async Task<string> InviteAsync(WebSession admin, string email, string name)
    {
        var (_, form) = await admin.GetPageAsync($"{LundUsers}/bjud-in");
        var response = await BrowserForm.Of(form).Set("Input.Email", email).Set("Input.DisplayName", name).SubmitAsync(admin);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Html.Status((await admin.FollowAsync(response)).Page);
    }
}
