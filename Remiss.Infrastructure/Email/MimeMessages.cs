namespace Remiss.Infrastructure.Email;

using MimeKit;

/// <summary>Turns a stored message into MIME: the same Message-ID on every attempt, plain text and HTML as alternatives.</summary>
public static class MimeMessages
{
    public static MimeMessage From(OutboxMessage message, SmtpOptions smtp)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAt, DateTimeKind.Utc)),

            // MimeKit writes the angle brackets itself.
            MessageId = message.MessageId.Trim('<', '>'),
        };
        mime.From.Add(new MailboxAddress(smtp.FromName, smtp.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? string.Empty, message.ToAddress));

        // Out-of-office replies and auto-forwarders should leave these alone.
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Headers.Add("X-Remiss-Reason", message.Reason.ToString());

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
