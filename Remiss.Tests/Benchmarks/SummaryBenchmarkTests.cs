namespace Remiss.Tests.Benchmarks;

using Remiss.Benchmarks;
using Remiss.Infrastructure.Documents;
using Remiss.Tests.Features.Documents;

/// <summary>The summary benchmark measures a real sammanställning: what it generates must make a valid one.</summary>
public sealed class SummaryBenchmarkTests
{
    [Fact]
    public void The_benchmarks_generated_remiss_gives_a_valid_summary_with_every_recipient()
    {
        var (remiss, recipients, context) = SummaryBenchmark.Generate(recipients: 4, questions: 4);
        using var document = WordInspection.Of(output => SummaryDocument.Write(output, remiss, recipients, context, withResponses: true));
        Assert.Empty(document.ValidationErrors());
        Assert.Equal(5, WordInspection.Rows(document.Tables[0]).Count);
        Assert.All(WordInspection.Rows(document.Tables[0]).Skip(1), row => Assert.Equal("Inkommet", row[1]));
    }
}
