namespace Remiss.Web.Pages.Tenant.Remisser.Responses;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Responses;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>`Begär anstånd` with a wished date and a reason; the owners decide.</summary>
public sealed class ExtensionModel(
    ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, UserMemberships memberships, ResponseWriting writing)
    : ResponsePageModel(tenantContext, reader, authorization, memberships)
{
    [BindProperty]
    public DateOnly? RequestedDeadline { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadRecipientAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadRecipientAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (RequestedDeadline is not { } date)
        {
            ModelState.AddModelError(nameof(RequestedDeadline), "Ange vilket datum ni önskar som sista svarsdag.");
            return Page();
        }

        try
        {
            await writing.RequestExtensionAsync(Remiss, Recipient, date, Reason, UserId, UserName, cancellationToken);
            TempData["StatusMessage"] = "Begäran om anstånd är skickad till avsändaren.";
            return Redirect(ResponseUrl);
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.AllAt(nameof(RequestedDeadline)));
            return Page();
        }
    }
}
