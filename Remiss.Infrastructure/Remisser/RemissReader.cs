namespace Remiss.Infrastructure.Remisser;

using Microsoft.EntityFrameworkCore;
using Remiss.Infrastructure.Persistence;

/// <summary>
/// Loads the two aggregates of a remiss, each whole, of the current tenant (the tenant filter makes another tenant's
/// id a miss): the remiss with its questions, bilagor and recipients' organisations, and one remissinstans with its
/// yttrande, answers, bilagor and anstånd.
/// </summary>
public sealed class RemissReader(AppDbContext db, Tenancy.ITenantContext tenantContext)
{
    /// <summary>
    /// The remiss with its questions and bilagor in one query (tens of questions and a few bilagor make fewer rows
    /// than two more round trips would cost), then its recipients' entries: two columns of each remissinstans's row,
    /// never the rows themselves, read with a plain reader (<see cref="PlainRows"/>), so a remiss of 300 recipients
    /// costs little more to read than one of three.
    /// </summary>
    public async Task<Domain.Remisser.Remiss?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var remiss = await db.Remisser
            .Include(r => r.Questions)
            .Include(r => r.Attachments)
            .AsSingleQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            .ConfigureAwait(false);
        if (remiss is null)
        {
            return null;
        }

        var entries = await db.ReadAsync(RecipientEntries(id), row => new Domain.Remisser.RecipientEntry(row.GetGuid(0), row.GetGuid(1)), cancellationToken)
            .ConfigureAwait(false);
        return remiss.WithRecipients(entries);
    }

    /// <summary>The remiss's recipients' entries, in the order of their ids: the recipient's id, then its organisation's.</summary>
    public IQueryable<Domain.Remisser.RecipientEntry> RecipientEntries(Guid remissId) =>
        db.Recipients.Where(r => r.RemissId == remissId).OrderBy(r => r.Id).Select(r => new Domain.Remisser.RecipientEntry(r.Id, r.OrganisationId));

    /// <summary>
    /// The remissinstans with <paramref name="recipientId"/>, whole: its anstånd and its yttrande with answers and
    /// bilagor, under its remiss's terms as they stand. Its rules never run on a part of it.
    /// </summary>
    public async Task<Domain.Remisser.Recipient?> FindRecipientAsync(Guid recipientId, CancellationToken cancellationToken)
    {
        // A handful of rows (the recipient, its few anstånd, its one yttrande): one query, then the yttrande's
        // answers and bilagor by its key.
        var recipient = await db.Recipients
            .Include(r => r.Extensions)
            .Include(r => r.Response)
            .AsSingleQuery()
            .SingleOrDefaultAsync(r => r.Id == recipientId, cancellationToken)
            .ConfigureAwait(false);
        if (recipient is null)
        {
            return null;
        }

        if (recipient.Response is { } response)
        {
            await db.Entry(response).Collection(r => r.Answers).LoadAsync(cancellationToken).ConfigureAwait(false);
            await db.Entry(response).Collection(r => r.Attachments).LoadAsync(cancellationToken).ConfigureAwait(false);
        }

        return recipient.Under(await TermsAsync(recipient.RemissId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Every remissinstans of the remiss, each whole as <see cref="FindRecipientAsync"/> loads one: for what reads
    /// all the answers at once (the sammanställning) and for arranging data in tests.
    /// </summary>
    public async Task<IReadOnlyList<Domain.Remisser.Recipient>> RecipientsOfAsync(Guid remissId, CancellationToken cancellationToken)
    {
        // Plain queries on their own keys, joined up by the change tracker: on a remiss of 300 recipients cheaper
        // than EF's split includes.
        var recipients = db.Recipients.Where(r => r.RemissId == remissId);
        var loaded = await recipients.ToListAsync(cancellationToken).ConfigureAwait(false);
        await db.Extensions.Where(e => recipients.Any(r => r.Id == e.RecipientId)).LoadAsync(cancellationToken).ConfigureAwait(false);
        var responses = db.Responses.Where(x => recipients.Any(r => r.Id == x.RecipientId));
        await responses.LoadAsync(cancellationToken).ConfigureAwait(false);
        await db.Answers.Where(a => responses.Any(x => x.Id == a.ResponseId)).LoadAsync(cancellationToken).ConfigureAwait(false);
        await db.Set<Domain.Remisser.ResponseAttachment>().Where(a => responses.Any(x => x.Id == a.ResponseId)).LoadAsync(cancellationToken).ConfigureAwait(false);
        var terms = await TermsAsync(remissId, cancellationToken).ConfigureAwait(false);
        return [.. loaded.Select(r => r.Under(terms))];
    }

    /// <summary>
    /// What a remissinstans needs of its remiss: from the remiss this request already loaded, so both agree, or else
    /// read (status, deadline and questions; never its recipients).
    /// </summary>
    private async Task<Domain.Remisser.RemissTerms> TermsAsync(Guid remissId, CancellationToken cancellationToken)
    {
        if (db.Remisser.Local.FindEntry(remissId)?.Entity is { } loaded)
        {
            return loaded.Terms;
        }

        var remiss = await db.Remisser.AsNoTracking().Where(r => r.Id == remissId).Select(r => new { r.Status, r.Deadline }).SingleAsync(cancellationToken).ConfigureAwait(false);
        var questions = await db.Questions.AsNoTracking().Where(q => q.RemissId == remissId).OrderBy(q => q.Number).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new Domain.Remisser.RemissTerms(remissId, remiss.Status, remiss.Deadline, questions);
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
        await db.Users.Where(u => u.Id == userId && db.TenantAccesses.Any(a => a.UserId == userId && a.TenantId == tenantContext.TenantId)).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
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
