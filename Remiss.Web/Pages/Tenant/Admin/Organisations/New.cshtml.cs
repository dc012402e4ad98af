namespace Remiss.Web.Pages.Tenant.Admin.Organisations;

using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Infrastructure.Administration;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>Adds a nämnd, bolag, förvaltning or external organisation to the directory.</summary>
public sealed class NewModel(ITenantContext tenantContext, OrganisationDirectory directory) : AdminPageModel(tenantContext)
{
    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var organisation = await directory.AddAsync(Input.ToInput(), cancellationToken);
            TempData["StatusMessage"] = $"{organisation.Name} har lagts till.";
            return Redirect($"{AdminUrl}/organisationer");
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.Organisation);
            return Page();
        }
    }
}
