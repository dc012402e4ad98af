namespace Remiss.Tests.EndToEnd;

using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Remiss.Tests.Jobs;
using Remiss.Tests.TestSupport;

/// <summary>
/// The real app for the browser: Kestrel over HTTPS on a port of 127.0.0.1 chosen before start (so e-mails link to
/// it), a fresh SQLite file with the demo, Hangfire's workers running, e-mail to a real SMTP server on 127.0.0.1,
/// and a fake clock the story moves.
/// </summary>
public sealed class StoryApp : MailAppFactory
{
    private readonly int _port = SmtpServer.FreePort();

    public Uri Address => new($"https://127.0.0.1:{_port}/");

    protected override int ListenPort => _port;

    protected override bool RunsJobs => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("App:BaseUrl", $"https://127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}");
    }
}
