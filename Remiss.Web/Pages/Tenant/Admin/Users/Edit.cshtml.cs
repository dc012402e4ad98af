namespace Remiss.Web.Pages.Tenant.Admin.Users;

using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Administration;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>One user: organisations, admin role, deactivate and reactivate, a new invitation. Another tenant's user is not found.</summary>
public sealed class EditModel(ITenantContext tenantContext, TenantUsers users, OrganisationDirectory directory) : AdminPageModel(tenantContext)
{
    [BindProperty]
    public UserForm Input { get; set; } = new();

    public UserRow Account { get; private set; } = null!;

    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = UserForm.Of(Account);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await users.UpdateAsync(id, Input.ToInput(), UserId, cancellationToken);
            TempData["StatusMessage"] = $"Ändringarna för {Input.DisplayName!.Trim()} har sparats.";
            return Redirect($"{AdminUrl}/anvandare");
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.User);
            return Page();
        }
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, ct => users.DeactivateAsync(id, UserId, ct), "{0} är inaktiverad och kan inte logga in.", cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, ct => users.ReactivateAsync(id, UserId, ct), "{0} är aktiverad igen.", cancellationToken);

    public Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, ct => users.ResendInvitationAsync(id, UserName, ct), "En ny inbjudan har skickats till {0}.", cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, Func<CancellationToken, Task> action, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = UserForm.Of(Account);
        ModelState.Clear();
        try
        {
            await action(cancellationToken);
            TempData["StatusMessage"] = string.Format(Text.Swedish, done, Account.DisplayName);
            return Redirect($"{AdminUrl}/anvandare/{id}");
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await users.FindAsync(id, cancellationToken) is not { } account)
        {
            return false;
        }

        Account = account;
        Organisations = SwedishOrder.By(
            (await directory.ListAsync(cancellationToken)).Select(r => r.Organisation).Where(o => !o.IsRetired || account.OrganisationIds.Contains(o.Id)),
            o => o.Name);
        return true;
    }
}
