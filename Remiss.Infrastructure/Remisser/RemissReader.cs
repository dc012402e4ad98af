namespace Remiss.Infrastructure.Remisser;

using Microsoft.EntityFrameworkCore;
using Remiss.Infrastructure.Persistence;

/// <summary>Loads a remiss aggregate of the current tenant (the tenant filter makes another tenant's id a miss).</summary>
public sealed class RemissReader(AppDbContext db)
{
    public Task<Domain.Remisser.Remiss?> FindWithRecipientsAsync(Guid id, CancellationToken cancellationToken) =>
        db.Remisser
            .Include(r => r.Questions)
            .Include(r => r.Recipients)
            .Include(r => r.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>Organisation names by id for the current tenant.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> OrganisationNamesAsync(CancellationToken cancellationToken) =>
        await db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
}
