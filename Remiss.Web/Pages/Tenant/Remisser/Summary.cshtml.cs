namespace Remiss.Web.Pages.Tenant.Remisser;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Documents;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>
/// The sammanställning as a Word file, at any time, for the remiss's owners only; <c>?bilagor=true</c> adds
/// every yttrande in full. Recipients, other members and other tenants get 404.
/// </summary>
public sealed class SummaryModel(ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, WordDocuments documents)
    : RemissPageModel(tenantContext, reader, authorization)
{
    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "bilagor")] bool withResponses, CancellationToken cancellationToken) =>
        await LoadAsync(id, Policies.RemissOwner, cancellationToken)
            ? Download(await documents.SummaryAsync(Remiss, withResponses, cancellationToken))
            : NotFound();
}
