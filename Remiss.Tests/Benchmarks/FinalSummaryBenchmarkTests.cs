namespace Remiss.Tests.Benchmarks;

using Remiss.Benchmarks;
using Remiss.Infrastructure.Documents;
using Remiss.Tests.Features.Documents;

/// <summary>The final benchmark measures a real final sammanställning: what it generates must make a valid one with every synpunkt.</summary>
public sealed class FinalSummaryBenchmarkTests
{
    [Fact]
    public void The_final_benchmarks_generated_work_gives_a_valid_final_summary_with_every_synpunkt()
    {
        var (remiss, recipients, context) = SummaryBenchmark.Generate(recipients: 4, questions: 4);
        var review = FinalSummaryBenchmark.GenerateReview(remiss, recipients, points: 40);
        remiss.Close(context.NowUtc);

        using var document = WordInspection.Of(output => SummaryDocument.Write(output, remiss, recipients, context, withResponses: false, review));

        Assert.Empty(document.ValidationErrors());
        Assert.Equal(40, PointRows(document));
        Assert.DoesNotContain(document.Paragraphs(), p => p.Text.StartsWith("Preliminär", StringComparison.Ordinal));
    }

    [Fact]
    public void A_final_summary_with_a_thousand_synpunkter_builds_with_every_one_of_them()
    {
        var (remiss, recipients, context) = SummaryBenchmark.Generate(recipients: 30, questions: 20);
        var review = FinalSummaryBenchmark.GenerateReview(remiss, recipients, FinalSummaryBenchmark.Points);
        remiss.Close(context.NowUtc);

        using var document = WordInspection.Of(output => SummaryDocument.Write(output, remiss, recipients, context, withResponses: false, review));

        Assert.Equal(FinalSummaryBenchmark.Points, PointRows(document));
    }

    /// <summary>The rows of the synpunkter tables under the questions and outside them (not the themes appendix).</summary>
    private static int PointRows(WordInspection document) =>
        document.Tables.Select(WordInspection.Rows).Where(rows => rows[0] is ["Remissinstans", "Synpunkt", "Bemötande", "Ställningstagande"]).Sum(rows => rows.Count - 1);
}
