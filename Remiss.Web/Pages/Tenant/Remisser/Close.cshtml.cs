namespace Remiss.Web.Pages.Tenant.Remisser;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>
/// `Stäng remissen` → this confirmation (how many have answered, who can no longer answer, that it cannot be undone
/// here) → `Bekräfta och stäng`. Owners only. The post carries the version of the remiss the owner confirmed: a post
/// without it did not come from this page and is sent to it; one made after the remiss changed is shown again.
/// </summary>
public sealed class CloseModel(ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, RemissSending sending, RemissQueries queries)
    : RemissPageModel(tenantContext, reader, authorization)
{
    /// <summary>The version of the remiss the page showed.</summary>
    [BindProperty]
    public int? Version { get; set; }

    public int Recipients { get; private set; }

    public int Answered { get; private set; }

    public int Declined { get; private set; }

    public bool CanClose => Remiss.Status == RemissStatus.Sent;

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
            return Redirect($"{RemissUrl}/stang");
        }

        try
        {
            if (confirmed != Remiss.Version)
            {
                throw new DomainException(Field.Form, RefusalKey.ChangedSinceConfirmation);
            }

            await sending.CloseAsync(Remiss, cancellationToken);
            TempData["StatusMessage"] = "Remissen är stängd. Inga fler svar tas emot. Avsluta remissen när synpunkterna är bemötta.";
            return Redirect(RemissUrl);
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.Top);
            await ShowAsync(cancellationToken);
            return Page();
        }
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        if (!CanClose)
        {
            if (ModelState.IsValid)
            {
                AddRefusal(new DomainException(Field.Form, RefusalKey.CloseOnlyWhenSent), FormFields.Top);
            }

            return;
        }

        var rows = await queries.FollowUpRowsAsync(Remiss.Id, cancellationToken);
        Recipients = rows.Count;
        Answered = rows.Count(r => r.Status is RecipientStatus.Submitted or RecipientStatus.Declined);
        Declined = rows.Count(r => r.Status == RecipientStatus.Declined);
        Version = Remiss.Version;
    }
}
