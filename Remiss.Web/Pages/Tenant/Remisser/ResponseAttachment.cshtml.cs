namespace Remiss.Web.Pages.Tenant.Remisser;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Files;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>A bilaga of an yttrande (a protokollsutdrag, say), for the remiss's owners and the recipient's own members.</summary>
public sealed class ResponseAttachmentModel(
    ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, IFileStorage storage)
    : RemissPageModel(tenantContext, reader, authorization)
{
    private readonly IAuthorizationService _authorization = authorization;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid recipientId, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Policies.RemissReader, cancellationToken)
            || Remiss.Recipients.SingleOrDefault(r => r.Id == recipientId) is not { } recipient)
        {
            return NotFound();
        }

        var allowed = await IsOwnerAsync() || (await _authorization.AuthorizeAsync(User, recipient, Policies.RecipientMember)).Succeeded;
        if (!allowed || await Reader.FindWithResponseAsync(id, recipientId, cancellationToken) is null
            || recipient.Response?.Attachments.SingleOrDefault(a => a.Id == attachmentId) is not { } attachment)
        {
            return NotFound();
        }

        var content = await storage.OpenReadAsync(Tenant.Id, attachment.StorageKey, cancellationToken);
        return Download(content, attachment);
    }
}
