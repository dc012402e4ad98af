namespace Remiss.Web.Pages.Tenant.Remisser.Responses;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Infrastructure.Documents;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>
/// One recipient's yttrande as a Word file, for the remiss's owners and the recipient's own members; a member
/// of another recipient, another tenant, or a recipient without an yttrande gets 404.
/// </summary>
public sealed class ResponseWordModel(ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, WordDocuments documents)
    : RemissPageModel(tenantContext, reader, authorization)
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid recipientId, CancellationToken cancellationToken) =>
        await LoadRecipientForReaderAsync(id, recipientId, cancellationToken) is { Response: not null } recipient
            ? Download(await documents.ResponseAsync(Remiss, recipient, cancellationToken))
            : NotFound();
}
