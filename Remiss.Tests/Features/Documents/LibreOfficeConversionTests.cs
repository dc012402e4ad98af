namespace Remiss.Tests.Features.Documents;

using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Remiss.Infrastructure.Documents;

/// <summary>
/// A generated sammanställning opens in another Word processor: LibreOffice (headless, with a private profile)
/// converts it to PDF, and pdftotext finds every recipient's name in it; LibreOffice Calc converts the Excel export
/// to CSV, one file a sheet, with the expected cells. test.sh installs all three; a machine without them fails
/// these tests rather than skipping them.
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
    public async Task LibreOffice_Calc_opens_the_Excel_export_and_finds_its_cells_and_dates()
    {
        var scenario = new DocumentScenario();
        var xlsx = Path.Combine(_folder, "remissvar.xlsx");
        await using (var file = File.Create(xlsx))
        {
            var content = SpreadsheetRows.Of(
                scenario.Remiss,
                scenario.Recipients,
                scenario.Organisations.ToDictionary(o => o.Id),
                Remiss.Domain.Common.TenantCalendar.Stockholm(),
                SpreadsheetExportTests.Review(scenario));
            SpreadsheetExport.Write(file, content);
        }

        // Every sheet to a CSV file of its own (the last option, -1), in UTF-8, with the cells as Calc shows them.
        var profile = new Uri(Path.Combine(_folder, "profile")).AbsoluteUri;
        var (code, output) = await RunAsync(
            "soffice", $"-env:UserInstallation={profile}", "--headless", "--norestore",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", _folder, xlsx);
        var sheets = new[] { "Svar", "Synpunkter", "Remissinstanser" }.ToDictionary(s => s, s => Path.Combine(_folder, $"remissvar-{s}.csv"));
        Assert.True(code == 0 && sheets.Values.All(File.Exists), $"LibreOffice Calc could not convert the export (exit {code}): {output}");
        var csv = sheets.ToDictionary(s => s.Key, s => File.ReadAllText(s.Value));

        Assert.StartsWith("Fråga,Frågetext,Remissinstans,Typ av organisation,Status,\"Ställningstagande, val eller bedömning\",Svar,Typ av beslut", csv["Svar"], StringComparison.Ordinal);
        Assert.Contains($"2,{scenario.Remiss.Questions[1].Text},{DocumentScenario.Formatted},Nämnd,Inkommet,Tillstyrker delvis,Motivering från Zoonämnden.,Nämndbeslut", csv["Svar"], StringComparison.Ordinal);
        Assert.Contains("\"Trygghet: Grönt – Bra\nBoende: Rött\nArbete: Gult\"", csv["Svar"], StringComparison.Ordinal);
        Assert.Contains($"{DocumentScenario.Formatted},1,,Trygghet först.,\"Samordning, Trygghet\",Vi tar med det.,Beaktas", csv["Synpunkter"], StringComparison.Ordinal);
        Assert.Contains($"{DocumentScenario.Hostile},,Sammanfattning,Det kostar.,,,", csv["Synpunkter"], StringComparison.Ordinal);
        Assert.Contains($"{DocumentScenario.Formatted},Nämnd,Inkommet,2026-11-23,,2026-12-31,,Nämndbeslut,2026-12-20,Zoonämnden", csv["Remissinstanser"], StringComparison.Ordinal);
        Assert.Contains($"{DocumentScenario.Extended},Nämnd,Ej påbörjat,,,2027-01-31,Beviljat", csv["Remissinstanser"], StringComparison.Ordinal);
        Assert.DoesNotContain("Segregationen", string.Concat(csv.Values), StringComparison.Ordinal);
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
            Assert.Fail($"{program} is not installed ({e.Message}). test.sh installs libreoffice-writer, libreoffice-calc and poppler-utils with apt.");
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
