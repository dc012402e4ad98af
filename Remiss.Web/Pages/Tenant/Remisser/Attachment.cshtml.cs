namespace Remiss.Web.Pages.Tenant.Remisser;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Files;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>
/// Streams a bilaga of the remiss to whoever may read the remiss, as a download with its cleaned name, its
/// real type and nosniff, so a browser never runs it as a page.
/// </summary>
public sealed class AttachmentModel(ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, IFileStorage storage)
    : RemissPageModel(tenantContext, reader, authorization)
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Policies.RemissReader, cancellationToken)
            || Remiss.Attachments.SingleOrDefault(a => a.Id == attachmentId) is not { } attachment)
        {
            return NotFound();
        }

        var content = await storage.OpenReadAsync(Tenant.Id, attachment.StorageKey, cancellationToken);
        return Download(content, attachment);
    }
}
