namespace Remiss.Infrastructure.Remisser;

using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Documents;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Files;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>What Avsluta remiss will do, as the confirmation page says it before the owner confirms.</summary>
/// <param name="FeedbackRecipients">The remissinstanser that answered or declined: each gets the återkoppling.</param>
/// <param name="Addresses">How many addresses the återkoppling reaches.</param>
/// <param name="Points">The remiss's synpunkter.</param>
/// <param name="PointsWithoutReply">Synpunkter without a bemötande.</param>
/// <param name="PointsWithoutDisposition">Synpunkter without a ställningstagande.</param>
/// <param name="Feedback">The återkoppling as the first of them will get it; null when nobody answered or declined.</param>
public sealed record CompletionPreview(int FeedbackRecipients, int Addresses, int Points, int PointsWithoutReply, int PointsWithoutDisposition, EmailContent? Feedback);

/// <summary>
/// Avsluta remiss: the final sammanställning is built once, from the remiss as it stands when closed, with the office's
/// comments, synpunkter and bemötanden; its bytes are stored and their SHA-256 recorded in the history; the remiss
/// becomes Avslutad (read-only, the domain's rule); and every remissinstans that answered or declined is told
/// (återkoppling), all in one SaveChanges. From then on <see cref="FinalSummaryAsync"/> hands out exactly the stored
/// bytes, to the owners, to those that took part and, where the tenant publishes, to anyone.
/// </summary>
public sealed class RemissCompletion(
    AppDbContext db,
    ITenantContext tenantContext,
    TimeProvider clock,
    WordDocuments documents,
    IFileStorage storage,
    RemissReview review,
    Outbox outbox,
    RemissEmails emails,
    AuditLog audit)
{
    private CurrentTenant Tenant => tenantContext.Tenant ?? throw new InvalidOperationException("No tenant.");

    public async Task<CompletionPreview> PreviewAsync(Remiss remiss, CancellationToken cancellationToken)
    {
        var points = (await review.ReadAsync(remiss.Id, cancellationToken).ConfigureAwait(false)).Points;
        var takingPart = await TakingPartAsync(remiss.Id, cancellationToken).ConfigureAwait(false);
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        var addresses = 0;
        foreach (var recipient in takingPart)
        {
            addresses += (await outbox.AddressesOfOrganisationAsync(recipient.OrganisationId, cancellationToken).ConfigureAwait(false)).Count;
        }

        var first = takingPart.Select(r => names[r.OrganisationId]).Order(SwedishOrder.Comparer).FirstOrDefault();
        return new CompletionPreview(
            takingPart.Count,
            addresses,
            points.Count,
            points.Count(p => string.IsNullOrWhiteSpace(p.Reply)),
            points.Count(p => p.Disposition is null),
            first is null ? null : emails.Completed(Tenant, remiss, names[remiss.OwnerOrganisationId], first));
    }

    /// <summary>Makes the remiss Avslutad; returns how many remissinstanser get the återkoppling.</summary>
    public async Task<int> CompleteAsync(Remiss remiss, CancellationToken cancellationToken)
    {
        // Refused before the document is built: the domain says so again when it changes the status.
        if (remiss.Status != RemissStatus.Closed)
        {
            throw new DomainException(Field.Form, RefusalKey.CompleteOnlyWhenClosed);
        }

        var file = await documents.SummaryAsync(remiss, withResponses: false, cancellationToken).ConfigureAwait(false);
        StoredFile stored;
        await using (file.Content.ConfigureAwait(false))
        {
            stored = await storage.SaveAsync(Tenant.Id, file.Content, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            remiss.Complete(new FinalDocument(stored.StorageKey, stored.Sha256, stored.SizeBytes), now);
            audit.Record(
                AuditAction.RemissCompleted,
                AuditSubjects.Remiss,
                remiss.Id,
                $"Remissen avslutades. Den slutliga sammanställningen sparades ({FileSize.Format(stored.SizeBytes)}, SHA-256 {stored.Sha256}).",
                remiss.Id);

            var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
            var takingPart = await TakingPartAsync(remiss.Id, cancellationToken).ConfigureAwait(false);
            foreach (var recipient in takingPart)
            {
                var content = emails.Completed(Tenant, remiss, names[remiss.OwnerOrganisationId], names[recipient.OrganisationId]);
                await outbox.QueueForOrganisationAsync(Tenant.Id, recipient.OrganisationId, content, EmailReason.Feedback, EmailConcerns.Recipient, recipient.Id, cancellationToken)
                    .ConfigureAwait(false);
            }

            if (takingPart.Count > 0)
            {
                audit.Record(
                    AuditAction.FeedbackSent,
                    AuditSubjects.Remiss,
                    remiss.Id,
                    $"Återkoppling med den slutliga sammanställningen till {string.Join(", ", takingPart.Select(r => names[r.OrganisationId]).Order(SwedishOrder.Comparer))}.",
                    remiss.Id);
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return takingPart.Count;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another owner completed or changed the remiss meanwhile: their document stands, this one goes.
            await storage.DeleteAsync(Tenant.Id, stored.StorageKey, CancellationToken.None).ConfigureAwait(false);
            throw new DomainException(Field.Form, RefusalKey.ChangedConcurrently);
        }
        catch
        {
            // Nothing refers to the file unless the save succeeded; the remiss stays Stängd and can be completed again.
            await storage.DeleteAsync(Tenant.Id, stored.StorageKey, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The stored final sammanställning, exactly its bytes; null unless the remiss is Avslutad.</summary>
    public async Task<WordFile?> FinalSummaryAsync(Remiss remiss, CancellationToken cancellationToken)
    {
        if (remiss.Status != RemissStatus.Completed || remiss.FinalSummary is not { } final)
        {
            return null;
        }

        var content = await storage.OpenReadAsync(remiss.TenantId, final.StorageKey, cancellationToken).ConfigureAwait(false);
        return new WordFile(content, WordDocuments.SummaryFileName(remiss, withResponses: false));
    }

    /// <summary>
    /// Whether one of <paramref name="organisationIds"/> answered or declined this remiss: the återkoppling went to them,
    /// and they may download the final sammanställning. A silent or drafting recipient never took part.
    /// </summary>
    public Task<bool> TookPartAsync(Guid remissId, IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken) =>
        db.Recipients.AnyAsync(
            r => r.RemissId == remissId && organisationIds.Contains(r.OrganisationId) && (r.Status == RecipientStatus.Submitted || r.Status == RecipientStatus.Declined),
            cancellationToken);

    private async Task<List<(Guid Id, Guid OrganisationId)>> TakingPartAsync(Guid remissId, CancellationToken cancellationToken) =>
        [.. (await db.Recipients
            .Where(r => r.RemissId == remissId && (r.Status == RecipientStatus.Submitted || r.Status == RecipientStatus.Declined))
            .Select(r => new { r.Id, r.OrganisationId })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false))
            .Select(r => (r.Id, r.OrganisationId))];

    private async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(CancellationToken cancellationToken) =>
        await db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
}
