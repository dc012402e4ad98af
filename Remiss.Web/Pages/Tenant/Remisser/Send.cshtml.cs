namespace Remiss.Web.Pages.Tenant.Remisser;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>
/// `Skicka remiss` → this confirmation (recipients, deadline, the invitation) → `Bekräfta och skicka`. A draft that
/// can't be sent goes back to its form, where each reason stands next to its field.
/// </summary>
public sealed class SendModel(ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, RemissSending sending)
    : RemissPageModel(tenantContext, reader, authorization)
{
    public IReadOnlyList<string> RecipientNames { get; private set; } = [];

    public EmailContent Invitation { get; private set; } = new(string.Empty, string.Empty, string.Empty);

    public int AddressCount { get; private set; }

    public bool ShortNotice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadDraftAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadDraftAsync(id, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        try
        {
            var invited = await sending.SendAsync(Remiss, cancellationToken);
            TempData["StatusMessage"] = $"Remissen är skickad till {SwedishPlural.Count(Remiss.Recipients.Count, "remissinstans", "remissinstanser")}. {SwedishPlural.Count(invited, "inbjudan", "inbjudningar")} går ut med e-post.";
            return Redirect(RemissUrl);
        }
        catch (DomainException refusal)
        {
            // Something changed since the confirmation was shown: the form says what, next to its fields. A refusal
            // about no field of the form (a recipient retired meanwhile) stays here, above the confirmation.
            if (Remiss.ProblemsBeforeSending(sending.Today).Count > 0)
            {
                return Redirect(ProblemsUrl);
            }

            AddRefusal(refusal);
            return Page();
        }
    }

    /// <summary>The draft's form with what stops it from being sent next to each field.</summary>
    private string ProblemsUrl => $"{RemissUrl}/redigera?handler=Problems";

    private async Task<IActionResult?> LoadDraftAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Policies.RemissOwner, cancellationToken))
        {
            return NotFound();
        }

        if (!Remiss.IsDraft)
        {
            TempData["StatusMessage"] = "Remissen är redan skickad.";
            return Redirect(RemissUrl);
        }

        if (Remiss.ProblemsBeforeSending(sending.Today).Count > 0)
        {
            return Redirect(ProblemsUrl);
        }

        ShortNotice = Remiss.HasShortNotice(sending.Today);
        await IncludeNamesAsync(Remiss.RecipientOrganisationIds, cancellationToken);
        RecipientNames = SwedishOrder.By(Remiss.Recipients.Select(r => OrganisationName(r.OrganisationId)), n => n);
        (Invitation, AddressCount) = await sending.PreviewInvitationAsync(Remiss, cancellationToken);
        return null;
    }
}
