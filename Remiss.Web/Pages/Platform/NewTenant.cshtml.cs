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

            // The form shows the kortnamn as it was made (of the name, if none was typed), so the operator sees the address.
            Input.Slug = TenantProvisioning.SlugOf(input) is { Length: > 0 } slug ? slug : Input.Slug;
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
