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

/// <summary>`Avstå från att yttra sig`, with an optional reason; the owners are told.</summary>
public sealed class DeclineModel(
    ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, UserMemberships memberships, ResponseWriting writing)
    : ResponsePageModel(tenantContext, reader, authorization, memberships)
{
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

        try
        {
            await writing.DeclineAsync(Remiss, Recipient, Reason, UserId, cancellationToken);
            TempData["StatusMessage"] = "Ni har avstått från att yttra er. Avsändaren har fått besked.";
            return Redirect(ResponseUrl);
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.AllAt("Reason"));
            return Page();
        }
    }
}
