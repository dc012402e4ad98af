namespace Remiss.Tests.Features.Admin;

using System.Net;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Domain.Organisations;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>The tenant's settings at /{tenant}/admin/installningar: reminders, standard sections, publication.</summary>
public sealed class SettingsPageTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    private const string Settings = "/malmo/admin/installningar";

    [Fact]
    public async Task Save_ANewReminderSchedule_StoresItLargestFirstAndRecordsIt()
    {
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var (_, form) = await admin.GetPageAsync(Settings);
        Assert.Equal("Påminnelser, dagar före sista svarsdag", Html.LabelOf(form, "Input_ReminderDays"));

        var response = await BrowserForm.Of(form).Set("Input.ReminderDays", "3, 21 ,10").SubmitAsync(admin);

        Assert.Equal(Settings, response.Target());
        Assert.Equal("Inställningarna har sparats.", Html.Status((await admin.FollowAsync(response)).Page));
        Assert.Equal([21, 10, 3], (await TenantAsync("malmo")).ReminderDaysBefore);
        Assert.Contains(await AdminKit.AuditAsync(factory, AuditAction.SettingsChanged), e => e.Summary.Contains("påminnelser (dagar före sista svarsdag) 14, 7, 2 → 21, 10, 3", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("14, sju", "”sju” är inte ett antal dagar.")]
    [InlineData("7, 7", "Samma dag kan inte anges två gånger i påminnelseschemat.")]
    [InlineData("120", "Påminnelser kan skickas 1–90 dagar före sista svarsdag.")]
    public async Task Save_AnInvalidReminderSchedule_IsRefusedByTheFieldKeepsTheInputAndChangesNothing(string typed, string error)
    {
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var before = await TenantAsync("malmo");
        var (_, form) = await admin.GetPageAsync(Settings);

        var response = await BrowserForm.Of(form).Set("Input.ReminderDays", typed).Set("Input.Publishes", "true").SubmitAsync(admin);
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(error, Html.FieldError(page, "Input_ReminderDays"), StringComparison.Ordinal);
        Assert.Equal("Input_ReminderDays-hint Input_ReminderDays-error", page.GetElementById("Input_ReminderDays")!.GetAttribute("aria-describedby"));
        Assert.Equal(typed, page.GetElementById("Input_ReminderDays")!.GetAttribute("value"));
        var after = await TenantAsync("malmo");
        Assert.Equal(before.ReminderDaysBefore, after.ReminderDaysBefore);
        Assert.Equal(before.PublishesSubmittedResponses, after.PublishesSubmittedResponses);
    }

    [Fact]
    public async Task Save_StandardSections_RenamesReordersTurnsOffAndAdds()
    {
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var (_, form) = await admin.GetPageAsync(Settings);
        var browser = BrowserForm.Of(form);
        var current = (await TenantAsync("malmo")).StandardSections;
        Assert.Equal(current, Enumerable.Range(0, current.Count).Select(i => browser.Value($"Input.Sections[{i}].Name")));
        Assert.Equal("Använd avsnitt 1", Html.LabelOf(form, "Input_Sections_0__Enabled"));

        browser.Set("Input.Sections[0].Name", "Barnrättsperspektiv").Set("Input.Sections[0].Order", "3")
            .Set("Input.Sections[1].Order", "1")
            .Set("Input.Sections[2].Order", "2").Remove("Input.Sections[2].Enabled")
            .Set($"Input.Sections[{current.Count}].Name", "Miljökonsekvenser").Set($"Input.Sections[{current.Count}].Order", "2");
        var response = await browser.SubmitAsync(admin);

        Assert.Equal(Settings, response.Target());
        Assert.Equal([current[1], "Miljökonsekvenser", "Barnrättsperspektiv"], (await TenantAsync("malmo")).StandardSections);
    }

    [Fact]
    public async Task Save_TwoSectionsWithTheSameName_IsRefusedByTheSections()
    {
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var (_, form) = await admin.GetPageAsync(Settings);
        var browser = BrowserForm.Of(form);

        var response = await browser.Set("Input.Sections[1].Name", browser.Value("Input.Sections[0].Name")!.ToUpperInvariant()).SubmitAsync(admin);

        Assert.Equal("Två standardavsnitt kan inte ha samma namn.", Html.FieldError(await WebSession.ParseAsync(response), "Input_Sections"));
    }

    [Fact]
    public async Task Save_Publication_TurnsItOnAndOff()
    {
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var (_, form) = await admin.GetPageAsync(Settings);

        await BrowserForm.Of(form).Check("Input.Publishes").SubmitAsync(admin);
        Assert.True((await TenantAsync("malmo")).PublishesSubmittedResponses);
        var (_, again) = await admin.GetPageAsync(Settings);
        Assert.True(again.GetElementById("Input_Publishes")!.HasAttribute("checked"));

        await BrowserForm.Of(again).Remove("Input.Publishes").SubmitAsync(admin);
        Assert.False((await TenantAsync("malmo")).PublishesSubmittedResponses);
        Assert.Contains(await AdminKit.AuditAsync(factory, AuditAction.SettingsChanged), e => e.Summary.Contains("publiceras inte längre", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SettingsPage_LinksToTheDocumentTemplate()
    {
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);

        var (_, page) = await admin.GetPageAsync(Settings);

        Assert.Equal("/malmo/admin/dokumentmall", page.QuerySelectorAll("main a").Single(a => Html.Text(a) == "Dokumentmall").GetAttribute("href"));
    }

    [Fact]
    public async Task Save_SettingsOfAnotherTenant_IsRefused()
    {
        using var lund = await AdminKit.SignedInAsync(factory, AdminKit.LundAdmin);
        var before = await TenantAsync("malmo");

        await AdminKit.AssertRefusedAsync(lund, Settings);
        var forged = await AdminKit.ForgeAsync(lund, "/lund/admin", Settings, new() { ["Input.ReminderDays"] = "1", ["Input.Publishes"] = "true" });
        var (_, own) = await lund.GetPageAsync("/lund/admin/installningar");
        var saved = await BrowserForm.Of(own).Set("Input.ReminderDays", "30").SubmitAsync(lund);

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal("/lund/admin/installningar", saved.Target());
        Assert.Equal([30], (await TenantAsync("lund")).ReminderDaysBefore);
        Assert.Equal(before.ReminderDaysBefore, (await TenantAsync("malmo")).ReminderDaysBefore);
        Assert.Equal(before.PublishesSubmittedResponses, (await TenantAsync("malmo")).PublishesSubmittedResponses);
    }

    private Task<Tenant> TenantAsync(string slug) => factory.InTenantAsync(slug, (db, _) => db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == slug));
}
