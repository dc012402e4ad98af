namespace Remiss.Infrastructure.Remisser;

using Microsoft.EntityFrameworkCore;
using Remiss.Infrastructure.Persistence;

/// <summary>Loads a remiss aggregate of the current tenant (the tenant filter makes another tenant's id a miss).</summary>
public sealed class RemissReader(AppDbContext db)
{
    public Task<Domain.Remisser.Remiss?> FindWithRecipientsAsync(Guid id, CancellationToken cancellationToken) =>
        db.Remisser
            .Include(r => r.Questions)
            .Include(r => r.Recipients).ThenInclude(r => r.Extensions)
            .Include(r => r.Recipients).ThenInclude(r => r.Response)
            .Include(r => r.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

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

    /// <summary>Organisation names by id for the current tenant.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> OrganisationNamesAsync(CancellationToken cancellationToken) =>
        await db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
}
