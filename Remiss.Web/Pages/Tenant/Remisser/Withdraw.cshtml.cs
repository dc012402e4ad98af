namespace Remiss.Web.Pages.Tenant.Remisser;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>
/// `Återkalla remissen` → this confirmation (who is e-mailed and what, how many have answered, that it cannot be
/// undone) with the reason → `Bekräfta och återkalla`. Owners only. As on <see cref="CloseModel"/>, the post carries
/// the version of the remiss the owner confirmed.
/// </summary>
public sealed class WithdrawModel(ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, RemissSending sending, RemissQueries queries)
    : RemissPageModel(tenantContext, reader, authorization)
{
    /// <summary>The version of the remiss the page showed.</summary>
    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public string? WithdrawalReason { get; set; }

    public int Recipients { get; private set; }

    public int Answered { get; private set; }

    /// <summary>Recipients that get the e-mail: all but those that declined.</summary>
    public int Told { get; private set; }

    public int Addresses { get; private set; }

    public EmailContent Notice { get; private set; } = new(string.Empty, string.Empty, string.Empty);

    public bool CanWithdraw => Remiss.Status == RemissStatus.Sent;

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
            return Redirect($"{RemissUrl}/aterkalla");
        }

        try
        {
            if (confirmed != Remiss.Version)
            {
                throw new DomainException(Field.Form, RefusalKey.ChangedSinceConfirmation);
            }

            await sending.WithdrawAsync(Remiss, WithdrawalReason, cancellationToken);
            TempData["StatusMessage"] = "Remissen är återkallad. Remissinstanserna får besked med e-post.";
            return Redirect(RemissUrl);
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.AllAt(nameof(WithdrawalReason)));
            await ShowAsync(cancellationToken);
            return Page();
        }
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        if (!CanWithdraw)
        {
            if (ModelState.IsValid)
            {
                AddRefusal(new DomainException(Field.Form, RefusalKey.WithdrawOnlyWhenSent), FormFields.Top);
            }

            return;
        }

        var rows = await queries.FollowUpRowsAsync(Remiss.Id, cancellationToken);
        Recipients = rows.Count;
        Answered = rows.Count(r => r.Status is RecipientStatus.Submitted or RecipientStatus.Declined);
        (Notice, Told, Addresses) = await sending.PreviewWithdrawalAsync(Remiss, cancellationToken);
        Version = Remiss.Version;
    }
}
