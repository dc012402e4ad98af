namespace Remiss.Web.Pages.Tenant.Admin.Users;

using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Administration;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>Invites a person by e-mail: the account is made without a password and the invitation is queued with it.</summary>
public sealed class InviteModel(ITenantContext tenantContext, TenantUsers users, OrganisationDirectory directory) : AdminPageModel(tenantContext)
{
    [BindProperty]
    public UserForm Input { get; set; } = new();

    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Ange e-postadressen.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await users.InviteAsync(Input.ToInput(), UserName, cancellationToken);
            TempData["StatusMessage"] = $"Inbjudan skickad till {Input.Email!.Trim()}.";
            return Redirect($"{AdminUrl}/anvandare");
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.User);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Organisations = SwedishOrder.By((await directory.ListAsync(cancellationToken)).Select(r => r.Organisation).Where(o => !o.IsRetired), o => o.Name);
}
