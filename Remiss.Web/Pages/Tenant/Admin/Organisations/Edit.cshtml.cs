namespace Remiss.Web.Pages.Tenant.Admin.Organisations;

using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Administration;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>Edits an organisation, retires or reinstates it. Another tenant's organisation is not found.</summary>
public sealed class EditModel(ITenantContext tenantContext, OrganisationDirectory directory) : AdminPageModel(tenantContext)
{
    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    public Organisation Organisation { get; private set; } = null!;

    /// <summary>The name as stored, for the heading, whatever the form holds.</summary>
    public string StoredName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id, cancellationToken) is not { } organisation)
        {
            return NotFound();
        }

        Organisation = organisation;
        StoredName = organisation.Name;
        Input = OrganisationForm.Of(organisation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id, cancellationToken) is not { } organisation)
        {
            return NotFound();
        }

        Organisation = organisation;
        StoredName = organisation.Name;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await directory.UpdateAsync(organisation, Input.ToInput(), cancellationToken);
            TempData["StatusMessage"] = $"{organisation.Name} har sparats.";
            return Redirect($"{AdminUrl}/organisationer");
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.Organisation);
            return Page();
        }
    }

    public Task<IActionResult> OnPostRetireAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, directory.RetireAsync, "{0} är avvecklad.", cancellationToken);

    public Task<IActionResult> OnPostReinstateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, directory.ReinstateAsync, "{0} är återinförd.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Organisation, CancellationToken, Task> change, string done, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id, cancellationToken) is not { } organisation)
        {
            return NotFound();
        }

        Organisation = organisation;
        StoredName = organisation.Name;
        Input = OrganisationForm.Of(organisation);
        ModelState.Clear();
        try
        {
            await change(organisation, cancellationToken);
            TempData["StatusMessage"] = string.Format(Text.Swedish, done, organisation.Name);
            return Redirect($"{AdminUrl}/organisationer/{organisation.Id}");
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal);
            return Page();
        }
    }
}
