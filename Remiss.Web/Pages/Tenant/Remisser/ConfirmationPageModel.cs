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
/// A page that confirms one irreversible act on a remiss (closing, withdrawing, deleting a draft): owners only; the
/// page says what will happen, and its post carries the version of the remiss the owner confirmed. A post without it
/// did not come from the page and is sent to it; one made after the remiss changed is refused and shown again.
/// </summary>
public abstract class ConfirmationPageModel(ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization)
    : RemissPageModel(tenantContext, reader, authorization)
{
    /// <summary>The version of the remiss the page showed.</summary>
    [BindProperty]
    public int? Version { get; set; }

    /// <summary>Whether the remiss is in the state the act needs; else the page says why and offers no button.</summary>
    public abstract bool CanConfirm { get; }

    /// <summary>The page's own path under the remiss, e.g. "stang".</summary>
    protected abstract string PagePath { get; }

    /// <summary>The refusal shown when the remiss is not in the state the act needs.</summary>
    protected abstract string NotNowRefusal { get; }

    /// <summary>Where a refusal of the act is shown: at the top unless a page has a field of its own.</summary>
    protected virtual FormFields RefusalFields => FormFields.Top;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Policies.RemissOwner, cancellationToken))
        {
            return NotFound();
        }

        await ShowAsync(cancellationToken);
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
            return Redirect($"{RemissUrl}/{PagePath}");
        }

        try
        {
            if (confirmed != Remiss.Version)
            {
                throw new DomainException(Field.Form, RefusalKey.ChangedSinceConfirmation);
            }

            return await ConfirmAsync(cancellationToken);
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, RefusalFields);
            await ShowAsync(cancellationToken);
            return Page();
        }
    }

    /// <summary>Does the act, confirmed for the version shown; a domain refusal is shown on the page.</summary>
    protected abstract Task<IActionResult> ConfirmAsync(CancellationToken cancellationToken);

    /// <summary>What the page shows of what will happen, read only when the act can be done.</summary>
    protected abstract Task DescribeAsync(CancellationToken cancellationToken);

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        if (!CanConfirm)
        {
            if (ModelState.IsValid)
            {
                AddRefusal(new DomainException(Field.Form, NotNowRefusal), FormFields.Top);
            }

            return;
        }

        await DescribeAsync(cancellationToken);
        Version = Remiss.Version;
    }
}
