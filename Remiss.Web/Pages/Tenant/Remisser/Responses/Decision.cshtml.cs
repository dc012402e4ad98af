namespace Remiss.Web.Pages.Tenant.Remisser.Responses;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Responses;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>
/// `Komplettera med beslut`: the nämnd's decision (date, paragraph, protokollsutdrag) added to an yttrande that was
/// submitted as the förvaltning's preliminary answer, without opening its text again. The domain decides who and when.
/// </summary>
public sealed class DecisionModel(
    ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, UserMemberships memberships, ResponseWriting writing)
    : ResponsePageModel(tenantContext, reader, authorization, memberships)
{
    [BindProperty]
    public DecisionKind ConfirmedKind { get; set; } = DecisionKind.BoardDecision;

    [BindProperty]
    public string? ConfirmedDecidedBy { get; set; }

    [BindProperty]
    public DateOnly? ConfirmedDate { get; set; }

    [BindProperty]
    public string? ConfirmedParagraph { get; set; }

    [BindProperty]
    public IFormFile? Protokollsutdrag { get; set; }

    /// <summary>Whether there is a preliminary answer to complete; otherwise the page only leads back to the yttrande.</summary>
    public bool CanComplete =>
        Recipient.Status == RecipientStatus.Submitted
        && Recipient.Response?.Decision?.Kind == DecisionKind.PreliminaryAnswer
        && Remiss.Status is RemissStatus.Sent or RemissStatus.Closed;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadRecipientAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return CanComplete ? Page() : Redirect(ResponseUrl);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadRecipientAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await using var file = Protokollsutdrag is { Length: > 0 } upload ? upload.OpenReadStream() : null;
            await writing.ConfirmDecisionAsync(
                Remiss,
                Recipient,
                new DecisionContent(ConfirmedKind, ConfirmedDecidedBy, ConfirmedDate, ConfirmedParagraph),
                file,
                Protokollsutdrag?.FileName,
                UserId,
                cancellationToken);
            TempData["StatusMessage"] = "Beslutet är sparat och avsändaren har fått besked.";
            return Redirect(ResponseUrl);
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.Decision);
            return Page();
        }
    }

    /// <summary>The first error of the field with model key <paramref name="key"/>, shown next to it.</summary>
    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
