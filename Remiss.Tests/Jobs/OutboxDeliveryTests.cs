namespace Remiss.Tests.Jobs;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Remisser;
using Remiss.Tests.Features.Responses;
using Remiss.Tests.TestSupport;

/// <summary>The demo app with its SMTP settings pointed at a real SMTP server on 127.0.0.1.</summary>
public class MailAppFactory : SentDemoAppFactory
{
    public SmtpServer Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Security", "None");
        builder.UseSetting("Smtp:FromAddress", "remiss@malmo.example");
        builder.UseSetting("Smtp:FromName", "Remiss – Malmö stad");
        builder.UseSetting("App:BaseUrl", "https://remiss.malmo.example");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.Dispose();
        }
    }
}

/// <summary>The same, with Hangfire's workers running: jobs really deliver.</summary>
public sealed class WorkingMailAppFactory : MailAppFactory
{
    protected override bool RunsJobs => true;
}

/// <summary>
/// Delivery over real SMTP (aiosmtpd on 127.0.0.1): every stored message arrives exactly once with its Message-ID,
/// through a server that is down, one that says "try later", one that refuses for good, and a crash between
/// sending and recording.
/// </summary>
public sealed class OutboxDeliveryTests
{
    [Fact]
    public async Task Sending_a_remiss_delivers_every_invitation_once_in_swedish_with_its_link_and_message_id()
    {
        await using var app = await StartAsync<MailAppFactory>();
        var remiss = await app.CopyOfDemoAsync(new DateOnly(2027, 11, 30), sent: false);
        var queued = await app.InTenantAsync("malmo", async (db, sp) =>
            await sp.GetRequiredService<RemissSending>().SendAsync(await db.WholeRemissAsync(r => r.Id == remiss.Id), CancellationToken.None));

        Assert.Equal(queued, await SweepAsync(app));
        var received = await app.Smtp.WaitForAsync(queued);
        Assert.Equal(queued, received.Count);
        Assert.Equal(0, await SweepAsync(app));

        var stored = await Messages(app, remiss.Id);
        Assert.All(stored, m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.Equal(stored.Select(m => m.MessageId.Trim('<', '>')).Order(StringComparer.Ordinal), received.Select(m => m.MessageId).Order(StringComparer.Ordinal));

        var toAsn = Assert.Single(received, m => m.To.Mailboxes.Any(a => a.Address == Kit.AsnUser));
        Assert.StartsWith("Remiss: ", toAsn.Subject, StringComparison.Ordinal);
        Assert.Contains("STK-TEST-", toAsn.Subject, StringComparison.Ordinal);
        Assert.Equal("remiss@malmo.example", toAsn.From.Mailboxes.Single().Address);
        Assert.Contains($"https://remiss.malmo.example/malmo/remisser/{remiss.Id}", toAsn.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://remiss.malmo.example/malmo/remisser/{remiss.Id}", toAsn.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("30 november 2027", toAsn.TextBody, StringComparison.Ordinal);
        Assert.Contains("Sista svarsdag", toAsn.TextBody, StringComparison.Ordinal);
        Assert.Contains("Arbetsmarknads- och socialnämnden", toAsn.TextBody, StringComparison.Ordinal);
        Assert.Equal("auto-generated", toAsn.Headers["Auto-Submitted"]);
    }

    [Fact]
    public async Task A_job_that_runs_twice_sends_the_message_once()
    {
        await using var app = await StartAsync<MailAppFactory>();
        var (tenant, id) = await QueueOneAsync(app, "eva@malmo.example");
        var jobs = app.Services.GetRequiredService<OutboxJobs>();

        Assert.Equal(SendOutcome.Sent, await jobs.SendAsync(tenant, id, CancellationToken.None));
        Assert.Equal(SendOutcome.Skipped, await jobs.SendAsync(tenant, id, CancellationToken.None));
        Assert.Equal(0, await SweepAsync(app));

        Assert.Single(await app.Smtp.WaitForAsync(1));
        await Task.Delay(500);
        Assert.Single(app.Smtp.Received());
    }

    [Fact]
    public async Task While_the_server_is_down_messages_wait_and_each_arrives_exactly_once_when_it_is_back()
    {
        await using var app = await StartAsync<MailAppFactory>();
        app.Smtp.Stop();
        var ids = new List<Guid>();
        foreach (var to in new[] { "a@malmo.example", "b@malmo.example", "c@malmo.example" })
        {
            ids.Add((await QueueOneAsync(app, to)).Id);
        }

        Assert.Equal(0, await SweepAsync(app));
        var waiting = await Messages(app, ids);
        Assert.All(waiting, m =>
        {
            Assert.Equal(OutboxState.Pending, m.State);
            Assert.Equal(1, m.Attempts);
            Assert.Contains("ansluta", m.LastError, StringComparison.Ordinal);
            Assert.Equal(app.Clock.UtcNow.AddMinutes(1), m.NextAttemptAt);
        });

        // Not yet due: nothing is tried again before its time.
        Assert.Equal(0, await SweepAsync(app));
        Assert.All(await Messages(app, ids), m => Assert.Equal(1, m.Attempts));

        // Still down at the next attempt: the delay grows.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await SweepAsync(app));
        Assert.All(await Messages(app, ids), m => Assert.Equal(app.Clock.UtcNow.AddMinutes(5), m.NextAttemptAt));

        app.Smtp.Start();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(3, await SweepAsync(app));
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await SweepAsync(app));

        Assert.Equal(3, (await app.Smtp.WaitForAsync(3)).Count);
        await Task.Delay(300);
        Assert.Equal(3, app.Smtp.Received().Count);
        Assert.All(await Messages(app, ids), m => Assert.Equal((OutboxState.Sent, 3), (m.State, m.Attempts)));
    }

    [Fact]
    public async Task A_server_that_says_try_later_is_tried_again_and_one_that_refuses_for_good_is_given_up_with_its_error()
    {
        await using var app = await StartAsync<MailAppFactory>();
        app.Smtp.Answer(451);
        var later = await QueueOneAsync(app, "later@malmo.example");
        Assert.Equal(0, await SweepAsync(app));
        Assert.Contains("451", (await Messages(app, [later.Id])).Single().LastError, StringComparison.Ordinal);

        app.Smtp.Answer(null);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await SweepAsync(app));

        app.Smtp.Answer(550);
        var refused = await QueueOneAsync(app, "finns-inte@malmo.example");
        Assert.Equal(0, await SweepAsync(app));
        var failed = (await Messages(app, [refused.Id])).Single();
        Assert.Equal(OutboxState.Failed, failed.State);
        Assert.Null(failed.NextAttemptAt);
        Assert.Contains("550", failed.LastError, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await SweepAsync(app));
        Assert.Single(app.Smtp.Received());
    }

    [Fact]
    public async Task Too_many_failures_give_up_after_the_last_retry()
    {
        await using var app = await StartAsync<MailAppFactory>();
        app.Smtp.Stop();
        var (_, id) = await QueueOneAsync(app, "eva@malmo.example");
        var delays = app.Services.GetRequiredService<IOptions<OutboxOptions>>().Value.RetryDelays;

        await SweepAsync(app);
        foreach (var delay in delays)
        {
            app.Clock.Advance(delay);
            await SweepAsync(app);
        }

        var message = (await Messages(app, [id])).Single();
        Assert.Equal(OutboxState.Failed, message.State);
        Assert.Equal(delays.Count + 1, message.Attempts);
    }

    [Fact]
    public async Task A_crash_between_sending_and_recording_sends_again_with_the_same_message_id()
    {
        await using var app = await StartAsync<MailAppFactory>();
        var (tenant, id) = await QueueOneAsync(app, "eva@malmo.example");

        // The sender claims the message and the server receives it; then the process dies before it records that.
        await app.InTenantAsync("malmo", async (db, sp) =>
        {
            var message = await db.Outbox.SingleAsync(m => m.Id == id);
            message.BeginSending(app.Clock.UtcNow);
            await db.SaveChangesAsync();
            await sp.GetRequiredService<IMailTransport>().SendAsync(MimeMessages.From(message, sp.GetRequiredService<IOptions<SmtpOptions>>().Value), CancellationToken.None);
            return 0;
        });

        // Within the lease nobody touches the claim: the first sender may still be at work.
        Assert.Equal(0, await SweepAsync(app));
        Assert.Equal(SendOutcome.Skipped, await app.Services.GetRequiredService<OutboxJobs>().SendAsync(tenant, id, CancellationToken.None));

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await SweepAsync(app));

        var received = await app.Smtp.WaitForAsync(2);
        Assert.Equal(2, received.Count);
        var stored = (await Messages(app, [id])).Single();
        Assert.Equal(OutboxState.Sent, stored.State);
        Assert.All(received, m => Assert.Equal(stored.MessageId.Trim('<', '>'), m.MessageId));
    }

    [Fact]
    public async Task With_workers_running_a_saved_message_is_delivered_by_its_own_job()
    {
        await using var app = await StartAsync<WorkingMailAppFactory>();

        await QueueOneAsync(app, "eva@malmo.example");

        var received = await app.Smtp.WaitForAsync(1, TimeSpan.FromSeconds(30));
        Assert.Equal("eva@malmo.example", Assert.Single(received).To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Without_an_smtp_host_each_message_is_written_as_an_eml_file_named_by_its_message_id()
    {
        await using var app = await StartAsync<SentDemoAppFactory>();
        var (_, id) = await QueueOneAsync(app, "eva@malmo.example");

        Assert.Equal(1, await SweepAsync(app));

        var file = Assert.Single(Directory.GetFiles(app.MailFolder, "*.eml"));
        var message = MimeKit.MimeMessage.Load(file);
        var stored = (await Messages(app, [id])).Single();
        Assert.Equal(stored.MessageId.Trim('<', '>'), message.MessageId);
        Assert.Equal("Ett prov: Områdeslyft", message.Subject);
    }

    private static async Task<T> StartAsync<T>()
        where T : SentDemoAppFactory, new()
    {
        var app = new T();
        await ((IAsyncLifetime)app).InitializeAsync();
        return app;
    }

    private static Task<int> SweepAsync(RemissAppFactory app) =>
        app.Services.GetRequiredService<OutboxJobs>().SweepAsync(CancellationToken.None);

    private static Task<(Guid TenantId, Guid Id)> QueueOneAsync(RemissAppFactory app, string to) =>
        app.InTenantAsync("malmo", async (db, sp) =>
        {
            var tenant = db.CurrentTenantId!.Value;
            sp.GetRequiredService<Outbox>().Queue(
                tenant, new EmailAddress(to, null), new EmailContent("Ett prov: Områdeslyft", "Hej! Läs remissen.", "<p>Hej! Läs remissen.</p>"), EmailReason.Reminder, EmailConcerns.Remiss, Guid.NewGuid());
            await db.SaveChangesAsync();
            return (tenant, await db.Outbox.Where(m => m.ToAddress == to).OrderByDescending(m => m.CreatedAt).Select(m => m.Id).FirstAsync());
        });

    private static Task<List<OutboxMessage>> Messages(RemissAppFactory app, Guid remissId) =>
        app.InTenantAsync("malmo", (db, _) => db.Outbox.AsNoTracking().Where(m => m.ConcernsId == remissId || m.Reason == EmailReason.Invitation).ToListAsync());

    private static Task<List<OutboxMessage>> Messages(RemissAppFactory app, IReadOnlyList<Guid> ids) =>
        app.InTenantAsync("malmo", (db, _) => db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());
}
