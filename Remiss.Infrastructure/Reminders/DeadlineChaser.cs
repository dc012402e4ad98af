namespace Remiss.Infrastructure.Reminders;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>What one chase of one tenant queued.</summary>
public sealed record ChaseResult(int Reminders, int OverdueNotices, int Digests, int Messages)
{
    public static readonly ChaseResult Nothing = new(0, 0, 0, 0);

    public static ChaseResult operator +(ChaseResult a, ChaseResult b) =>
        new(a.Reminders + b.Reminders, a.OverdueNotices + b.OverdueNotices, a.Digests + b.Digests, a.Messages + b.Messages);
}

/// <summary>
/// Chases one tenant's deadlines: for every recipient that has neither submitted nor declined it queues the påminnelse
/// whose day has come by <see cref="ReminderPlan"/>, the overdue notice the day after the deadline, and once a day
/// a digest of the late ones to each remiss's owners. It decides from stored state — the <see cref="Reminder"/> and
/// <see cref="LateDigest"/> rows — and writes those rows with the e-mails in one transaction, so a run that is
/// repeated, missed or raced by another instance neither loses nor doubles a message: the loser of a race fails on
/// the unique index and writes nothing.
/// </summary>
public sealed partial class DeadlineChaser(
    AppDbContext db, TenantContext tenantContext, Outbox outbox, RemissEmails emails, TimeProvider clock, ILogger<DeadlineChaser> logger)
{
    public async Task<ChaseResult> ChaseTenantAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var current = await TenantScope.EnterAsync(db, tenantContext, tenantId, cancellationToken).ConfigureAwait(false);
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken).ConfigureAwait(false);
        if (current is null || tenant is null || tenant.IsSuspended)
        {
            return ChaseResult.Nothing;
        }

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var calendar = tenant.Calendar();
        var localNow = calendar.Local(nowUtc);
        if (!ReminderPlan.IsSendingTime(localNow))
        {
            return ChaseResult.Nothing;
        }

        var today = DateOnly.FromDateTime(localNow);
        var overrides = await db.Remisser.AsNoTracking()
            .Where(r => r.Status == RemissStatus.Sent && r.ReminderDaysBefore != null)
            .Select(r => new { r.Id, r.ReminderDaysBefore })
            .ToDictionaryAsync(r => r.Id, r => r.ReminderDaysBefore!, cancellationToken)
            .ConfigureAwait(false);
        var longest = overrides.Values.SelectMany(days => days).Concat(tenant.ReminderDaysBefore).DefaultIfEmpty(0).Max();

        // Only recipients whose deadline is near enough for a step, or past, can be due for anything.
        var horizon = today.AddDays(longest);
        var open = OpenRecipientsDueBy(db, horizon);
        var candidates = (await open.ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(r => new OpenRecipient(r.Id, r.RemissId, r.OrganisationId, r.Status, r.Deadline, r.InvitedAt, r.ExtendedOn, r.DeadlineMovedOn))
            .ToList();
        if (candidates.Count == 0)
        {
            return ChaseResult.Nothing;
        }

        var handled = (await StepsTakenFor(db, open)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false))
            .ToLookup(x => x.RecipientId);

        var reminders = new List<(OpenRecipient Recipient, DueReminder Due)>();
        var overdue = new List<OpenRecipient>();
        foreach (var recipient in candidates)
        {
            var done = handled[recipient.Id];
            if (recipient.Deadline < today)
            {
                if (ReminderPlan.OverdueNoticeDue(recipient.Deadline, today, done.Any(x => x.Kind == ReminderKind.Overdue)))
                {
                    overdue.Add(recipient);
                }

                continue;
            }

            var schedule = overrides.TryGetValue(recipient.RemissId, out var own) ? own : tenant.ReminderDaysBefore;
            var knownOn = new[] { recipient.InvitedAt is { } invited ? calendar.Today(invited) : today, recipient.ExtendedOn ?? DateOnly.MinValue, recipient.DeadlineMovedOn ?? DateOnly.MinValue }.Max();
            var steps = done.Where(x => x.Kind == ReminderKind.BeforeDeadline).Select(x => x.DaysBefore).ToHashSet();
            if (ReminderPlan.Due(schedule, recipient.Deadline, today, knownOn, steps) is { } due)
            {
                reminders.Add((recipient, due));
            }
        }

        var lateByRemiss = candidates.Where(c => c.Deadline < today).GroupBy(c => c.RemissId).ToDictionary(g => g.Key, g => g.ToList());
        var digestDone = lateByRemiss.Count == 0
            ? []
            : await db.LateDigests.Where(d => d.Date == today).Select(d => d.RemissId).ToHashSetAsync(cancellationToken).ConfigureAwait(false);
        var digests = lateByRemiss.Keys.Where(id => !digestDone.Contains(id)).ToList();
        if (reminders.Count == 0 && overdue.Count == 0 && digests.Count == 0)
        {
            return ChaseResult.Nothing;
        }

        var result = await QueueAsync(current, today, nowUtc, reminders, overdue, digests, lateByRemiss, cancellationToken).ConfigureAwait(false);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException race) when (race is not DbUpdateConcurrencyException)
        {
            // Another instance chased this tenant at the same moment and recorded the same steps first.
            db.ChangeTracker.Clear();
            LogRaced(race, tenantId);
            return ChaseResult.Nothing;
        }

        LogChased(current.Slug, result.Reminders, result.OverdueNotices, result.Digests, result.Messages);
        return result;
    }

    /// <summary>
    /// Recipients of sent remisser that have neither submitted nor declined and whose own deadline is on or before
    /// <paramref name="horizon"/>: the only ones that can be due for anything. One query, under the tenant filter.
    /// </summary>
    internal static IQueryable<OpenRecipientRow> OpenRecipientsDueBy(AppDbContext db, DateOnly horizon) =>
        from r in db.Recipients
        join m in db.Remisser on r.RemissId equals m.Id
        where m.Status == RemissStatus.Sent
              && (r.Status == RecipientStatus.NotStarted || r.Status == RecipientStatus.Drafting)
              && (r.ExtendedDeadline != null && r.ExtendedDeadline > m.Deadline ? r.ExtendedDeadline : m.Deadline) <= horizon
        select new OpenRecipientRow
        {
            Id = r.Id,
            RemissId = r.RemissId,
            OrganisationId = r.OrganisationId,
            Status = r.Status,
            Deadline = (r.ExtendedDeadline != null && r.ExtendedDeadline > m.Deadline ? r.ExtendedDeadline : m.Deadline)!.Value,
            InvitedAt = r.InvitedAt ?? m.SentAt,
            ExtendedOn = r.ExtendedOn,
            DeadlineMovedOn = m.DeadlineMovedOn,
        };

    /// <summary>The steps already recorded for those recipients' current deadlines.</summary>
    internal static IQueryable<StepTaken> StepsTakenFor(AppDbContext db, IQueryable<OpenRecipientRow> open) =>
        from x in db.Reminders
        join r in open on x.RecipientId equals r.Id
        where x.Deadline == r.Deadline
        select new StepTaken { RecipientId = x.RecipientId, Kind = x.Kind, DaysBefore = x.DaysBefore };

    private async Task<ChaseResult> QueueAsync(
        CurrentTenant tenant,
        DateOnly today,
        DateTime nowUtc,
        List<(OpenRecipient Recipient, DueReminder Due)> reminders,
        List<OpenRecipient> overdue,
        List<Guid> digests,
        Dictionary<Guid, List<OpenRecipient>> lateByRemiss,
        CancellationToken cancellationToken)
    {
        var remissIds = reminders.Select(r => r.Recipient.RemissId).Concat(overdue.Select(o => o.RemissId)).Concat(digests).ToHashSet();
        var remisser = await db.Remisser.AsNoTracking().Where(r => remissIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken).ConfigureAwait(false);
        var recipientIds = reminders.Select(r => r.Recipient.Id).Concat(overdue.Select(o => o.Id)).ToHashSet();
        var recipients = await db.Recipients.AsNoTracking().Where(r => recipientIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken).ConfigureAwait(false);
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
        var addresses = new Dictionary<Guid, IReadOnlyList<EmailAddress>>();
        var messages = 0;

        async Task QueueToAsync(Guid organisationId, EmailContent content, EmailReason reason, string concernsType, Guid concernsId)
        {
            if (!addresses.TryGetValue(organisationId, out var to))
            {
                to = await outbox.AddressesOfOrganisationAsync(organisationId, cancellationToken).ConfigureAwait(false);
                addresses[organisationId] = to;
            }

            foreach (var address in to)
            {
                outbox.Queue(tenant.Id, address, content, reason, concernsType, concernsId);
                messages++;
            }
        }

        foreach (var (open, due) in reminders)
        {
            var remiss = remisser[open.RemissId];
            var recipient = recipients[open.Id];
            db.Reminders.Add(Reminder.Before(recipient, open.Deadline, due.DaysBefore, sent: true, nowUtc));
            foreach (var passed in due.PassedOver)
            {
                db.Reminders.Add(Reminder.Before(recipient, open.Deadline, passed, sent: false, nowUtc));
            }

            var content = emails.Reminder(
                tenant, remiss, names[remiss.OwnerOrganisationId], names[open.OrganisationId], open.Deadline, open.Deadline.DayNumber - today.DayNumber, open.Status == RecipientStatus.Drafting);
            await QueueToAsync(open.OrganisationId, content, EmailReason.Reminder, EmailConcerns.Recipient, open.Id).ConfigureAwait(false);
        }

        foreach (var open in overdue)
        {
            var remiss = remisser[open.RemissId];
            db.Reminders.Add(Reminder.Overdue(recipients[open.Id], open.Deadline, nowUtc));
            var content = emails.Overdue(tenant, remiss, names[remiss.OwnerOrganisationId], names[open.OrganisationId], open.Deadline);
            await QueueToAsync(open.OrganisationId, content, EmailReason.Overdue, EmailConcerns.Recipient, open.Id).ConfigureAwait(false);
        }

        if (digests.Count > 0)
        {
            var counts = await db.Recipients
                .Where(r => digests.Contains(r.RemissId))
                .GroupBy(r => r.RemissId)
                .Select(g => new { g.Key, Total = g.Count(), Answered = g.Count(r => r.Status == RecipientStatus.Submitted || r.Status == RecipientStatus.Declined) })
                .ToDictionaryAsync(g => g.Key, cancellationToken)
                .ConfigureAwait(false);
            foreach (var remissId in digests)
            {
                var remiss = remisser[remissId];
                var late = lateByRemiss[remissId];
                db.LateDigests.Add(new LateDigest(remiss, today, late.Count, nowUtc));
                var content = emails.LateDigest(
                    tenant, remiss, [.. late.Select(l => new LateRecipient(names[l.OrganisationId], l.Deadline))], today, counts[remissId].Answered, counts[remissId].Total);
                await QueueToAsync(remiss.OwnerOrganisationId, content, EmailReason.OverdueDigest, EmailConcerns.Remiss, remissId).ConfigureAwait(false);
            }
        }

        return new ChaseResult(reminders.Count, overdue.Count, digests.Count, messages);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chased {Tenant}: {Reminders} påminnelser, {Overdue} late notices, {Digests} digests, {Messages} e-mails queued.")]
    private partial void LogChased(string tenant, int reminders, int overdue, int digests, int messages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another chaser recorded tenant {TenantId}'s steps first; this run wrote nothing.")]
    private partial void LogRaced(Exception race, Guid tenantId);

    /// <summary>A row of <see cref="OpenRecipientsDueBy"/>; a class with setters, so the query can be composed on.</summary>
    internal sealed class OpenRecipientRow
    {
        public Guid Id { get; init; }

        public Guid RemissId { get; init; }

        public Guid OrganisationId { get; init; }

        public RecipientStatus Status { get; init; }

        public DateOnly Deadline { get; init; }

        public DateTime? InvitedAt { get; init; }

        public DateOnly? ExtendedOn { get; init; }

        public DateOnly? DeadlineMovedOn { get; init; }
    }

    internal sealed class StepTaken
    {
        public Guid RecipientId { get; init; }

        public ReminderKind Kind { get; init; }

        public int DaysBefore { get; init; }
    }

    private sealed record OpenRecipient(
        Guid Id, Guid RemissId, Guid OrganisationId, RecipientStatus Status, DateOnly Deadline, DateTime? InvitedAt, DateOnly? ExtendedOn, DateOnly? DeadlineMovedOn);
}
