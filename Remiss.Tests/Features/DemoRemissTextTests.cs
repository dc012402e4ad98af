namespace Remiss.Tests.Features;

using Remiss.Infrastructure.Demo;

/// <summary>The demo is read from the real remiss STK-2023-137 that ships with the app.</summary>
public sealed class DemoRemissTextTests
{
    private static readonly DemoRemissText Text = DemoRemissText.Load();

    [Fact]
    public void Load_FindsTheTitleAndDiarienummer()
    {
        Assert.Equal("STK-2023-137", Text.Diarienummer);
        Assert.StartsWith("Definiera och starta ett långsiktigt och strategiskt områdeslyft", Text.Title, StringComparison.Ordinal);
        Assert.EndsWith("barn och ungas uppväxtvillkor", Text.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FindsTheFifteenRecipientsWithoutStadskontoretsOwnHandlaggare()
    {
        Assert.Equal(15, Text.Recipients.Count);
        Assert.Equal("Tekniska nämnden", Text.Recipients[0]);
        Assert.Contains("Hälsa-, vård- och omsorgsnämnden", Text.Recipients);
        Assert.Equal("Parkeringsövervakning i Malmö AB", Text.Recipients[^1]);
        Assert.DoesNotContain(Text.Recipients, r => r.Contains("handläggare", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_FindsTheFourRemissfragorInOrder()
    {
        Assert.Equal(4, Text.Questions.Count);
        Assert.StartsWith("Vilka pågående processer", Text.Questions[0], StringComparison.Ordinal);
        Assert.StartsWith("Finns det särskilda områden", Text.Questions[1], StringComparison.Ordinal);
        Assert.StartsWith("Hur ser er nämnd/bolag på möjligheterna", Text.Questions[2], StringComparison.Ordinal);
        Assert.StartsWith("Vilken nämnd eller bolag ser ni bör få den samordnande rollen", Text.Questions[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MakesTheSummaryIntoEncodedParagraphs()
    {
        Assert.StartsWith("<p>Genom kommunfullmäktiges budgetuppdrag 2023", Text.DescriptionHtml, StringComparison.Ordinal);
        Assert.Equal(4, Text.DescriptionHtml.Split("<p>").Length - 1);
        Assert.Equal("Mia Idestrom", Text.ContactName);
    }

    [Theory]
    [InlineData("2026-11-23", "2027-11-30")]
    [InlineData("2026-11-08", "2026-11-30")]
    [InlineData("2026-11-10", "2027-11-30")]
    [InlineData("2026-01-15", "2026-11-30")]
    public void DemoDeadline_IsTheNext30NovemberAtLeastThreeWeeksAway(string today, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DemoDataSeeder.DemoDeadline(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
