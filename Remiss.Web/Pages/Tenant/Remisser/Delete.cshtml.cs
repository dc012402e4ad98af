namespace Remiss.Web.Pages.Tenant.Remisser;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>
/// `Ta bort utkast` → this confirmation (what goes with it, that it cannot be undone) → `Bekräfta och ta bort`. Owners
/// only, and only a draft: the domain refuses any other. As on <see cref="CloseModel"/>, the post carries the version of
/// the draft the owner confirmed.
/// </summary>
public sealed class DeleteModel(ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, RemissDrafts drafts)
    : RemissPageModel(tenantContext, reader, authorization)
{
    /// <summary>The version of the draft the page showed.</summary>
    [BindProperty]
    public int? Version { get; set; }

    public bool CanDelete => Remiss.IsDraft;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Policies.RemissOwner, cancellationToken))
        {
            return NotFound();
        }

        Show();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Policies.RemissOwner, cancellationToken))
        {
            return NotFound();
        }

        if (Version is not { } confirmed)
        {
            return Redirect($"{RemissUrl}/ta-bort");
        }

        try
        {
            if (confirmed != Remiss.Version)
            {
                throw new DomainException(Field.Form, RefusalKey.ChangedSinceConfirmation);
            }

            var title = Remiss.Title;
            await drafts.DeleteAsync(Remiss, cancellationToken);
            TempData["StatusMessage"] = $"Utkastet ”{title}” är borttaget.";
            return Redirect($"/{TenantSlug}/remisser");
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.Top);
            Show();
            return Page();
        }
    }

    private void Show()
    {
        if (!CanDelete)
        {
            if (ModelState.IsValid)
            {
                AddRefusal(new DomainException(Field.Form, RefusalKey.DeleteOnlyDraft), FormFields.Top);
            }

            return;
        }

        Version = Remiss.Version;
    }
}
