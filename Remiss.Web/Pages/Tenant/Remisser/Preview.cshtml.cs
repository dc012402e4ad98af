namespace Remiss.Web.Pages.Tenant.Remisser;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.RichText;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>"Förhandsgranska": the remiss exactly as a recipient will see it, through the same partial.</summary>
public sealed class PreviewModel(ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, RichTextSanitizer sanitizer)
    : RemissPageModel(tenantContext, reader, authorization)
{
    public RemissDocumentView Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Policies.RemissOwner, cancellationToken))
        {
            return NotFound();
        }

        await IncludeNamesAsync(Remiss.RecipientOrganisationIds, cancellationToken);
        Document = new RemissDocumentView(
            Remiss,
            sanitizer.Sanitize(Remiss.Description),
            OrganisationName(Remiss.OwnerOrganisationId),
            Remiss.Deadline,
            RemissUrl,
            SwedishOrder.By(Remiss.Recipients.Select(r => OrganisationName(r.OrganisationId)), n => n));
        return Page();
    }
}
