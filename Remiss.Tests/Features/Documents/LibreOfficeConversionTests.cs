namespace Remiss.Tests.Features.Documents;

using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Remiss.Infrastructure.Documents;

/// <summary>
/// A generated sammanställning opens in another Word processor: LibreOffice (headless, with a private profile)
/// converts it to PDF, and pdftotext finds every recipient's name in it. test.sh installs both; a machine
/// without them fails this test rather than skipping it.
/// </summary>
public sealed partial class LibreOfficeConversionTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "remiss-tests", "lo-" + Guid.NewGuid().ToString("N"));

    public LibreOfficeConversionTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task LibreOffice_converts_the_summary_to_a_PDF_that_names_every_recipient()
    {
        var scenario = new DocumentScenario();
        var docx = Path.Combine(_folder, "sammanstallning.docx");
        await using (var file = File.Create(docx))
        {
            using var buffer = new MemoryStream();
            SummaryDocument.Write(buffer, scenario.Remiss, scenario.Recipients, WordInspection.Context(scenario.Names), withResponses: true);
            buffer.Position = 0;
            await buffer.CopyToAsync(file);
        }

        var profile = new Uri(Path.Combine(_folder, "profile")).AbsoluteUri;
        var (code, output) = await RunAsync("soffice", $"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", _folder, docx);
        var pdf = Path.Combine(_folder, "sammanstallning.pdf");
        Assert.True(code == 0 && File.Exists(pdf), $"LibreOffice could not convert the summary (exit {code}): {output}");

        var (textCode, text) = await RunAsync("pdftotext", "-enc", "UTF-8", pdf, "-");
        Assert.True(textCode == 0, $"pdftotext failed (exit {textCode}): {text}");
        var words = WhiteSpace().Replace(text, " ");
        foreach (var name in DocumentScenario.RecipientsInSwedishOrder)
        {
            Assert.Contains(name, words, StringComparison.Ordinal);
        }

        Assert.Contains(scenario.Remiss.Title, words, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LibreOffice_converts_the_summary_with_synpunkter_and_bemotanden_and_shows_their_tables()
    {
        var scenario = new DocumentScenario();
        var remiss = scenario.Remiss;
        var theme = Remiss.Domain.Remisser.Theme.Create(remiss, "Samordning", []);
        var point = Remiss.Domain.Remisser.RaisedPoint.Raise(
            remiss,
            scenario.RecipientNamed(DocumentScenario.Formatted),
            Remiss.Domain.Remisser.PointSource.Question(1),
            new("Tryggheten måste komma först.", "Trygghet är ett av områdeslyftets mål.", Remiss.Domain.Remisser.Disposition.PartlyConsidered, [theme.Id]),
            [theme],
            TestSupport.A.Handlaggare,
            TestSupport.A.Now);
        var comment = Remiss.Domain.Remisser.QuestionComment.Write(remiss, 1, "Remissinstanserna lyfter tryggheten.", TestSupport.A.Handlaggare, TestSupport.A.Now);
        var docx = Path.Combine(_folder, "slutlig.docx");
        await using (var file = File.Create(docx))
        {
            using var buffer = new MemoryStream();
            SummaryDocument.Write(buffer, remiss, scenario.Recipients, WordInspection.Context(scenario.Names), withResponses: false, new Remiss.Infrastructure.Remisser.ReviewSnapshot([point], [theme], [comment]));
            buffer.Position = 0;
            await buffer.CopyToAsync(file);
        }

        var profile = new Uri(Path.Combine(_folder, "profile")).AbsoluteUri;
        var (code, output) = await RunAsync("soffice", $"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", _folder, docx);
        var pdf = Path.Combine(_folder, "slutlig.pdf");
        Assert.True(code == 0 && File.Exists(pdf), $"LibreOffice could not convert the summary (exit {code}): {output}");

        var (textCode, text) = await RunAsync("pdftotext", "-enc", "UTF-8", "-layout", pdf, "-");
        Assert.True(textCode == 0, $"pdftotext failed (exit {textCode}): {text}");
        var words = WhiteSpace().Replace(text, " ");
        foreach (var expected in new[] { "Kommentar", "Remissinstanserna lyfter tryggheten.", "Synpunkter och bemötanden", "Bemötande", "Ställningstagande", "Beaktas delvis", "Bilaga: teman", "Samordning" })
        {
            Assert.Contains(expected, words, StringComparison.Ordinal);
        }

        // The table's cells sit side by side on one line: the synpunkt's row holds the remissinstans and the ställningstagande.
        Assert.Contains(text.Split('\n'), line => line.Contains("Zoonämnden", StringComparison.Ordinal) && line.Contains("Tryggheten", StringComparison.Ordinal) && line.Contains("Beaktas", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS; the folder is under temp.
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"{program} is not installed ({e.Message}). test.sh installs libreoffice-writer and poppler-utils with apt.");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"{program} did not finish within {Timeout.TotalSeconds} s."));
            }

            return (process.ExitCode, await stdout + await stderr);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
