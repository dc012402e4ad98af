namespace Remiss.Infrastructure.Publication;

using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Documents;
using Remiss.Infrastructure.Files;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;

/// <summary>One published yttrande as the public list names it.</summary>
public sealed record PublishedResponse(Guid RecipientId, string OrganisationName, DateTime SubmittedAt);

/// <summary>A closed remiss of a publishing tenant and its submitted yttranden, nothing else.</summary>
public sealed record PublishedRemiss(Tenant Tenant, Remiss Remiss, string OwnerName, IReadOnlyList<PublishedResponse> Responses);

/// <summary>
/// The public pages' only way in: read-only, without sign-in. Enters the tenant only when it publishes, and answers
/// "not found" for a remiss that is not closed, for a draft or reopened yttrande, and for anything of another tenant.
/// The final sammanställning of an Avslutad remiss is public with it: the very bytes stored when it was completed.
/// </summary>
public sealed class PublishedRemisser(AppDbContext db, TenantContext tenantContext, RemissReader reader, IFileStorage storage)
{
    public async Task<PublishedRemiss?> FindAsync(string tenantSlug, Guid remissId, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == tenantSlug, cancellationToken).ConfigureAwait(false);
        if (tenant is null || !tenant.PublishesSubmittedResponses || tenant.IsSuspended)
        {
            return null;
        }

        tenantContext.Set(new CurrentTenant(tenant.Id, tenant.Slug, tenant.Name, tenant.TimeZoneId));
        var remiss = await reader.FindAsync(remissId, cancellationToken).ConfigureAwait(false);
        if (remiss is null || !Publication.IsPublished(tenant, remiss))
        {
            return null;
        }

        var names = await reader.OrganisationNamesAsync(cancellationToken).ConfigureAwait(false);
        // The remiss is published, so its submitted yttranden are (Publication's rule on one recipient, as a query).
        var submitted = await db.Recipients
            .Where(r => r.RemissId == remiss.Id && r.Status == RecipientStatus.Submitted && r.Response != null)
            .Select(r => new { r.Id, r.OrganisationId, r.SubmittedAt, ResponseSubmittedAt = r.Response!.SubmittedAt })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var responses = submitted
            .Select(r => new PublishedResponse(r.Id, names[r.OrganisationId], r.SubmittedAt ?? r.ResponseSubmittedAt ?? default))
            .OrderBy(r => r.OrganisationName, SwedishOrder.Comparer)
            .ToList();
        return new PublishedRemiss(tenant, remiss, names[remiss.OwnerOrganisationId], responses);
    }

    /// <summary>The stored final sammanställning of a published remiss; null unless the remiss is published and Avslutad.</summary>
    public async Task<WordFile?> FinalSummaryAsync(string tenantSlug, Guid remissId, CancellationToken cancellationToken)
    {
        var published = await FindAsync(tenantSlug, remissId, cancellationToken).ConfigureAwait(false);
        if (published?.Remiss is not { Status: RemissStatus.Completed, FinalSummary: { } final } remiss)
        {
            return null;
        }

        var content = await storage.OpenReadAsync(published.Tenant.Id, final.StorageKey, cancellationToken).ConfigureAwait(false);
        return new WordFile(content, WordDocuments.SummaryFileName(remiss, withResponses: false));
    }

    /// <summary>One published yttrande with its answers; null unless it is published.</summary>
    public async Task<(PublishedRemiss Remiss, Recipient Recipient)?> FindResponseAsync(string tenantSlug, Guid remissId, Guid recipientId, CancellationToken cancellationToken)
    {
        var published = await FindAsync(tenantSlug, remissId, cancellationToken).ConfigureAwait(false);
        if (published is null || published.Responses.All(r => r.RecipientId != recipientId))
        {
            return null;
        }

        var recipient = await reader.FindRecipientAsync(recipientId, cancellationToken).ConfigureAwait(false);
        return recipient is not null && recipient.RemissId == remissId && Publication.IsPublished(published.Tenant, recipient) ? (published, recipient) : null;
    }
}
