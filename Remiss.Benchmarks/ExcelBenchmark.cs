namespace Remiss.Benchmarks;

using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Documents;
using Remiss.Infrastructure.Remisser;

/// <summary>
/// <c>dotnet run -c Release --project Remiss.Benchmarks -- excel</c>: generates, in memory, the rows of the Excel export
/// of a remiss with 300 remissinstanser that each answered 20 questions with about 1,500 characters of formatted text,
/// and 1,000 synpunkter; times <see cref="SpreadsheetExport"/> (inline strings, the default, and shared strings)
/// against a bare <see cref="OpenXmlWriter"/> writing the same cells (the same texts as plain strings, made before the
/// clock starts by the export's own <see cref="RichTextToPlain"/>, the same numbers, no styles, widths, panes or filters) into an .xlsx, warm, and prints the medians
/// and their ratio. Peak memory is measured in child processes of this program (<c>excel-peak export|shared|baseline</c>),
/// one per writer, each generating the same rows and writing once: the child's <see cref="Process.PeakWorkingSet64"/>,
/// and how far it rose above the working set just before writing.
/// </summary>
public static class ExcelBenchmark
{
    public const int Recipients = 300;
    public const int Questions = 20;
    public const int Points = 1_000;

    /// <summary>Measured runs after a first, cold one; the median is reported.</summary>
    public const int WarmRuns = 7;

    private static readonly string[] Prefixes = ["Östra", "Västra", "Ängby", "Ålunda", "Tekniska", "Kultur", "Miljö", "Fritids", "Service", "Bygg"];
    private static readonly string[] Options = ["Ja", "Nej", "Delvis"];
    private static readonly string[] Items = ["Trygghet", "Boende", "Arbete"];
    private static readonly string[] Themes = ["Samordning", "Ekonomi", "Trygghet", "Boende", "Uppföljning"];

    public static async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var content = Generate(Recipients, Questions, Points);
        var cells = BareCells(content);
        var characters = content.Answers.Sum(a => a.AnswerHtml?.Length ?? 0);

        var cold = Measure(content, cells);
        var warm = new List<Run>();
        for (var run = 0; run < WarmRuns; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            warm.Add(Measure(content, cells));
        }

        var export = Median(warm.Select(r => r.Export));
        var shared = Median(warm.Select(r => r.Shared));
        var baseline = Median(warm.Select(r => r.Baseline));
        var ratio = export / baseline;
        var peaks = new Dictionary<string, (long Peak, long Rise)>();
        foreach (var writer in new[] { "export", "shared", "baseline" })
        {
            peaks[writer] = await PeakAsync(writer, cancellationToken);
        }

        var c = CultureInfo.InvariantCulture;
        static double Mb(long bytes) => bytes / 1_048_576.0;
        output.WriteLine(string.Create(c, $"Excel export of {Recipients} remissinstanser × {Questions} questions ({content.Answers.Count} Svar rows, {characters / 1_000_000.0:0.0} million characters of answers in HTML), {content.Points.Count} synpunkter, {content.Recipients.Count} remissinstanser; median of {WarmRuns} runs after a first one"));
        output.WriteLine(string.Create(c, $"  export, inline strings (the default): {export.TotalSeconds:0.000} s  {Mb(warm[0].ExportBytes):0.0} MB file  {Mb(warm[0].ExportAllocated):0} MB allocated  (first run {cold.Export.TotalSeconds:0.000} s)"));
        output.WriteLine(string.Create(c, $"  export, shared strings:               {shared.TotalSeconds:0.000} s  {Mb(warm[0].SharedBytes):0.0} MB file  {Mb(warm[0].SharedAllocated):0} MB allocated  (first run {cold.Shared.TotalSeconds:0.000} s)"));
        output.WriteLine(string.Create(c, $"  baseline (bare OpenXmlWriter, same cells): {baseline.TotalSeconds:0.000} s  {Mb(warm[0].BaselineBytes):0.0} MB file  {Mb(warm[0].BaselineAllocated):0} MB allocated  (first run {cold.Baseline.TotalSeconds:0.000} s)"));
        output.WriteLine(string.Create(c, $"  ratio export/baseline: {ratio:0.00} (shared strings: {shared / baseline:0.00})"));
        foreach (var (writer, (peak, rise)) in peaks)
        {
            output.WriteLine(string.Create(c, $"  peak memory, {writer} alone in a child process: {Mb(peak):0} MB working set at most, {Mb(rise):0} MB above the rows before writing"));
        }

        var met = export.TotalSeconds < 1 && ratio <= 1.5 && peaks["export"].Peak < 400L * 1_048_576;
        output.WriteLine(string.Create(c, $"  targets (export < 1 s, ratio <= 1.5, peak < 400 MB): {(met ? "met" : "NOT met")}"));
    }

    /// <summary>The child process of <see cref="RunAsync"/>: generates the rows, writes once with <paramref name="writer"/>, prints its peak working set.</summary>
    public static void RunPeak(string writer, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var content = Generate(Recipients, Questions, Points);
        var cells = writer == "baseline" ? BareCells(content) : null;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var before = process.WorkingSet64;
        using (var file = new MemoryStream())
        {
            switch (writer)
            {
                case "baseline":
                    WriteBare(file, cells!);
                    break;
                case "shared":
                    SpreadsheetExport.Write(file, content, SpreadsheetStrings.Shared);
                    break;
                default:
                    SpreadsheetExport.Write(file, content, SpreadsheetStrings.Inline);
                    break;
            }
        }

        process.Refresh();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{process.PeakWorkingSet64} {before}"));
    }

    /// <summary>
    /// The rows as <see cref="SpreadsheetRows"/> makes them for a remiss where every remissinstans submitted: the
    /// questions' types in turn (Ställningstagande, Val, Trafikljus, Fritext), answers of about 1,500 characters of
    /// formatted text, <paramref name="points"/> synpunkter spread over the questions, each with a bemötande.
    /// </summary>
    public static SpreadsheetContent Generate(int recipients, int questions, int points)
    {
        var random = new Random(1337);
        var names = Enumerable.Range(1, recipients).Select(i => string.Create(CultureInfo.InvariantCulture, $"{Prefixes[i % Prefixes.Length]}nämnden {i:000}")).Order(SwedishOrder.Comparer).ToList();
        var today = new DateOnly(2026, 11, 23);
        var answers = new List<AnswerRow>(recipients * questions);
        for (var q = 1; q <= questions; q++)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"Fråga om områdeslyftets del {q}: hur ser er verksamhet på den?");
            foreach (var name in names)
            {
                var value = (q % 4) switch
                {
                    1 => PositionQuestion.LabelOf((Position)random.Next(1, 5)),
                    2 => Options[random.Next(Options.Length)],
                    3 => string.Join('\n', Items.Select(i => $"{i}: {TrafficLightQuestion.LabelOf((TrafficLightColour)random.Next(1, 4))}")),
                    _ => null,
                };
                answers.Add(new AnswerRow(q, text, name, "Nämnd", "Inkommet", value, SummaryBenchmark.Answer(random), "Nämndbeslut"));
            }
        }

        var raised = Enumerable.Range(0, points)
            .Select(i => new PointRow(
                names[i % names.Count],
                (i % questions) + 1,
                null,
                SummaryBenchmark.Sentence(random, 25),
                Themes[i % Themes.Length],
                SummaryBenchmark.Sentence(random, 40),
                Dispositions.Label(Dispositions.All[i % Dispositions.All.Count])))
            .OrderBy(p => p.QuestionNumber)
            .ToList();
        var rows = names.Select(name => new RecipientRow(name, "Nämnd", "Inkommet", today.AddDays(-random.Next(30)), null, new DateOnly(2027, 11, 30), null, "Nämndbeslut", today.AddDays(-random.Next(40)), name)).ToList();
        return new SpreadsheetContent("Remissvar STK-2023-137", answers, raised, rows);
    }

    /// <summary>
    /// The export's cells for the baseline, made before the clock starts: each sheet's header and rows as strings
    /// (the answers' HTML as plain text), numbers and Excel serial dates; null where the export leaves a cell out.
    /// </summary>
    public static IReadOnlyList<(string Name, List<object?[]> Rows)> BareCells(SpreadsheetContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var plain = new RichTextToPlain();
        static object? Date(DateOnly? date) => date is { } d ? d.DayNumber - new DateOnly(1899, 12, 30).DayNumber : null;
        return
        [
            ("Svar", [["Fråga", "Frågetext", "Remissinstans", "Typ av organisation", "Status", "Ställningstagande, val eller bedömning", "Svar", "Typ av beslut"],
                .. content.Answers.Select(a => new object?[] { a.QuestionNumber, a.Question, a.Recipient, a.Kind, a.Status, a.Value, plain.Convert(a.AnswerHtml), a.Decision })]),
            ("Synpunkter", [["Remissinstans", "Fråga", "Avsnitt", "Synpunkt", "Teman", "Bemötande", "Ställningstagande"],
                .. content.Points.Select(p => new object?[] { p.Recipient, p.QuestionNumber, p.Section, p.Point, p.Themes, p.Reply, p.Disposition })]),
            ("Remissinstanser", [["Remissinstans", "Typ av organisation", "Status", "Inkommet", "Avstått", "Sista svarsdag", "Anstånd", "Typ av beslut", "Beslutsdatum", "Beslutande organ"],
                .. content.Recipients.Select(r => new object?[] { r.Name, r.Kind, r.Status, Date(r.Received), Date(r.Declined), Date(r.Deadline), r.Extension, r.Decision, Date(r.DecisionDate), r.DecidedBy })]),
        ];
    }

    /// <summary>The baseline: the same cells (with their references), as a bare OpenXmlWriter writes them, nothing more.</summary>
    public static void WriteBare(Stream output, IReadOnlyList<(string Name, List<object?[]> Rows)> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var package = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = package.AddWorkbookPart();
        var parts = new List<WorksheetPart>();
        foreach (var (_, rows) in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            parts.Add(part);
            using var writer = OpenXmlWriter.Create(part);
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            for (var r = 0; r < rows.Count; r++)
            {
                var rowName = (r + 1).ToString(CultureInfo.InvariantCulture);
                writer.WriteStartElement(new Row { RowIndex = (uint)(r + 1) });
                for (var column = 0; column < rows[r].Length; column++)
                {
                    var reference = (char)('A' + column) + rowName;
                    switch (rows[r][column])
                    {
                        case string { Length: > 0 } text:
                            writer.WriteStartElement(new Cell { CellReference = reference, DataType = CellValues.InlineString });
                            writer.WriteStartElement(new InlineString());
                            writer.WriteElement(new Text(text));
                            writer.WriteEndElement();
                            writer.WriteEndElement();
                            break;
                        case int number:
                            writer.WriteElement(new Cell(new CellValue(number)) { CellReference = reference });
                            break;
                        default:
                            break;
                    }
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook = new Workbook(new Sheets(sheets.Select((s, i) => new Sheet { Name = s.Name, SheetId = (uint)(i + 1), Id = workbook.GetIdOfPart(parts[i]) })));
    }

    private static Run Measure(SpreadsheetContent content, IReadOnlyList<(string Name, List<object?[]> Rows)> cells)
    {
        var (export, exportBytes, exportAllocated) = Time(output => SpreadsheetExport.Write(output, content, SpreadsheetStrings.Inline));
        var (shared, sharedBytes, sharedAllocated) = Time(output => SpreadsheetExport.Write(output, content, SpreadsheetStrings.Shared));
        var (baseline, baselineBytes, baselineAllocated) = Time(output => WriteBare(output, cells));
        return new Run(export, exportBytes, exportAllocated, shared, sharedBytes, sharedAllocated, baseline, baselineBytes, baselineAllocated);
    }

    private static (TimeSpan Time, long Bytes, long Allocated) Time(Action<Stream> write)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        using var output = new MemoryStream();
        write(output);
        var elapsed = clock.Elapsed;
        return (elapsed, output.Length, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>Runs this program as <c>excel-peak <paramref name="writer"/></c> and reads the child's peak and its working set before writing.</summary>
    private static async Task<(long Peak, long Rise)> PeakAsync(string writer, CancellationToken cancellationToken)
    {
        var program = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(program) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ExcelBenchmark).Assembly.Location);
        }

        start.ArgumentList.Add("excel-peak");
        start.ArgumentList.Add(writer);
        using var child = Process.Start(start)!;
        var line = await child.StandardOutput.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        var figures = line.Trim().Split(' ').Select(n => long.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        return (figures[0], figures[0] - figures[1]);
    }

    private sealed record Run(
        TimeSpan Export, long ExportBytes, long ExportAllocated, TimeSpan Shared, long SharedBytes, long SharedAllocated, TimeSpan Baseline, long BaselineBytes, long BaselineAllocated);
}
