namespace Remiss.Web.Pages.Platform;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Remiss.Domain.Common;
using Remiss.Infrastructure.Platform;
using Remiss.Web.Refusals;

/// <summary>Creates a tenant with its first tenant administrator, who is invited by e-mail.</summary>
public sealed class NewTenantModel(TenantProvisioning provisioning) : PageModel
{
    [BindProperty]
    public NewTenantForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = new NewTenantInput(Input.Name, Input.Slug, Input.TimeZoneId, Input.AdminEmail, Input.AdminName);
        try
        {
            var tenant = await provisioning.CreateAsync(input, cancellationToken);
            TempData["StatusMessage"] = $"{tenant.Name} är skapad. En inbjudan har skickats till {Input.AdminEmail!.Trim()}.";
            return Redirect("/plattform");
        }
        catch (DomainException refusal)
        {
            this.AddRefusal(refusal, FormFields.NewTenant);

            // With no kortnamn typed, the form shows the one made of the name, so the operator sees the address.
            if (string.IsNullOrWhiteSpace(Input.Slug))
            {
                Input.Slug = TenantProvisioning.SlugOf(input);
            }

            return Page();
        }
    }

    public sealed class NewTenantForm
    {
        public string? Name { get; set; }

        public string? Slug { get; set; }

        public string? TimeZoneId { get; set; } = TenantCalendar.DefaultTimeZoneId;

        public string? AdminName { get; set; }

        public string? AdminEmail { get; set; }
    }
}
