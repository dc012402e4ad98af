namespace Remiss.Infrastructure.Email;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP, e.g. to a relay on the same host or a local test server.</summary>
    None = 0,

    /// <summary>Upgrade with STARTTLS, which the server must offer (port 587).</summary>
    StartTls = 1,

    /// <summary>TLS from the first byte (port 465).</summary>
    Ssl = 2,
}

/// <summary>
/// Configuration section <c>Smtp</c>. With no <see cref="Host"/> the messages are written as .eml files to
/// <see cref="PickupDirectory"/> instead, so that a newcomer can open what the app would have sent.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.None;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "remiss@localhost";

    public string FromName { get; set; } = "Remiss";

    /// <summary>Where .eml files go when no host is set; relative to the content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    /// <summary>How long one conversation with the server may take.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public bool UsesServer => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Configuration section <c>Outbox</c>: how the sender retries.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Delays before each retry after a failed attempt; after the last one the message is given up.</summary>
    public IList<TimeSpan> RetryDelays { get; set; } =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1),
        TimeSpan.FromHours(4), TimeSpan.FromHours(12),
    ];

    /// <summary>A claim older than this was cut off by a crash and is released for another attempt.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>At most this many messages in one sweep.</summary>
    public int SweepBatchSize { get; set; } = 500;
}
