namespace Remiss.Infrastructure.Remisser;

using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>A row of a list of remisser, as the start page shows it.</summary>
public sealed record RemissListItem(
    Guid Id,
    string Title,
    string? Diarienummer,
    RemissStatus Status,
    string OwnerName,
    DateOnly? Deadline,
    int RecipientCount,
    int AnsweredCount);

/// <summary>A remiss sent to one of the user's organisations, with that recipient's own status and deadline.</summary>
public sealed record ToAnswerItem(
    Guid RemissId,
    Guid RecipientId,
    string Title,
    string? Diarienummer,
    string SenderName,
    string RecipientName,
    RecipientStatus Status,
    DateOnly Deadline,
    int DaysLeft,
    bool IsOverdue);

public sealed record StartPage(IReadOnlyList<RemissListItem> Owned, IReadOnlyList<ToAnswerItem> ToAnswer);

/// <summary>
/// One recipient of a remiss as its owners follow it, read without loading the aggregate: what the follow-up table of
/// a remiss of hundreds of recipients needs, and nothing of the yttranden's text.
/// </summary>
public sealed record FollowUpRecord(
    Guid RecipientId,
    string Name,
    RecipientStatus Status,
    DateOnly? ExtendedDeadline,
    DateTime? SubmittedAt,
    DateTime? DeclinedAt,
    string? DeclineReason,
    DateTime? LastSavedAt,
    DateTime? LastExtensionRequestedAt,
    bool HasPendingExtension,
    int RemindersSent,
    Domain.Organisations.OrganisationKind Kind,
    DateOnly? RemindedOn)
{
    /// <summary>The latest thing the recipient did: saved, submitted, declined or asked for anstånd.</summary>
    public DateTime? LastActivity => Latest(Latest(LastSavedAt, SubmittedAt), Latest(DeclinedAt, LastExtensionRequestedAt));

    private static DateTime? Latest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
}

/// <summary>An anstånd a recipient has asked for and the owners have not decided.</summary>
public sealed record PendingExtensionItem(Guid RecipientId, Guid ExtensionId, string RecipientName, DateOnly RequestedDeadline, string? Reason);

/// <summary>An anstånd waiting for the owners' decision, as the owner's start page lists it.</summary>
public sealed record WaitingExtensionItem(
    Guid RemissId, string Title, Guid RecipientId, Guid ExtensionId, string RecipientName, DateOnly RequestedDeadline, DateTime RequestedAt);

/// <summary>Read models for lists. The queries are public so a test can translate them to SQL Server SQL.</summary>
public sealed class RemissQueries(AppDbContext db, TenantClock clock)
{
    /// <summary>Remisser owned by any of the organisations, newest deadline last, drafts without deadline at the end.</summary>
    public IQueryable<RemissListItem> OwnedBy(IReadOnlyCollection<Guid> organisationIds, RemissStatus? status = null, string? search = null) =>
        from r in db.Remisser
        where organisationIds.Contains(r.OwnerOrganisationId)
            && (status == null || r.Status == status)
            && (search == null
                || EF.Functions.Like(r.Title, LikePattern(search), "\\")
                || (r.Diarienummer != null && EF.Functions.Like(r.Diarienummer, LikePattern(search), "\\")))
        join o in db.Organisations on r.OwnerOrganisationId equals o.Id
        orderby r.Deadline == null, r.Deadline, r.Title
        select new RemissListItem(
            r.Id,
            r.Title,
            r.Diarienummer,
            r.Status,
            o.Name,
            r.Deadline,
            db.Recipients.Count(x => x.RemissId == r.Id),
            db.Recipients.Count(x => x.RemissId == r.Id && (x.Status == RecipientStatus.Submitted || x.Status == RecipientStatus.Declined)));

    /// <summary>"%text%" with the LIKE wildcards in the text escaped; case-insensitive on both providers for a–z.</summary>
    public static string LikePattern(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>Sent (or later) remisser in which any of the organisations is a recipient.</summary>
    public IQueryable<ToAnswerRow> SentTo(IReadOnlyCollection<Guid> organisationIds) =>
        from rc in db.Recipients
        join remiss in db.Remisser on rc.RemissId equals remiss.Id
        where organisationIds.Contains(rc.OrganisationId) && remiss.Status != RemissStatus.Draft
        join sender in db.Organisations on remiss.OwnerOrganisationId equals sender.Id
        join me in db.Organisations on rc.OrganisationId equals me.Id
        orderby remiss.Deadline
        select new ToAnswerRow(
            rc.RemissId,
            rc.Id,
            remiss.Title,
            remiss.Diarienummer,
            sender.Name,
            me.Name,
            rc.Status,
            remiss.Status,
            remiss.Deadline!.Value,
            rc.ExtendedDeadline);

    /// <summary>
    /// Every recipient of the remiss as the follow-up table shows it, with how many påminnelser it has been sent (one
    /// per step of the chase, however many addresses it went to; the late notice counts too). Unordered: the page
    /// sorts by Swedish rules.
    /// </summary>
    public IQueryable<FollowUpRecord> FollowUp(Guid remissId) =>
        from r in db.Recipients
        where r.RemissId == remissId
        join o in db.Organisations on r.OrganisationId equals o.Id
        select new FollowUpRecord(
            r.Id,
            o.Name,
            r.Status,
            r.ExtendedDeadline,
            r.SubmittedAt,
            r.DeclinedAt,
            r.DeclineReason,
            db.Responses.Where(x => x.RecipientId == r.Id).Max(x => (DateTime?)x.LastSavedAt),
            db.Extensions.Where(e => e.RecipientId == r.Id).Max(e => (DateTime?)e.RequestedAt),
            db.Extensions.Any(e => e.RecipientId == r.Id && e.Status == ExtensionStatus.Requested),
            db.Reminders.Count(x => x.RecipientId == r.Id && x.WasSent),
            o.Kind,
            r.RemindedOn);

    /// <summary>
    /// <see cref="FollowUp"/>'s rows, read with a plain reader (<see cref="PlainRows"/>): the follow-up table of a
    /// remiss of 300 recipients is the largest read of a page. The columns come in the record's order.
    /// </summary>
    public Task<List<FollowUpRecord>> FollowUpRowsAsync(Guid remissId, CancellationToken cancellationToken) =>
        db.ReadAsync(
            FollowUp(remissId),
            row => new FollowUpRecord(
                row.GetGuid(0),
                row.GetString(1),
                Enum.Parse<RecipientStatus>(row.GetString(2)),
                row.DateOrNull(3),
                row.UtcOrNull(4),
                row.UtcOrNull(5),
                row.StringOrNull(6),
                row.UtcOrNull(7),
                row.UtcOrNull(8),
                row.GetBoolean(9),
                row.GetInt32(10),
                Enum.Parse<Domain.Organisations.OrganisationKind>(row.GetString(11)),
                row.DateOrNull(12)),
            cancellationToken);

    /// <summary>
    /// The anstånd that the recipients wait for a decision on: those the follow-up found waiting. Found by recipient,
    /// not by status, so that the tenant's other waiting anstånd are not read.
    /// </summary>
    public IQueryable<PendingExtensionItem> PendingExtensions(IReadOnlyCollection<Guid> recipientIds) =>
        from e in db.Extensions
        where recipientIds.Contains(e.RecipientId) && e.Status == ExtensionStatus.Requested
        join r in db.Recipients on e.RecipientId equals r.Id
        join o in db.Organisations on r.OrganisationId equals o.Id
        select new PendingExtensionItem(r.Id, e.Id, o.Name, e.RequestedDeadline, e.Reason);

    /// <summary>
    /// The anstånd that recipients wait for a decision on in the sent remisser the organisations own, the oldest request
    /// first: what the owner's start page shows at the top.
    /// </summary>
    public IQueryable<WaitingExtensionItem> WaitingExtensions(IReadOnlyCollection<Guid> ownerOrganisationIds) =>
        from e in db.Extensions
        where e.Status == ExtensionStatus.Requested
        join r in db.Recipients on e.RecipientId equals r.Id
        join m in db.Remisser on r.RemissId equals m.Id
        where ownerOrganisationIds.Contains(m.OwnerOrganisationId) && m.Status == RemissStatus.Sent
        join o in db.Organisations on r.OrganisationId equals o.Id
        orderby e.RequestedAt
        select new WaitingExtensionItem(m.Id, m.Title, r.Id, e.Id, o.Name, e.RequestedDeadline, e.RequestedAt);

    /// <summary>The tenant's active organisations that could still be added as recipients: not the owner, not already one.</summary>
    public IQueryable<Domain.Organisations.Organisation> NotYetRecipients(Guid remissId, Guid ownerOrganisationId) =>
        db.Organisations.AsNoTracking()
            .Where(o => !o.IsRetired && o.Id != ownerOrganisationId && !db.Recipients.Any(r => r.RemissId == remissId && r.OrganisationId == o.Id));

    /// <summary>The names of the remiss's recipients, as a recipient sees the list of remissinstanser.</summary>
    public IQueryable<string> RecipientNames(Guid remissId) =>
        from r in db.Recipients
        where r.RemissId == remissId
        join o in db.Organisations on r.OrganisationId equals o.Id
        select o.Name;

    public async Task<StartPage> StartPageAsync(IReadOnlySet<Guid> organisationIds, CancellationToken cancellationToken)
    {
        var ids = organisationIds.ToList();
        var owned = await OwnedBy(ids).ToListAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SentTo(ids).ToListAsync(cancellationToken).ConfigureAwait(false);

        var calendar = clock.Calendar;
        var now = clock.NowUtc;
        var toAnswer = rows
            .Select(r =>
            {
                var deadline = Recipient.DeadlineOf(r.RemissDeadline, r.ExtendedDeadline);
                var overdue = Recipient.IsOverdueOn(calendar.Today(now), r.RemissStatus, r.Status, deadline);
                return new ToAnswerItem(r.RemissId, r.RecipientId, r.Title, r.Diarienummer, r.SenderName, r.RecipientName, r.Status, deadline, calendar.DaysLeft(deadline, now), overdue);
            })
            .OrderByDescending(r => r.IsOverdue)
            .ThenBy(r => r.Deadline)
            .ThenBy(r => r.Title, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), false))
            .ToList();
        return new StartPage(owned, toAnswer);
    }
}

public sealed record ToAnswerRow(
    Guid RemissId,
    Guid RecipientId,
    string Title,
    string? Diarienummer,
    string SenderName,
    string RecipientName,
    RecipientStatus Status,
    RemissStatus RemissStatus,
    DateOnly RemissDeadline,
    DateOnly? ExtendedDeadline);
