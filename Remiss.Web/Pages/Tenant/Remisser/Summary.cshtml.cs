namespace Remiss.Web.Pages.Tenant.Remisser;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Documents;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>
/// The sammanställning as a Word file. For the remiss's owners at any time, made as it stands (<c>?bilagor=true</c> adds
/// every yttrande in full); once the remiss is Avslutad, the plain one is the final document stored then, byte for byte,
/// and the remissinstanser that answered or declined get it too. Anyone else, another tenant too, gets 404: recipients
/// never see the office's synpunkter and bemötanden before the remiss is Avslutad.
/// </summary>
public sealed class SummaryModel(
    ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, WordDocuments documents, RemissCompletion completion, UserMemberships memberships)
    : RemissPageModel(tenantContext, reader, authorization)
{
    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "bilagor")] bool withResponses, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Policies.RemissReader, cancellationToken))
        {
            return NotFound();
        }

        if (await IsOwnerAsync())
        {
            return Download(!withResponses && await completion.FinalSummaryAsync(Remiss, cancellationToken) is { } final
                ? final
                : await documents.SummaryAsync(Remiss, withResponses, cancellationToken));
        }

        if (Remiss.Status != RemissStatus.Completed
            || !await completion.TookPartAsync(Remiss.Id, await memberships.OrganisationIdsAsync(User, cancellationToken), cancellationToken))
        {
            return NotFound();
        }

        return await completion.FinalSummaryAsync(Remiss, cancellationToken) is { } stored ? Download(stored) : NotFound();
    }
}
