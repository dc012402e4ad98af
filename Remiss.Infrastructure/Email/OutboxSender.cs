namespace Remiss.Infrastructure.Email;

using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>What one attempt to send a stored message came to.</summary>
public enum SendOutcome
{
    /// <summary>The server accepted it.</summary>
    Sent,

    /// <summary>It failed and waits for a retry.</summary>
    WillRetry,

    /// <summary>It failed for good and waits for an operator.</summary>
    GaveUp,

    /// <summary>Nothing to do: already sent, given up, not yet due, claimed by another sender, or gone.</summary>
    Skipped,
}

/// <summary>
/// Delivers one stored message, once. The message is claimed (Pending → Sending, a save that only one sender can
/// win) before the server is spoken to, and marked sent right after; a crash in between leaves a claim that
/// <see cref="OutboxJobs"/> releases after the lease, and the retry carries the same Message-ID. Failures wait for
/// a retry with growing delays; a permanent refusal, or too many failures, gives up and leaves the message, with its
/// error, for the tenant's admins.
/// </summary>
public sealed partial class OutboxSender(
    AppDbContext db,
    TenantContext tenantContext,
    IMailTransport transport,
    IOutboxDispatcher dispatcher,
    TimeProvider clock,
    IOptions<SmtpOptions> smtp,
    IOptions<OutboxOptions> options,
    ILogger<OutboxSender> logger)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<SendOutcome> SendAsync(Guid tenantId, Guid messageId, CancellationToken cancellationToken)
    {
        if (await TenantScope.EnterAsync(db, tenantContext, tenantId, cancellationToken).ConfigureAwait(false) is null)
        {
            LogUnknownTenant(tenantId, messageId);
            return SendOutcome.Skipped;
        }

        var message = await db.Outbox.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken).ConfigureAwait(false);
        if (message is null || message.State != OutboxState.Pending || message.NextAttemptAt > Now)
        {
            return SendOutcome.Skipped;
        }

        message.BeginSending(Now);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another sender (a second instance, or a sweep) claimed it first.
            return SendOutcome.Skipped;
        }

        try
        {
            await transport.SendAsync(MimeMessages.From(message, smtp.Value), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return await RecordFailureAsync(message, failure).ConfigureAwait(false);
        }

        // The server has it: record that whatever happens to the caller's token, or it would be sent again.
        message.MarkSent(Now);
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        LogSent(message.Id, message.Reason, message.Attempts);
        return SendOutcome.Sent;
    }

    private async Task<SendOutcome> RecordFailureAsync(OutboxMessage message, Exception failure)
    {
        var delays = options.Value.RetryDelays;
        var permanent = IsPermanent(failure);
        DateTime? next = permanent || message.Attempts >= delays.Count ? null : Now + delays[message.Attempts];
        message.MarkFailed(Describe(failure), next);
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        if (next is { } at)
        {
            LogWillRetry(failure, message.Id, message.Attempts, at);
            dispatcher.Schedule(message.TenantId, message.Id, at);
            return SendOutcome.WillRetry;
        }

        LogGaveUp(failure, message.Id, message.Attempts);
        return SendOutcome.GaveUp;
    }

    /// <summary>A 5xx answer to the message or its addresses will be the same next time; anything else may pass.</summary>
    private static bool IsPermanent(Exception failure) =>
        failure is SmtpCommandException { StatusCode: var code } && (int)code >= 500
        || failure is FormatException or ArgumentException;

    private static string Describe(Exception failure) => failure switch
    {
        SmtpCommandException command => $"SMTP {(int)command.StatusCode}: {command.Message}",
        SmtpProtocolException protocol => $"SMTP-protokollfel: {protocol.Message}",
        ServiceNotConnectedException or System.Net.Sockets.SocketException => $"Kunde inte ansluta till e-postservern: {failure.Message}",
        TimeoutException or OperationCanceledException => "E-postservern svarade inte i tid.",
        _ => $"{failure.GetType().Name}: {failure.Message}",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail {MessageId} ({Reason}) sent after {Attempts} attempt(s).")]
    private partial void LogSent(Guid messageId, EmailReason reason, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {MessageId} failed (attempt {Attempts}); next attempt at {NextAttempt:O}.")]
    private partial void LogWillRetry(Exception failure, Guid messageId, int attempts, DateTime nextAttempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail {MessageId} given up after {Attempts} attempt(s).")]
    private partial void LogGaveUp(Exception failure, Guid messageId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {MessageId} names tenant {TenantId}, which does not exist; not sent.")]
    private partial void LogUnknownTenant(Guid tenantId, Guid messageId);
}
