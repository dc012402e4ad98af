namespace Remiss.Tests.TestSupport;

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

/// <summary>
/// A real SMTP server on 127.0.0.1: Debian's aiosmtpd, storing what arrives in a maildir that the tests read. It can
/// be stopped and started again on the same port (the server is down for a while), told to answer 451 (try later) or
/// 550 (refused for good) by a flag file, and it is stopped when disposed. test.sh installs python3-aiosmtpd.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private const string Handler = """
        import os
        from aiosmtpd.handlers import Mailbox

        class Flaky(Mailbox):
            def __init__(self, mail_dir, flags):
                super().__init__(mail_dir)
                self.flags = flags

            async def handle_DATA(self, server, session, envelope):
                if os.path.exists(os.path.join(self.flags, "451")):
                    return "451 4.3.0 Temporary failure, try again later"
                if os.path.exists(os.path.join(self.flags, "550")):
                    return "550 5.1.1 No such user here"
                return await super().handle_DATA(server, session, envelope)

            @classmethod
            def from_cli(cls, parser, *args):
                return cls(args[0], args[1])
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "remiss-smtp", Guid.NewGuid().ToString("N"));
    private Process? _process;

    public SmtpServer()
    {
        Directory.CreateDirectory(Flags);
        File.WriteAllText(Path.Combine(_folder, "remiss_flaky.py"), Handler);
        Port = FreePort();
        Start();
    }

    public int Port { get; }

    public string Maildir => Path.Combine(_folder, "maildir");

    private string Flags => Path.Combine(_folder, "flags");

    public static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>Starts the server and waits (at most 15 s) until it accepts connections.</summary>
    public void Start()
    {
        if (_process is { HasExited: false })
        {
            return;
        }

        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "remiss_flaky.Flaky", Maildir, Flags },
            WorkingDirectory = _folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONPATH"] = _folder;
        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        var until = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited ({_process.ExitCode}): {_process.StandardError.ReadToEnd()} — is python3-aiosmtpd installed? test.sh installs it.");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException($"aiosmtpd did not listen on 127.0.0.1:{Port} within 15 s.");
    }

    /// <summary>Stops the server: connections are refused until <see cref="Start"/>.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>From now on the server answers DATA with this code (451 or 550), or accepts again with null.</summary>
    public void Answer(int? code)
    {
        foreach (var flag in Directory.GetFiles(Flags))
        {
            File.Delete(flag);
        }

        if (code is { } value)
        {
            File.WriteAllText(Path.Combine(Flags, value.ToString(System.Globalization.CultureInfo.InvariantCulture)), string.Empty);
        }
    }

    /// <summary>Every message that has arrived, parsed.</summary>
    public IReadOnlyList<MimeMessage> Received()
    {
        var folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))]
            : [];
    }

    /// <summary>Waits (bounded) until at least <paramref name="count"/> messages have arrived.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < until)
        {
            var received = Received();
            if (received.Count >= count)
            {
                return received;
            }

            await Task.Delay(200);
        }

        return Received();
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; it is under temp.
        }
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
