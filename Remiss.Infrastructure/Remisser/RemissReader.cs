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
        var remiss = await RemissAsync(id, cancellationToken).ConfigureAwait(false);
        if (remiss is null)
        {
            return null;
        }

        await LoadRecipientsAsync(db.Recipients.Where(r => r.RemissId == id), cancellationToken).ConfigureAwait(false);
        return remiss;
    }

    /// <summary>
    /// The remiss with only the recipients that are the given organisations, each with its anstånd and its whole
    /// yttrande (answers and bilagor): what a recipient's own pages need of a remiss sent to hundreds. The remiss
    /// knows it holds only some recipients (<see cref="Domain.Remisser.Remiss.HasAllRecipients"/>), so the rules over
    /// all of them refuse to run on it.
    /// </summary>
    public async Task<Domain.Remisser.Remiss?> FindForOrganisationsAsync(Guid id, IReadOnlySet<Guid> organisationIds, CancellationToken cancellationToken)
    {
        var remiss = await RemissAsync(id, cancellationToken).ConfigureAwait(false);
        if (remiss is null)
        {
            return null;
        }

        remiss.LoadedWithSomeRecipientsOnly();
        var ids = organisationIds.ToList();

        // A handful of rows (the user's recipient, its few anstånd, its one yttrande): one query, then the yttrande's
        // answers and bilagor. The owners' own page has no recipient of theirs and stops after the first.
        var mine = await db.Recipients
            .Where(r => r.RemissId == id && ids.Contains(r.OrganisationId))
            .Include(r => r.Extensions)
            .Include(r => r.Response)
            .AsSingleQuery()
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var responses = mine.Select(r => r.Response?.Id).OfType<Guid>().ToList();
        if (responses.Count > 0)
        {
            await db.Answers.Where(a => responses.Contains(a.ResponseId)).LoadAsync(cancellationToken).ConfigureAwait(false);
            await db.Set<Domain.Remisser.ResponseAttachment>().Where(a => responses.Contains(a.ResponseId)).LoadAsync(cancellationToken).ConfigureAwait(false);
        }

        return remiss;
    }

    /// <summary>
    /// The remiss with its questions and bilagor in one query: a remiss has tens of questions and a few bilagor, so the
    /// rows their product makes cost less than two more round trips on every page.
    /// </summary>
    private Task<Domain.Remisser.Remiss?> RemissAsync(Guid id, CancellationToken cancellationToken) =>
        db.Remisser
            .Include(r => r.Questions)
            .Include(r => r.Attachments)
            .AsSingleQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>
    /// The recipients' parts by plain queries on their own keys, joined up by the change tracker: on a remiss of 300
    /// recipients about 40 % cheaper than EF's split includes through the remiss.
    /// </summary>
    private async Task LoadRecipientsAsync(IQueryable<Domain.Remisser.Recipient> recipients, CancellationToken cancellationToken)
    {
        await recipients.LoadAsync(cancellationToken).ConfigureAwait(false);
        await db.Extensions.Where(e => recipients.Any(r => r.Id == e.RecipientId)).LoadAsync(cancellationToken).ConfigureAwait(false);
        await db.Responses.Where(x => recipients.Any(r => r.Id == x.RecipientId)).LoadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A remiss with one recipient's whole yttrande: answers and bilagor.</summary>
    public async Task<Domain.Remisser.Remiss?> FindWithResponseAsync(Guid id, Guid recipientId, CancellationToken cancellationToken)
    {
        var remiss = await FindWithRecipientsAsync(id, cancellationToken).ConfigureAwait(false);
        if (remiss?.Recipients.SingleOrDefault(r => r.Id == recipientId) is { } recipient)
        {
            await LoadYttrandeAsync(recipient, cancellationToken).ConfigureAwait(false);
        }

        return remiss;
    }

    /// <summary>Loads the answers and bilagor of a loaded recipient's yttrande, if it has one.</summary>
    public async Task LoadYttrandeAsync(Domain.Remisser.Recipient recipient, CancellationToken cancellationToken)
    {
        if (recipient.Response is { } response)
        {
            await db.Entry(response).Collection(r => r.Answers).LoadAsync(cancellationToken).ConfigureAwait(false);
            await db.Entry(response).Collection(r => r.Attachments).LoadAsync(cancellationToken).ConfigureAwait(false);
        }
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
        await db.Organisations.Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);

    /// <summary>The names of just these organisations of the current tenant.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> OrganisationNamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Organisations.Where(o => wanted.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
    }
}
