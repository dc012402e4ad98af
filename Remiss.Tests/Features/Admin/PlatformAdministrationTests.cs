namespace Remiss.Tests.Features.Admin;

using System.Net;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Infrastructure.Email;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>The platform operator creates a tenant with its first admin, and suspends and reactivates tenants.</summary>
public sealed class PlatformAdministrationTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    private const string Operator = "operator@remiss.example";

    [Fact]
    public async Task CreateTenant_WithItsFirstAdmin_InvitesTheAdmin_WhoThenRunsTheTenant()
    {
        using var op = await AdminKit.SignedInAsync(factory, Operator);
        var (_, form) = await op.GetPageAsync("/plattform/ny-kund");
        Assert.Equal("Europe/Stockholm", BrowserForm.Of(form).Value("Input.TimeZoneId"));

        var created = await BrowserForm.Of(form)
            .Set("Input.Name", "Helsingborgs stad").Set("Input.Slug", "helsingborg")
            .Set("Input.AdminName", "Harriet Admin").Set("Input.AdminEmail", "admin@helsingborg.example")
            .SubmitAsync(op, "Skapa kund");

        Assert.Equal("/plattform", created.Target());
        var (_, list) = await op.FollowAsync(created);
        Assert.Equal("Helsingborgs stad är skapad. En inbjudan har skickats till admin@helsingborg.example.", Html.Status(list));
        var rows = list.QuerySelectorAll("main tbody tr").Select(r => r.QuerySelectorAll("td").Select(Html.Text).ToList()).ToList();
        Assert.Contains(["Helsingborgs stad", "helsingborg", "Aktiv", "0", "1", "0"], rows);
        var mail = Assert.Single(await AdminKit.MailToAsync(factory, "admin@helsingborg.example", "helsingborg"));
        Assert.Equal(EmailReason.AccountInvitation, mail.Reason);
        Assert.Single(await AdminKit.AuditAsync(factory, AuditAction.TenantCreated, "helsingborg"));

        using var admin = factory.NewSession();
        var (_, choose) = await admin.GetPageAsync(AdminKit.PasswordLinkIn(mail));
        var set = await BrowserForm.Of(choose).Set("Input.Password", "Helsingborg-2026!").Set("Input.ConfirmPassword", "Helsingborg-2026!").SubmitAsync(admin);
        Assert.Equal("/konto/logga-in", set.Target());
        var (landed, _) = await admin.SignInAsync("admin@helsingborg.example", "Helsingborg-2026!");
        Assert.Equal("/helsingborg", landed.RequestMessage!.RequestUri!.AbsolutePath);
        var (adminPage, _) = await admin.GetPageAsync("/helsingborg/admin/organisationer");
        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
    }

    [Theory]
    [InlineData("malmo", "admin@ny.example", "Input_Slug", "Kortnamnet ”malmo” används redan av en annan kund.")]
    [InlineData("admin", "admin@ny.example", "Input_Slug", "Kortnamnet ”admin” är reserverat.")]
    [InlineData("1 kommun", "admin@ny.example", "Input_Slug", "Kortnamnet får bara innehålla a–z, siffror och bindestreck (2–40 tecken) och måste börja med en bokstav.")]
    [InlineData("nykund", "", "Input_AdminEmail", "Ange administratörens e-post.")]
    public async Task CreateTenant_WithABadSlugOrAddress_IsRefusedByTheFieldAndKeepsTheInput(string slug, string email, string field, string error)
    {
        using var op = await AdminKit.SignedInAsync(factory, Operator);
        var (_, form) = await op.GetPageAsync("/plattform/ny-kund");

        var response = await BrowserForm.Of(form).Set("Input.Name", "Nya kommunen").Set("Input.Slug", slug).Set("Input.AdminName", "Nina Ny").Set("Input.AdminEmail", email).SubmitAsync(op, "Skapa kund");
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(error, Html.FieldError(page, field));
        Assert.Equal("Nina Ny", page.GetElementById("Input_AdminName")!.GetAttribute("value"));
        Assert.Equal(2, await factory.InTenantAsync("malmo", (db, _) => db.Tenants.CountAsync(t => t.Slug == "malmo" || t.Slug == "lund")));
        Assert.False(await factory.InTenantAsync("malmo", (db, _) => db.Tenants.AnyAsync(t => t.Name == "Nya kommunen")));
    }

    [Theory]
    [InlineData("Hässleholm", "Hässleholm", "hassleholm")]
    [InlineData("Ängelholms kommun", "", "angelholms-kommun")]
    [InlineData("Östra Göinge kommun", "Östra Göinge", "ostra-goinge")]
    public async Task CreateTenant_MakesTheKortnamnOfWhatWasTypedOrOfTheName_InsteadOfRefusingIt(string name, string typed, string slug)
    {
        using var op = await AdminKit.SignedInAsync(factory, Operator);
        var (_, form) = await op.GetPageAsync("/plattform/ny-kund");

        var created = await BrowserForm.Of(form)
            .Set("Input.Name", name).Set("Input.Slug", typed)
            .Set("Input.AdminName", "Sara Slug").Set("Input.AdminEmail", $"admin@{slug}.example")
            .SubmitAsync(op, "Skapa kund");

        Assert.Equal("/plattform", created.Target());
        Assert.Equal(name, await factory.InTenantAsync("malmo", (db, _) => db.Tenants.Where(t => t.Slug == slug).Select(t => t.Name).SingleAsync()));
    }

    [Fact]
    public async Task CreateTenant_WithEveryFieldWrong_ShowsEveryErrorAtOnce_EachByItsField()
    {
        using var op = await AdminKit.SignedInAsync(factory, Operator);
        var (_, form) = await op.GetPageAsync("/plattform/ny-kund");

        var response = await BrowserForm.Of(form)
            .Set("Input.Name", string.Empty).Set("Input.Slug", "admin").Set("Input.TimeZoneId", "Mars/Olympus")
            .Set("Input.AdminName", string.Empty).Set("Input.AdminEmail", "inte-en-adress")
            .SubmitAsync(op, "Skapa kund");
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ange namn.", Html.FieldError(page, "Input_Name"));
        Assert.Equal("Kortnamnet ”admin” är reserverat.", Html.FieldError(page, "Input_Slug"));
        Assert.Equal("Tidszonen ”Mars/Olympus” finns inte.", Html.FieldError(page, "Input_TimeZoneId"));
        Assert.Equal("Ange administratörens namn.", Html.FieldError(page, "Input_AdminName"));
        Assert.Equal("Ange administratörens e-post i formen namn@kommun.se.", Html.FieldError(page, "Input_AdminEmail"));
        Assert.Equal(5, page.QuerySelectorAll("main .error-summary li").Length);
        Assert.Equal("inte-en-adress", page.GetElementById("Input_AdminEmail")!.GetAttribute("value"));
    }

    [Fact]
    public async Task CreateTenant_RefusedForAnotherField_ShowsTheKortnamnMadeOfTheName()
    {
        using var op = await AdminKit.SignedInAsync(factory, Operator);
        var (_, form) = await op.GetPageAsync("/plattform/ny-kund");

        var response = await BrowserForm.Of(form)
            .Set("Input.Name", "Höörs kommun").Set("Input.Slug", string.Empty)
            .Set("Input.AdminName", "Hanna Höör").Set("Input.AdminEmail", string.Empty)
            .SubmitAsync(op, "Skapa kund");
        var page = await WebSession.ParseAsync(response);

        Assert.Equal("Ange administratörens e-post.", Html.FieldError(page, "Input_AdminEmail"));
        Assert.Equal("hoors-kommun", page.GetElementById("Input_Slug")!.GetAttribute("value"));
        Assert.Null(page.GetElementById("Input_Slug-error"));
    }

    [Fact]
    public async Task CreateTenant_ForTheAddressOfAnExistingAccount_GivesThatAccountTheAdminAccess_NotASecondAccount()
    {
        var email = $"konsult.{Arrange.Unique().ToLowerInvariant()}@skane.example";
        await factory.AddUserAsync("malmo", email, "Kim Konsult", Arrange.Asn, role: null);
        using var op = await AdminKit.SignedInAsync(factory, Operator);
        var (_, form) = await op.GetPageAsync("/plattform/ny-kund");

        var created = await BrowserForm.Of(form)
            .Set("Input.Name", "Ystads kommun").Set("Input.Slug", "ystad")
            .Set("Input.AdminName", "Kim K").Set("Input.AdminEmail", email)
            .SubmitAsync(op, "Skapa kund");

        Assert.Equal("/plattform", created.Target());
        Assert.Equal(1, await factory.InTenantAsync("ystad", (db, _) => db.Users.CountAsync(u => u.Email == email)));
        Assert.True(await factory.InTenantAsync("ystad", (db, _) => db.TenantAccesses.AnyAsync(a => a.TenantId == db.CurrentTenantId && a.IsAdmin && db.Users.Any(u => u.Id == a.UserId && u.Email == email))));
        var mail = Assert.Single(await AdminKit.MailToAsync(factory, email, "ystad"));
        Assert.DoesNotContain("valj-losenord", mail.TextBody, StringComparison.Ordinal);

        // The person signs in as before and now has Ystad beside Malmö, as its administrator.
        using var person = factory.NewSession();
        await person.SignInAsync(email);
        using var admin = await person.GetAsync("/ystad/admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task Suspend_StopsTheTenantsUsersSigningIn_KeepsItsData_AndReactivateLetsThemIn()
    {
        var lundId = await factory.InTenantAsync("lund", (db, _) => Task.FromResult(db.CurrentTenantId!.Value));
        var remisser = await factory.InTenantAsync("lund", (db, _) => db.Remisser.CountAsync());
        using var op = await AdminKit.SignedInAsync(factory, Operator);
        try
        {
            var (_, page) = await op.GetPageAsync($"/plattform/kunder/{lundId}");
            var suspended = await BrowserForm.Of(page, "form[action$='handler=Suspend']").SubmitAsync(op, "Stäng av kunden");
            var (_, after) = await op.FollowAsync(suspended);
            Assert.Equal("Lunds kommun är avstängd. Kundens användare kan inte logga in.", Html.Status(after));

            using (var lund = factory.NewSession())
            {
                var (_, refused) = await lund.SignInAsync(Arrange.LundUser);
                Assert.Contains("Fel e-postadress eller lösenord.", Html.Summary(refused));
                using var tenantPage = await lund.GetAsync("/lund");
                Assert.NotEqual(HttpStatusCode.OK, tenantPage.StatusCode);
            }

            Assert.Equal(remisser, await factory.InTenantAsync("lund", (db, _) => db.Remisser.CountAsync()));
            Assert.Single(await AdminKit.AuditAsync(factory, AuditAction.TenantSuspended, "lund"));
            Assert.Contains(await AdminKit.AuditAsync(factory, AuditAction.SignInFailed, "lund"), e => e.Summary.Contains("avstängd", StringComparison.Ordinal));

            var reactivated = await BrowserForm.Of(after, "form[action$='handler=Reactivate']").SubmitAsync(op, "Återaktivera kunden");
            Assert.Equal($"/plattform/kunder/{lundId}", reactivated.Target());
            using var back = factory.NewSession();
            Assert.Equal("/lund", (await back.SignInAsync(Arrange.LundUser)).Response.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Single(await AdminKit.AuditAsync(factory, AuditAction.TenantReactivated, "lund"));
        }
        finally
        {
            await factory.InTenantAsync("lund", async (db, _) =>
            {
                var tenant = await db.Tenants.SingleAsync(t => t.Id == lundId);
                if (tenant.IsSuspended)
                {
                    tenant.Reactivate();
                    await db.SaveChangesAsync();
                }

                return 0;
            });
        }
    }

    [Fact]
    public async Task TheOperatorsTenantPage_ShowsNumbersButNoRemissTitles()
    {
        var malmoId = await factory.InTenantAsync("malmo", (db, _) => Task.FromResult(db.CurrentTenantId!.Value));
        using var op = await AdminKit.SignedInAsync(factory, Operator);

        var (_, page) = await op.GetPageAsync($"/plattform/kunder/{malmoId}");

        Assert.Equal("Malmö stad", Html.Text(page.QuerySelector("main h1")));
        Assert.DoesNotContain("STK-2023-137", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/plattform/kunder/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [InlineData(AdminKit.MalmoAdmin)]
    [InlineData(Arrange.Owner)]
    public async Task ATenantUser_CannotCreateOrSuspendTenants(string email)
    {
        var lundId = await factory.InTenantAsync("lund", (db, _) => Task.FromResult(db.CurrentTenantId!.Value));
        using var session = await AdminKit.SignedInAsync(factory, email);

        var create = await AdminKit.ForgeAsync(session, "/malmo", "/plattform/ny-kund", new() { ["Input.Name"] = "Kapad", ["Input.Slug"] = "kapad", ["Input.AdminName"] = "X", ["Input.AdminEmail"] = "x@kapad.example" });
        var suspend = await AdminKit.ForgeAsync(session, "/malmo", $"/plattform/kunder/{lundId}?handler=Suspend", []);

        Assert.StartsWith("/konto/nekad", create.Target(), StringComparison.Ordinal);
        Assert.StartsWith("/konto/nekad", suspend.Target(), StringComparison.Ordinal);
        Assert.False(await factory.InTenantAsync("lund", (db, _) => db.Tenants.AnyAsync(t => t.Slug == "kapad" || (t.Id == lundId && t.IsSuspended))));
    }
}
