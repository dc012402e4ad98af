namespace Remiss.Web.Pages.Tenant.Admin;

using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Administration;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>The tenant's defaults: the reminder schedule, the standard sections of an yttrande, and publication.</summary>
public sealed class SettingsModel(ITenantContext tenantContext, TenantSettings settings) : AdminPageModel(tenantContext)
{
    /// <summary>Empty rows under the tenant's sections, for new ones.</summary>
    public const int NewRows = 2;

    [BindProperty]
    public SettingsForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var tenant = await settings.CurrentAsync(cancellationToken);
        Input = SettingsForm.Of(tenant);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await settings.SaveAsync(Input.ToInput(), cancellationToken);
            TempData["StatusMessage"] = "Inställningarna har sparats.";
            return Redirect($"{AdminUrl}/installningar");
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.Settings);
            return Page();
        }
    }

    public sealed class SettingsForm
    {
        public string? ReminderDays { get; set; }

        public List<SectionForm> Sections { get; set; } = [];

        public bool Publishes { get; set; }

        public TwoFactorRequirement TwoFactor { get; set; }

        public static SettingsForm Of(Tenant tenant) => new()
        {
            ReminderDays = TenantSettings.Format(tenant.ReminderDaysBefore),
            Sections =
            [
                .. tenant.StandardSections.Select((name, i) => new SectionForm { Name = name, Order = i + 1, Enabled = true }),
                .. Enumerable.Range(tenant.StandardSections.Count + 1, NewRows).Select(i => new SectionForm { Order = i, Enabled = true }),
            ],
            Publishes = tenant.PublishesSubmittedResponses,
            TwoFactor = tenant.TwoFactorRequirement,
        };

        public SettingsInput ToInput() => new(ReminderDays, [.. Sections.Select(s => new SectionInput(s.Name, s.Order, s.Enabled))], Publishes, TwoFactor);
    }

    public sealed class SectionForm
    {
        public string? Name { get; set; }

        public int Order { get; set; }

        public bool Enabled { get; set; }
    }
}
