namespace Remiss.Tests.Jobs;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Reminders;
using Remiss.Tests.Features.Responses;
using Remiss.Tests.TestSupport;

/// <summary>
/// The deadline chaser on the real app and real SQLite, with the clock walked hour by hour: a remiss sent on
/// 27 September with sista svarsdag 30 November, across the end of summer time on 25 October 2026.
/// </summary>
public sealed class DeadlineChaserTests : IAsyncLifetime
{
    private static readonly DateOnly Deadline = new(2026, 11, 30);
    private readonly SentDemoAppFactory _app = new();
    private Guid _malmo;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_app).InitializeAsync();
        _malmo = await _app.InTenantAsync("malmo", (db, _) => Task.FromResult(db.CurrentTenantId!.Value));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Walking_every_hour_from_sending_to_after_the_deadline_sends_each_step_on_its_day_at_eight_swedish_time()
    {
        var remiss = await SendOn(new(2026, 9, 27, 10, 0, 0, TimeSpan.Zero), schedule: [40, 14, 7, 2]);

        // Grundskolenämnden gets anstånd to 20 December on 12 November; MKB declines on 20 November.
        await WalkAsync(new(2026, 9, 27, 11, 0, 0, TimeSpan.Zero), new(2026, 11, 12, 12, 0, 0, TimeSpan.Zero));
        await OnRecipientAsync(remiss.Grundskola, (r, now, today) =>
        {
            var asked = r.RequestExtension(new(2026, 12, 20), "Nämnden sammanträder den 17 december.", Guid.NewGuid(), now, today);
            r.GrantExtension(asked.Id, null, Guid.NewGuid(), now, today);
        });
        await WalkAsync(new(2026, 11, 12, 13, 0, 0, TimeSpan.Zero), new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        await OnRecipientAsync(remiss.Recipients["MKB"], (r, now, _) => r.Decline("Inga synpunkter.", Guid.NewGuid(), now));
        await WalkAsync(new(2026, 11, 20, 13, 0, 0, TimeSpan.Zero), new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));

        var asn = await ChaseLogAsync(remiss.Asn);
        Assert.Equal(
            [
                ("Reminder", Utc(2026, 10, 21, 6)), // 40 days before, summer time: 08:00 CEST is 06:00 UTC
                ("Reminder", Utc(2026, 11, 16, 7)), // 14 days before, winter time: 08:00 CET is 07:00 UTC
                ("Reminder", Utc(2026, 11, 23, 7)),
                ("Reminder", Utc(2026, 11, 28, 7)),
                ("Overdue", Utc(2026, 12, 1, 7)),
            ],
            asn);

        // The anstånd of 12 November moved Grundskolenämnden's steps to 20 December: the 14-day step of 30 November
        // no longer applies, the 40-day step of 20 December (10 November) came before the anstånd was told, and the
        // next one is 6 December. No late notice on 1 December either.
        Assert.Equal([("Reminder", Utc(2026, 10, 21, 6))], await ChaseLogAsync(remiss.Grundskola));

        // MKB declined after its 14-day påminnelse and heard nothing more.
        Assert.Equal([("Reminder", Utc(2026, 10, 21, 6)), ("Reminder", Utc(2026, 11, 16, 7))], await ChaseLogAsync(remiss.Recipients["MKB"]));

        // The owners got one digest a day once answers were late.
        Assert.Equal([("OverdueDigest", Utc(2026, 12, 1, 7)), ("OverdueDigest", Utc(2026, 12, 2, 7))], await ChaseLogAsync(remiss.Id));
    }

    [Fact]
    public async Task An_anstånd_to_20_december_moves_the_påminnelser_with_the_deadline()
    {
        var remiss = await SendOn(new(2026, 9, 27, 10, 0, 0, TimeSpan.Zero));
        _app.Clock.Set(new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        await OnRecipientAsync(remiss.Asn, (r, now, today) =>
        {
            var asked = r.RequestExtension(new(2026, 12, 20), null, Guid.NewGuid(), now, today);
            r.GrantExtension(asked.Id, null, Guid.NewGuid(), now, today);
        });

        foreach (var day in new[] { 28, 30 })
        {
            _app.Clock.Set(new(2026, 11, day, 9, 0, 0, TimeSpan.Zero));
            await ChaseAsync();
        }

        foreach (var (month, day) in new[] { (12, 1), (12, 6), (12, 13), (12, 18), (12, 21) })
        {
            _app.Clock.Set(new(2026, month, day, 9, 0, 0, TimeSpan.Zero));
            await ChaseAsync();
        }

        Assert.Equal(
            [
                ("Reminder", Utc(2026, 12, 6, 9)),
                ("Reminder", Utc(2026, 12, 13, 9)),
                ("Reminder", Utc(2026, 12, 18, 9)),
                ("Overdue", Utc(2026, 12, 21, 9)),
            ],
            await ChaseLogAsync(remiss.Asn));
        Assert.Contains(("Overdue", Utc(2026, 12, 1, 9)), await ChaseLogAsync(remiss.Grundskola));
    }

    [Fact]
    public async Task Running_twice_in_the_same_hour_or_skipping_a_day_sends_each_påminnelse_exactly_once()
    {
        var remiss = await SendOn(new(2026, 9, 27, 10, 0, 0, TimeSpan.Zero));

        _app.Clock.Set(new(2026, 11, 16, 7, 0, 0, TimeSpan.Zero));
        var first = await ChaseAsync();
        var again = await ChaseAsync();

        Assert.Equal(15, first.Reminders);
        Assert.Equal(ChaseResult.Nothing, again);

        // The chaser does not run at all on 23 November; on the 24th the 7-day step goes out, once.
        _app.Clock.Set(new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, (await ChaseAsync()).Reminders);
        _app.Clock.Set(new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(15, (await ChaseAsync()).Reminders);
        Assert.Equal(0, (await ChaseAsync()).Reminders);

        var steps = await _app.InTenantAsync("malmo", (db, _) =>
            db.Reminders.Where(x => x.RemissId == remiss.Id && x.RecipientId == remiss.Asn).OrderBy(x => x.QueuedAt).Select(x => x.DaysBefore).ToListAsync());
        Assert.Equal([14, 7], steps);
        Assert.Equal(2, (await ChaseLogAsync(remiss.Asn)).Count);
    }

    [Fact]
    public async Task Missing_a_whole_week_sends_one_påminnelse_not_two_at_once()
    {
        var remiss = await SendOn(new(2026, 9, 27, 10, 0, 0, TimeSpan.Zero));

        _app.Clock.Set(new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await ChaseAsync();

        Assert.Equal([("Reminder", Utc(2026, 11, 24, 9))], await ChaseLogAsync(remiss.Asn));
        var steps = await _app.InTenantAsync("malmo", (db, _) =>
            db.Reminders.Where(x => x.RecipientId == remiss.Asn).OrderBy(x => x.DaysBefore).Select(x => new { x.DaysBefore, x.WasSent }).ToListAsync());
        Assert.Equal([new { DaysBefore = 7, WasSent = true }, new { DaysBefore = 14, WasSent = false }], steps);
    }

    [Fact]
    public async Task Two_chasers_at_the_same_moment_write_each_step_once()
    {
        var remiss = await SendOn(new(2026, 9, 27, 10, 0, 0, TimeSpan.Zero));
        _app.Clock.Set(new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero));

        var results = await Task.WhenAll(ChaseAsync(), ChaseAsync());

        Assert.Equal(15, results.Sum(r => r.Reminders));
        Assert.Single(await ChaseLogAsync(remiss.Asn));
        var rows = await _app.InTenantAsync("malmo", (db, _) => db.Reminders.CountAsync(x => x.RemissId == remiss.Id));
        Assert.Equal(15, rows);
    }

    [Fact]
    public async Task Nothing_is_sent_before_eight_in_the_morning_swedish_time()
    {
        var remiss = await SendOn(new(2026, 9, 27, 10, 0, 0, TimeSpan.Zero));

        _app.Clock.Set(new(2026, 11, 16, 6, 59, 0, TimeSpan.Zero)); // 07:59 in Stockholm
        Assert.Equal(ChaseResult.Nothing, await ChaseAsync());
        _app.Clock.Set(new(2026, 11, 15, 23, 30, 0, TimeSpan.Zero)); // 00:30 on the 16th in Stockholm
        Assert.Equal(ChaseResult.Nothing, await ChaseAsync());

        _app.Clock.Set(new(2026, 11, 16, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(15, (await ChaseAsync()).Reminders);
        Assert.Single(await ChaseLogAsync(remiss.Asn));
    }

    [Fact]
    public async Task The_påminnelse_is_swedish_names_the_deadline_the_swedish_way_and_links_to_the_yttrande()
    {
        var remiss = await SendOn(new(2026, 9, 27, 10, 0, 0, TimeSpan.Zero));
        _app.Clock.Set(new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero));
        await ChaseAsync();

        var message = await _app.InTenantAsync("malmo", (db, _) =>
            db.Outbox.FirstAsync(m => m.ConcernsId == remiss.Asn && m.Reason == EmailReason.Reminder && m.ToAddress == Kit.AsnUser));

        Assert.StartsWith("Påminnelse: ", message.Subject, StringComparison.Ordinal);
        Assert.Contains("30 november 2026", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("om 14 dagar", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/malmo/remisser/{remiss.Id}/yttrande", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/malmo/remisser/{remiss.Id}/yttrande", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Arbetsmarknads- och socialnämnden", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawn_remiss_a_suspended_tenant_and_another_tenant_get_nothing()
    {
        var withdrawn = await SendOn(new(2026, 9, 27, 10, 0, 0, TimeSpan.Zero));
        await _app.InTenantAsync("malmo", async (db, _) =>
        {
            (await db.Remisser.SingleAsync(r => r.Id == withdrawn.Id)).Withdraw("Fel underlag.", _app.Clock.UtcNow);
            return await db.SaveChangesAsync();
        });
        _app.Clock.Set(new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero));
        Assert.Empty(await ChaseLogAsync(withdrawn.Asn));

        var open = await SendOn(new(2026, 9, 27, 10, 0, 0, TimeSpan.Zero));
        _app.Clock.Set(new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero));
        await _app.InTenantAsync("malmo", async (db, _) =>
        {
            (await db.Tenants.SingleAsync(t => t.Id == _malmo)).Suspend();
            return await db.SaveChangesAsync();
        });
        Assert.Equal(ChaseResult.Nothing, await ChaseAsync());
        Assert.Equal(ChaseResult.Nothing, await ChaseEveryTenantAsync());
        Assert.Empty(await ChaseLogAsync(open.Asn));
    }

    private static DateTime Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    private async Task<SentRemiss> SendOn(DateTimeOffset at, int[]? schedule = null)
    {
        _app.Clock.Set(at);
        var remiss = await _app.CopyOfDemoAsync(Deadline, sent: schedule is null);
        if (schedule is not null)
        {
            await _app.InTenantAsync("malmo", async (db, _) =>
            {
                var draft = await db.WholeRemissAsync(r => r.Id == remiss.Id);
                draft.SetReminderSchedule(schedule);
                draft.Send(TenantCalendarFor().Today(_app.Clock.UtcNow), _app.Clock.UtcNow);
                return await db.SaveChangesAsync();
            });
        }

        return remiss;
    }

    private static TenantCalendar TenantCalendarFor() => TenantCalendar.Stockholm();

    private Task<int> OnRecipientAsync(Guid recipientId, Action<Recipient, DateTime, DateOnly> change) =>
        _app.InTenantAsync("malmo", async (db, services) =>
        {
            var recipient = (await services.GetRequiredService<RemissReader>().FindRecipientAsync(recipientId, CancellationToken.None))!;
            change(recipient, _app.Clock.UtcNow, TenantCalendarFor().Today(_app.Clock.UtcNow));
            return await db.SaveChangesAsync();
        });

    private async Task WalkAsync(DateTimeOffset from, DateTimeOffset to)
    {
        for (var at = from; at <= to; at = at.AddHours(1))
        {
            _app.Clock.Set(at);
            await ChaseAsync();
        }
    }

    private async Task<ChaseResult> ChaseAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineChaser>().ChaseTenantAsync(_malmo, CancellationToken.None);
    }

    private Task<ChaseResult> ChaseEveryTenantAsync() =>
        ChaserJobs.ChaseEveryTenantAsync(_app.Services.GetRequiredService<IServiceScopeFactory>(), CancellationToken.None);

    /// <summary>The chase's e-mails about one recipient (or remiss): their reason and when they were queued, once per step.</summary>
    private Task<List<(string Reason, DateTime At)>> ChaseLogAsync(Guid concernsId) =>
        _app.InTenantAsync("malmo", async (db, _) =>
        {
            var rows = await db.Outbox
                .Where(m => m.ConcernsId == concernsId && (m.Reason == EmailReason.Reminder || m.Reason == EmailReason.Overdue || m.Reason == EmailReason.OverdueDigest))
                .Select(m => new { m.Reason, m.CreatedAt })
                .Distinct()
                .ToListAsync();
            return rows.OrderBy(r => r.CreatedAt).Select(r => (r.Reason.ToString(), r.CreatedAt)).ToList();
        });
}
