namespace Remiss.Tests.Features.Audit;

using Remiss.Infrastructure.Audit;

/// <summary>A cell of the log's CSV export is always text to a spreadsheet.</summary>
public sealed class AuditCsvTests
{
    [Theory]
    [InlineData("=SUM(A1:A9)", "\"'=SUM(A1:A9)\"")]
    [InlineData("+46 40 34 10 00", "\"'+46 40 34 10 00\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@cmd", "\"'@cmd\"")]
    [InlineData("\tTab", "\"'\tTab\"")]
    [InlineData("Miljönämnden", "\"Miljönämnden\"")]
    [InlineData("Sa \"ja\"; sedan", "\"Sa \"\"ja\"\"; sedan\"")]
    [InlineData("a=b", "\"a=b\"")]
    [InlineData("", "\"\"")]
    [InlineData(null, "\"\"")]
    public void Cell_QuotesAndDefusesFormulas(string? value, string expected) => Assert.Equal(expected, AuditCsv.Cell(value));
}
