namespace Remiss.Infrastructure.Remisser;

using Microsoft.EntityFrameworkCore;
using Remiss.Infrastructure.Persistence;

/// <summary>Loads a remiss aggregate of the current tenant (the tenant filter makes another tenant's id a miss).</summary>
public sealed class RemissReader(AppDbContext db, Tenancy.ITenantContext tenantContext)
{
    /// <summary>
    /// The remiss with its questions, bilagor, recipients, their anstånd and yttranden (without answers). The
    /// recipients' parts are loaded by plain queries on their own keys and joined up by the change tracker, which on
    /// a remiss of 300 recipients costs about 40 % less than EF's split includes through the remiss.
    /// </summary>
    public async Task<Domain.Remisser.Remiss?> FindWithRecipientsAsync(Guid id, CancellationToken cancellationToken)
    {
        var remiss = await db.Remisser
            .Include(r => r.Questions)
            .Include(r => r.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            .ConfigureAwait(false);
        if (remiss is null)
        {
            return null;
        }

        var recipients = db.Recipients.Where(r => r.RemissId == id);
        await recipients.LoadAsync(cancellationToken).ConfigureAwait(false);
        await db.Extensions.Where(e => recipients.Any(r => r.Id == e.RecipientId)).LoadAsync(cancellationToken).ConfigureAwait(false);
        await db.Responses.Where(x => recipients.Any(r => r.Id == x.RecipientId)).LoadAsync(cancellationToken).ConfigureAwait(false);
        return remiss;
    }

    /// <summary>A remiss with one recipient's whole yttrande: answers and bilagor.</summary>
    public async Task<Domain.Remisser.Remiss?> FindWithResponseAsync(Guid id, Guid recipientId, CancellationToken cancellationToken)
    {
        var remiss = await FindWithRecipientsAsync(id, cancellationToken).ConfigureAwait(false);
        if (remiss?.Recipients.SingleOrDefault(r => r.Id == recipientId)?.Response is { } response)
        {
            await db.Entry(response).Collection(r => r.Answers).LoadAsync(cancellationToken).ConfigureAwait(false);
            await db.Entry(response).Collection(r => r.Attachments).LoadAsync(cancellationToken).ConfigureAwait(false);
        }

        return remiss;
    }

    /// <summary>The yttrande as stored right now, untracked: what the other editor saved, to show beside one's own.</summary>
    public Task<Domain.Remisser.Response?> StoredResponseAsync(Guid recipientId, CancellationToken cancellationToken) =>
        db.Responses.AsNoTracking()
            .Include(r => r.Answers)
            .Include(r => r.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.RecipientId == recipientId, cancellationToken);

    /// <summary>The display name of a user of the current tenant, for "senast sparat av".</summary>
    public async Task<string> UserNameAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId && u.TenantId == tenantContext.TenantId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
        ?? string.Empty;

    /// <summary>Organisation names by id for the current tenant.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> OrganisationNamesAsync(CancellationToken cancellationToken) =>
        await db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
}
