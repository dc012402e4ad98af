namespace Remiss.Tests.Features.Admin;

using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Domain.Organisations;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>The tenant administrator's organisation directory at /{tenant}/admin/organisationer, through real HTTP.</summary>
public sealed class OrganisationDirectoryPageTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    private const string Directory = "/malmo/admin/organisationer";

    [Fact]
    public async Task Admin_SeesEveryOrganisationOfTheTenantWithKindAndUse()
    {
        using var session = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);

        var (response, page) = await session.GetPageAsync(Directory);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Organisationer", Html.Text(page.QuerySelector("main h1")));
        var rows = page.QuerySelectorAll("main tbody tr").Select(r => r.QuerySelectorAll("td").Select(Html.Text).ToList()).ToList();
        Assert.Contains(rows, r => r[0] == "Stadskontoret" && r[1] == "Förvaltning" && r[6] == "Aktiv");
        Assert.Contains(rows, r => r[0] == "MKB" && r[1] == "Bolag");
        Assert.DoesNotContain(rows, r => r[0].Contains("Lund", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Add_WithValidInput_AddsTheOrganisationAndRecordsIt()
    {
        using var session = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var name = $"Revisionen {Arrange.Unique()}";
        var (_, form) = await session.GetPageAsync($"{Directory}/ny");

        var response = await BrowserForm.Of(form)
            .Set("Input.Name", name).Set("Input.Kind", "Namnd").Set("Input.FunctionalMailbox", "revision@malmo.example").Set("Input.ContactName", "Rut Revisor")
            .SubmitAsync(session);

        Assert.Equal(Directory, response.Target());
        var (_, list) = await session.FollowAsync(response);
        Assert.Equal($"{name} har lagts till.", Html.Status(list));
        var stored = await factory.InTenantAsync("malmo", (db, _) => db.Organisations.SingleAsync(o => o.Name == name));
        Assert.Equal(OrganisationKind.Namnd, stored.Kind);
        Assert.Equal("revision@malmo.example", stored.FunctionalMailbox);
        Assert.Equal("Rut Revisor", stored.ContactName);
        var entry = Assert.Single(await AdminKit.AuditAsync(factory, AuditAction.OrganisationAdded), e => e.SubjectId == stored.Id);
        Assert.Contains("admin@malmo.example", entry.ActorName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WithoutNameAndWithABadMailbox_ShowsSwedishErrorsByTheFieldsAndKeepsWhatWasTyped()
    {
        using var session = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var before = await AdminKit.AuditCountAsync(factory);
        var (_, form) = await session.GetPageAsync($"{Directory}/ny");

        var response = await BrowserForm.Of(form).Set("Input.Name", "").Set("Input.FunctionalMailbox", "inte-en-adress").Set("Input.ContactName", "Kim").SubmitAsync(session);
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ange namn.", Html.FieldError(page, "Input_Name"));
        Assert.Equal("Input_Name-error", page.GetElementById("Input_Name")!.GetAttribute("aria-describedby"));
        Assert.Contains("Ange namn.", Html.Summary(page));
        Assert.Equal("Kim", page.GetElementById("Input_ContactName")!.GetAttribute("value"));

        var second = await BrowserForm.Of(page).Set("Input.Name", $"Ny nämnd {Arrange.Unique()}").SubmitAsync(session);
        var again = await WebSession.ParseAsync(second);
        Assert.Equal("Ange funktionsbrevlåda i formen namn@kommun.se.", Html.FieldError(again, "Input_FunctionalMailbox"));
        Assert.Equal("inte-en-adress", again.GetElementById("Input_FunctionalMailbox")!.GetAttribute("value"));
        Assert.Equal(before, await AdminKit.AuditCountAsync(factory));
    }

    [Fact]
    public async Task Add_WithTheNameOfAnExistingOrganisation_IsRefusedByTheName()
    {
        using var session = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var (_, form) = await session.GetPageAsync($"{Directory}/ny");

        var response = await BrowserForm.Of(form).Set("Input.Name", "miljönämnden").SubmitAsync(session);
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Det finns redan en organisation som heter miljönämnden.", Html.FieldError(page, "Input_Name"));
    }

    [Fact]
    public async Task Edit_ChangesKindMailboxAndContact()
    {
        var id = await Arrange.NewOrganisationAsync(factory, $"Kommunrevisionen {Arrange.Unique()}", OrganisationKind.Namnd, null);
        using var session = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var (_, form) = await session.GetPageAsync($"{Directory}/{id}");

        var response = await BrowserForm.Of(form).Set("Input.Kind", "Extern").Set("Input.FunctionalMailbox", "rev@malmo.example").SubmitAsync(session, "Spara ändringar");

        Assert.Equal(Directory, response.Target());
        var stored = await factory.InTenantAsync("malmo", (db, _) => db.Organisations.SingleAsync(o => o.Id == id));
        Assert.Equal(OrganisationKind.Extern, stored.Kind);
        Assert.Equal("rev@malmo.example", stored.FunctionalMailbox);
        Assert.Single(await AdminKit.AuditAsync(factory, AuditAction.OrganisationEdited), e => e.SubjectId == id);
    }

    [Fact]
    public async Task Edit_ToTheNameOfAnother_IsRefusedByTheName_AndNothingIsSaved()
    {
        var name = $"Äldrenämnden {Arrange.Unique()}";
        var id = await Arrange.NewOrganisationAsync(factory, name, OrganisationKind.Namnd, null);
        using var session = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var (_, form) = await session.GetPageAsync($"{Directory}/{id}");

        var response = await BrowserForm.Of(form).Set("Input.Name", "MKB").Set("Input.ContactName", "Ny kontakt").SubmitAsync(session, "Spara ändringar");
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Det finns redan en organisation som heter MKB.", Html.FieldError(page, "Input_Name"));
        Assert.Equal(name, Html.Text(page.QuerySelector("main h1")));
        Assert.Equal("Ny kontakt", page.GetElementById("Input_ContactName")!.GetAttribute("value"));
        var stored = await factory.InTenantAsync("malmo", (db, _) => db.Organisations.SingleAsync(o => o.Id == id));
        Assert.Equal(name, stored.Name);
        Assert.Null(stored.ContactName);
    }

    [Fact]
    public async Task Retire_ThenReinstate_KeepsTheOrganisationAndRecordsBoth()
    {
        var id = await Arrange.NewOrganisationAsync(factory, $"Valnämnden {Arrange.Unique()}", OrganisationKind.Namnd, null);
        using var session = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var (_, page) = await session.GetPageAsync($"{Directory}/{id}");

        var retired = await BrowserForm.Of(page, "form[action$='handler=Retire']").SubmitAsync(session);
        var (_, after) = await session.FollowAsync(retired);

        Assert.EndsWith("är avvecklad.", Html.Status(after), StringComparison.Ordinal);
        Assert.True((await factory.InTenantAsync("malmo", (db, _) => db.Organisations.SingleAsync(o => o.Id == id))).IsRetired);
        Assert.Contains("Återinför organisationen", Html.ButtonTexts(after.QuerySelector("main")!));

        var reinstated = await BrowserForm.Of(after, "form[action$='handler=Reinstate']").SubmitAsync(session);
        Assert.Equal($"{Directory}/{id}", reinstated.Target());
        Assert.False((await factory.InTenantAsync("malmo", (db, _) => db.Organisations.SingleAsync(o => o.Id == id))).IsRetired);
        Assert.Single(await AdminKit.AuditAsync(factory, AuditAction.OrganisationRetired), e => e.SubjectId == id);
        Assert.Single(await AdminKit.AuditAsync(factory, AuditAction.OrganisationReinstated), e => e.SubjectId == id);
    }

    [Fact]
    public async Task Retire_OrganisationOfAnotherTenant_IsRefused()
    {
        var malmoOrganisation = await Arrange.OrganisationIdAsync(factory, "Miljönämnden");
        using var session = await AdminKit.SignedInAsync(factory, AdminKit.LundAdmin);

        var underLund = await AdminKit.ForgeAsync(session, "/lund/admin", $"/lund/admin/organisationer/{malmoOrganisation}?handler=Retire", []);
        var underMalmo = await AdminKit.ForgeAsync(session, "/lund/admin", $"/malmo/admin/organisationer/{malmoOrganisation}?handler=Retire", []);

        Assert.Equal(HttpStatusCode.NotFound, underLund.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, underMalmo.StatusCode);
        Assert.False((await factory.InTenantAsync("malmo", (db, _) => db.Organisations.SingleAsync(o => o.Id == malmoOrganisation))).IsRetired);
    }

    [Fact]
    public async Task Edit_OrganisationOfAnotherTenant_IsRefused()
    {
        var malmoOrganisation = await Arrange.OrganisationIdAsync(factory, "Kulturnämnden");
        using var session = await AdminKit.SignedInAsync(factory, AdminKit.LundAdmin);

        await AdminKit.AssertRefusedAsync(session, $"/lund/admin/organisationer/{malmoOrganisation}");
        await AdminKit.AssertRefusedAsync(session, Directory);
        var forged = await AdminKit.ForgeAsync(session, "/lund/admin", $"/lund/admin/organisationer/{malmoOrganisation}", new() { ["Input.Name"] = "Kapad", ["Input.Kind"] = "Namnd" });

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal("Kulturnämnden", (await factory.InTenantAsync("malmo", (db, _) => db.Organisations.SingleAsync(o => o.Id == malmoOrganisation))).Name);
    }

    [Fact]
    public async Task LundAdmin_SeesOnlyLundsOrganisations()
    {
        using var session = await AdminKit.SignedInAsync(factory, AdminKit.LundAdmin);

        var (_, page) = await session.GetPageAsync("/lund/admin/organisationer");

        var names = page.QuerySelectorAll("main tbody tr td:first-child").Select(Html.Text).ToList();
        Assert.NotEmpty(names);
        Assert.DoesNotContain("Stadskontoret", names);
        Assert.DoesNotContain("MKB", names);
    }

    [Theory]
    [InlineData(Arrange.AsnUser)]
    [InlineData(Arrange.Owner)]
    public async Task Recipient_AskingForAdminPages_IsRefused(string email)
    {
        using var session = await AdminKit.SignedInAsync(factory, email);

        foreach (var path in new[] { "/malmo/admin", Directory, $"{Directory}/ny", $"{Directory}/import", "/malmo/admin/anvandare", "/malmo/admin/anvandare/bjud-in", "/malmo/admin/installningar", "/malmo/admin/logg" })
        {
            using var response = await session.GetAsync(path);
            Assert.StartsWith("/konto/nekad", response.Target(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Recipient_PostingToAnAdminForm_IsRefusedAndNothingChanges()
    {
        using var session = await AdminKit.SignedInAsync(factory, Arrange.AsnUser);
        var name = $"Smygnämnden {Arrange.Unique()}";

        var response = await AdminKit.ForgeAsync(session, "/malmo", $"{Directory}/ny", new() { ["Input.Name"] = name, ["Input.Kind"] = "Namnd" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.InTenantAsync("malmo", (db, _) => db.Organisations.AnyAsync(o => o.Name == name)));
    }

    // ---- CSV import ------------------------------------------------------------------------------------

    [Fact]
    public async Task Import_AValidFile_PreviewsEveryRowThenImportsThemAllAtOnce()
    {
        var a = $"Överförmyndarnämnden {Arrange.Unique()}";
        var b = $"Malmö Live {Arrange.Unique()}";
        var csv = $"Namn;Typ;Funktionsbrevlåda;Kontaktperson\n{a};Nämnd;ofn@malmo.example;Olle\n\"{b}\";bolag;;\n";
        using var session = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);

        var preview = await PreviewAsync(session, csv);

        var rows = preview.QuerySelectorAll("main tbody tr").Select(r => r.QuerySelectorAll("td").Select(Html.Text).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["2", a, "Nämnd", "ofn@malmo.example", "Olle", "Inga"], rows[0]);
        Assert.False(await factory.InTenantAsync("malmo", (db, _) => db.Organisations.AnyAsync(o => o.Name == a)));

        var imported = await BrowserForm.Of(preview, "form[action$='handler=Import']").SubmitAsync(session, "Importera 2 organisationer");

        Assert.Equal(Directory, imported.Target());
        var (_, list) = await session.FollowAsync(imported);
        Assert.Equal("2 organisationer har importerats.", Html.Status(list));
        var stored = await factory.InTenantAsync("malmo", (db, _) => db.Organisations.Where(o => o.Name == a || o.Name == b).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.Equal(OrganisationKind.Bolag, stored.Single(o => o.Name == b).Kind);
        Assert.Contains(await AdminKit.AuditAsync(factory, AuditAction.OrganisationsImported), e => e.Summary.Contains(a, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_AFileWithErrors_ReportsEachRowInSwedishAndImportsNothing()
    {
        var good = $"Fullmäktiges beredning {Arrange.Unique()}";
        var csv = $"Namn;Typ;Funktionsbrevlåda;Kontaktperson\n{good};Nämnd;;\n;Bolag;;\nMiljönämnden;Nämnd;;\nX-bolaget {Arrange.Unique()};Kommunförbund;fel-adress;\n";
        using var session = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);

        var preview = await PreviewAsync(session, csv);

        var errors = preview.QuerySelectorAll("main tbody tr").Select(r => Html.Text(r.QuerySelectorAll("td")[5])).ToList();
        Assert.Equal("Inga", errors[0]);
        Assert.Equal("Ange namn.", errors[1]);
        Assert.Equal("Miljönämnden finns redan bland organisationerna.", errors[2]);
        Assert.Contains("Typen ”Kommunförbund” finns inte.", errors[3], StringComparison.Ordinal);
        Assert.Contains("Ange funktionsbrevlåda i formen namn@kommun.se.", errors[3], StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("form[action$='handler=Import']"));
        Assert.Contains("3 av 4 rader har fel.", Html.Text(preview.QuerySelector("#forhandsgranskning")!.ParentElement), StringComparison.Ordinal);
        Assert.False(await factory.InTenantAsync("malmo", (db, _) => db.Organisations.AnyAsync(o => o.Name == good)));
    }

    [Fact]
    public async Task Import_AFailingFilePostedDirectly_ImportsNothingEvenTheGoodRows()
    {
        var good = $"Krisledningsnämnden {Arrange.Unique()}";
        var csv = $"Namn;Typ\n{good};Nämnd\n{good};Nämnd\n";
        using var session = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var before = await AdminKit.AuditCountAsync(factory);

        var response = await AdminKit.ForgeAsync(session, "/malmo/admin", $"{Directory}/import?handler=Import", new() { ["Csv"] = csv });
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ingenting importerades: filen innehåller fel. Se raderna nedan.", Html.Summary(page));
        Assert.Contains($"{good} finns redan på rad 2 i filen.", Html.Text(page.QuerySelector("main tbody")), StringComparison.Ordinal);
        Assert.False(await factory.InTenantAsync("malmo", (db, _) => db.Organisations.AnyAsync(o => o.Name == good)));
        Assert.Equal(before, await AdminKit.AuditCountAsync(factory));
    }

    [Fact]
    public async Task Import_WithoutAFile_AsksForOneByTheFileField()
    {
        using var session = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var (_, form) = await session.GetPageAsync($"{Directory}/import");

        var response = await BrowserForm.Of(form).SubmitAsync(session);
        var page = await WebSession.ParseAsync(response);

        Assert.Equal("Välj en CSV-fil.", Html.FieldError(page, "Upload"));
        Assert.Equal("CSV-fil", Html.LabelOf(page, "Upload"));
    }

    [Fact]
    public async Task Import_ByLundsAdmin_AddsToLundOnly()
    {
        var name = $"Lunds renhållningsnämnd {Arrange.Unique()}";
        using var session = await AdminKit.SignedInAsync(factory, AdminKit.LundAdmin);

        var preview = await PreviewAsync(session, $"Namn,Typ\n{name},Nämnd\n", "/lund/admin/organisationer/import");
        var imported = await BrowserForm.Of(preview, "form[action$='handler=Import']").SubmitAsync(session);

        Assert.Equal("/lund/admin/organisationer", imported.Target());
        Assert.True(await factory.InTenantAsync("lund", (db, _) => db.Organisations.AnyAsync(o => o.Name == name)));
        Assert.False(await factory.InTenantAsync("malmo", (db, _) => db.Organisations.AnyAsync(o => o.Name == name)));
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PreviewAsync(WebSession session, string csv, string path = Directory + "/import")
    {
        var (_, form) = await session.GetPageAsync(path);
        var response = await BrowserForm.Of(form).SubmitAsync(session, "Förhandsgranska", new ChosenFile("Upload", "organisationer.csv", Encoding.UTF8.GetBytes(csv), "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await WebSession.ParseAsync(response);
    }
}
