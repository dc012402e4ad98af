namespace Remiss.Tests.Features.Email;

using Remiss.Infrastructure.Email;
using Remiss.Tests.TestSupport;

/// <summary>An outbox message's life: pending, sending, then sent once, or retried, or given up.</summary>
public sealed class OutboxMessageTests
{
    private static readonly Guid TenantId = Guid.Parse("0191a5c2-0000-7000-8000-0000000000aa");

    [Fact]
    public void ANewMessage_IsPendingNow_WithAStableMessageId()
    {
        var message = New();

        Assert.Equal(OutboxState.Pending, message.State);
        Assert.Equal(A.Now, message.CreatedAt);
        Assert.Equal(A.Now, message.NextAttemptAt);
        Assert.Equal(0, message.Attempts);
        Assert.Matches("^<[0-9a-f]{32}@remiss>$", message.MessageId);
        Assert.NotEqual(message.MessageId, New().MessageId);
        Assert.Equal(TenantId, message.TenantId);
    }

    [Fact]
    public void ASubjectWithLineBreaks_BecomesOneLine()
    {
        var message = OutboxMessage.Create(
            TenantId, new("eva@malmo.example", "Eva\r\nSvensson"), new("Remiss:\r\nBcc: alla@example.com", "t", "h"), EmailReason.Invitation, EmailConcerns.Remiss, Guid.NewGuid(), A.Now);

        Assert.Equal("Remiss: Bcc: alla@example.com", message.Subject);
        Assert.Equal("Eva Svensson", message.ToName);
    }

    [Fact]
    public void MarkSent_RecordsTheAttemptAndTheTime_AndTheMessageIsNeverSentAgain()
    {
        var message = New();
        message.BeginSending(A.Now);

        message.MarkSent(A.Now.AddMinutes(1));

        Assert.Equal(OutboxState.Sent, message.State);
        Assert.Equal(A.Now.AddMinutes(1), message.SentAt);
        Assert.Equal(1, message.Attempts);
        Assert.Null(message.NextAttemptAt);
        Assert.Throws<InvalidOperationException>(() => message.BeginSending(A.Now));
        Assert.Throws<InvalidOperationException>(() => message.MarkSent(A.Now));
        Assert.Throws<InvalidOperationException>(() => message.MarkFailed("fel", null));
    }

    [Fact]
    public void MarkFailed_WithANextAttempt_WaitsAsPendingUntilThen()
    {
        var message = New();
        message.BeginSending(A.Now);

        message.MarkFailed("421 Service not available", A.Now.AddMinutes(5));

        Assert.Equal(OutboxState.Pending, message.State);
        Assert.Equal(A.Now.AddMinutes(5), message.NextAttemptAt);
        Assert.Equal("421 Service not available", message.LastError);
        Assert.Equal(1, message.Attempts);

        message.BeginSending(A.Now);
        message.MarkSent(A.Now.AddMinutes(6));
        Assert.Equal(2, message.Attempts);
        Assert.Null(message.LastError);
    }

    [Fact]
    public void MarkFailed_WithoutANextAttempt_GivesUp()
    {
        var message = New();
        message.BeginSending(A.Now);

        message.MarkFailed(new string('x', 10_000), null);

        Assert.Equal(OutboxState.Failed, message.State);
        Assert.Null(message.NextAttemptAt);
        Assert.Equal(OutboxMessage.LastErrorMaxLength, message.LastError!.Length);
        Assert.Throws<InvalidOperationException>(() => message.BeginSending(A.Now));
    }

    private static OutboxMessage New() =>
        OutboxMessage.Create(TenantId, new("eva@malmo.example", "Eva Svensson"), new("Ämne", "Text", "<p>Html</p>"), EmailReason.Invitation, EmailConcerns.Recipient, Guid.NewGuid(), A.Now);
}
