namespace Remiss.Web.Pages.Tenant.Remisser.Responses;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Infrastructure.Files;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>A bilaga of an yttrande (a protokollsutdrag, say), for the remiss's owners and the recipient's own members.</summary>
public sealed class ResponseAttachmentModel(
    ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, IFileStorage storage)
    : RemissPageModel(tenantContext, reader, authorization)
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid recipientId, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (await LoadRecipientForReaderAsync(id, recipientId, cancellationToken) is not { } recipient
            || recipient.Response?.Attachments.SingleOrDefault(a => a.Id == attachmentId) is not { } attachment)
        {
            return NotFound();
        }

        var content = await storage.OpenReadAsync(Tenant.Id, attachment.StorageKey, cancellationToken);
        return Download(content, attachment);
    }
}
