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

/// <summary>Read models for lists. The queries are public so a test can translate them to SQL Server SQL.</summary>
public sealed class RemissQueries(AppDbContext db, ITenantContext tenantContext, TimeProvider clock)
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
            r.Recipients.Count,
            r.Recipients.Count(x => x.Status == RecipientStatus.Submitted || x.Status == RecipientStatus.Declined));

    /// <summary>"%text%" with the LIKE wildcards in the text escaped; case-insensitive on both providers for a–z.</summary>
    public static string LikePattern(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>Sent (or later) remisser in which any of the organisations is a recipient.</summary>
    public IQueryable<ToAnswerRow> SentTo(IReadOnlyCollection<Guid> organisationIds) =>
        from rc in db.Recipients
        where organisationIds.Contains(rc.OrganisationId) && rc.Remiss.Status != RemissStatus.Draft
        join sender in db.Organisations on rc.Remiss.OwnerOrganisationId equals sender.Id
        join me in db.Organisations on rc.OrganisationId equals me.Id
        orderby rc.Remiss.Deadline
        select new ToAnswerRow(
            rc.RemissId,
            rc.Id,
            rc.Remiss.Title,
            rc.Remiss.Diarienummer,
            sender.Name,
            me.Name,
            rc.Status,
            rc.Remiss.Status,
            rc.Remiss.Deadline!.Value,
            rc.ExtendedDeadline);

    /// <summary>How many påminnelser each recipient of the remiss has been sent (queued or delivered).</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> RemindersSentAsync(Guid remissId, CancellationToken cancellationToken)
    {
        // One påminnelse is one step of the chase, however many addresses it went to; the late notice counts too.
        return await db.Reminders
            .Where(x => x.RemissId == remissId && x.WasSent)
            .GroupBy(x => x.RecipientId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<StartPage> StartPageAsync(IReadOnlySet<Guid> organisationIds, CancellationToken cancellationToken)
    {
        var ids = organisationIds.ToList();
        var owned = await OwnedBy(ids).ToListAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SentTo(ids).ToListAsync(cancellationToken).ConfigureAwait(false);

        var tenant = tenantContext.Tenant ?? throw new InvalidOperationException("No tenant.");
        var calendar = new TenantCalendar(TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZoneId));
        var now = clock.GetUtcNow().UtcDateTime;
        var toAnswer = rows
            .Select(r =>
            {
                var deadline = r.ExtendedDeadline is { } e && e > r.RemissDeadline ? e : r.RemissDeadline;
                var answered = r.Status is RecipientStatus.Submitted or RecipientStatus.Declined;
                var overdue = r.RemissStatus == RemissStatus.Sent && !answered && calendar.IsPast(deadline, now);
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
