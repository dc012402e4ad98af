namespace Remiss.Benchmarks;

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Documents;
using Remiss.Infrastructure.Remisser;

/// <summary>
/// <c>dotnet run -c Release --project Remiss.Benchmarks -- final</c>: the final sammanställning of the <c>summary</c>
/// benchmark's remiss (300 recipients × 20 questions × about 1,500 characters), closed, with the office's work on it:
/// 1,000 synpunkter with bemötanden and themes, and a Kommentar to every question. In memory, without a database;
/// prints the time to build the document and the peak memory.
/// </summary>
public static class FinalSummaryBenchmark
{
    public const int Points = 1_000;

    private static readonly string[] ThemeNames = ["Samordning", "Ekonomi", "Trygghet", "Boende", "Skola", "Arbete", "Uppföljning", "Barnperspektiv"];

    public static Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (remiss, recipients, context) = SummaryBenchmark.Generate(SummaryBenchmark.Recipients, SummaryBenchmark.Questions);
        var review = GenerateReview(remiss, recipients, Points);
        remiss.Close(context.NowUtc);

        var (cold, bytes) = Measure(remiss, recipients, context, review);
        var warm = new List<TimeSpan>();
        for (var run = 0; run < SummaryBenchmark.WarmRuns; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            warm.Add(Measure(remiss, recipients, context, review).Time);
        }

        var best = warm.Min();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"Final sammanställning of {SummaryBenchmark.Recipients} recipients × {SummaryBenchmark.Questions} questions with {review.Points.Count} synpunkter, {review.Themes.Count} themes and {review.Comments.Count} comments, best of {SummaryBenchmark.WarmRuns} runs after a first one"));
        output.WriteLine(string.Create(c, $"  final summary: {best.TotalSeconds:0.000} s  {bytes / 1_048_576.0:0.0} MB  (first run {cold.TotalSeconds:0.000} s)"));
        output.WriteLine(string.Create(c, $"  peak memory (working set of the process): {peak / 1_048_576.0:0} MB"));
        output.WriteLine(string.Create(c, $"  targets (final summary < 2 s, peak < 400 MB): {(best.TotalSeconds < 2 && peak < 400L * 1_048_576 ? "met" : "NOT met")}"));
        return Task.CompletedTask;
    }

    /// <summary>
    /// The office's work on a sent remiss whose recipients have all submitted: <paramref name="points"/> synpunkter, four
    /// in five on a question and the rest on the Sammanfattning, the general views or Barnperspektiv; most with a
    /// bemötande and a ställningstagande, some under one or two themes; and a Kommentar to every question. Ordered as
    /// <see cref="RemissReview.ReadAsync"/> reads it.
    /// </summary>
    public static ReviewSnapshot GenerateReview(Domain.Remisser.Remiss remiss, IReadOnlyList<Recipient> recipients, int points)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        ArgumentNullException.ThrowIfNull(recipients);
        var random = new Random(4711);
        var user = Guid.CreateVersion7();
        var now = remiss.SentAt ?? DateTime.UtcNow;
        var themes = new List<Theme>();
        foreach (var name in ThemeNames)
        {
            themes.Add(Theme.Create(remiss, name, themes));
        }

        string[] sections = [PointSource.SummarySection, PointSource.GeneralViewsSection, "Barnperspektiv"];
        var raised = new List<RaisedPoint>(points);
        for (var i = 0; i < points; i++)
        {
            var source = i % 5 == 4 ? PointSource.InSection(sections[random.Next(sections.Length)]) : PointSource.Question(random.Next(1, remiss.Questions.Count + 1));
            var dispositions = Dispositions.All;
            var content = new PointContent(
                Text(random, 300),
                i % 10 == 9 ? null : Text(random, 400),
                i % 7 == 6 ? null : dispositions[random.Next(dispositions.Count)],
                [.. Enumerable.Range(0, random.Next(3)).Select(_ => themes[random.Next(themes.Count)].Id).Distinct()]);
            raised.Add(RaisedPoint.Raise(remiss, recipients[random.Next(recipients.Count)], source, content, themes, user, now.AddSeconds(i)));
        }

        var comments = remiss.Questions.Select(q => QuestionComment.Write(remiss, q.Number, Text(random, 800), user, now)).ToList();
        var ordered = raised
            .OrderBy(p => p.QuestionNumber is null)
            .ThenBy(p => p.QuestionNumber)
            .ThenBy(p => p.Section ?? string.Empty, SwedishOrder.Comparer)
            .ThenBy(p => p.CreatedAt)
            .ToList();
        return new ReviewSnapshot(ordered, SwedishOrder.By(themes, t => t.Name), comments);
    }

    private static (TimeSpan Time, long Bytes) Measure(Domain.Remisser.Remiss remiss, IReadOnlyList<Recipient> recipients, DocumentContext context, ReviewSnapshot review)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        using var output = new MemoryStream();
        SummaryDocument.Write(output, remiss, recipients, context, withResponses: false, review);
        return (clock.Elapsed, output.Length);
    }

    /// <summary>About <paramref name="length"/> characters of plain text, as a quoted synpunkt or a bemötande reads.</summary>
    private static string Text(Random random, int length)
    {
        string[] words = ["förvaltningen", "nämnden", "områdeslyftet", "tryggheten", "boendet", "samverkan", "behöver", "stärkas", "och", "att", "som", "i", "för", "ekonomiska", "förutsättningar", "barn", "unga", "uppföljning"];
        var text = new StringBuilder(length + 20);
        while (text.Length < length)
        {
            text.Append(words[random.Next(words.Length)]).Append(' ');
        }

        return text.ToString().TrimEnd() + ".";
    }
}
