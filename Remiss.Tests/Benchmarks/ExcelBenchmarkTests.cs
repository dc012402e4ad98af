namespace Remiss.Tests.Benchmarks;

using Remiss.Benchmarks;
using Remiss.Infrastructure.Documents;
using Remiss.Tests.Features.Documents;

/// <summary>The excel benchmark compares like with like: its generated rows make a valid export, and its baseline writes the same cells.</summary>
public sealed class ExcelBenchmarkTests
{
    [Fact]
    public void The_benchmarks_generated_rows_give_a_valid_export_and_the_baseline_writes_the_same_cells()
    {
        var content = ExcelBenchmark.Generate(recipients: 4, questions: 4, points: 6);
        using var export = Inspect(output => SpreadsheetExport.Write(output, content));
        using var baseline = Inspect(output => ExcelBenchmark.WriteBare(output, ExcelBenchmark.BareCells(content)));

        Assert.Empty(export.ValidationErrors());
        Assert.Empty(baseline.ValidationErrors());
        Assert.Equal(17, export.Rows("Svar").Count);
        foreach (var sheet in export.SheetNames)
        {
            Assert.Equal(export.Rows(sheet), baseline.Rows(sheet));
        }
    }

    private static SpreadsheetInspection Inspect(Action<Stream> write)
    {
        using var output = new MemoryStream();
        write(output);
        return new SpreadsheetInspection(output.ToArray());
    }
}
