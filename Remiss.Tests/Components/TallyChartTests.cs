namespace Remiss.Tests.Components;

using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Remisser;
using Remiss.Web.Components.Charts;

/// <summary>
/// The tallies' charts, drawn as SVG on the server: every bar and cell says its words and its number as text, the
/// chart is an image with a title that reads the numbers out, and the same numbers follow as a table.
/// </summary>
public sealed class TallyChartTests : BunitContext
{
    public TallyChartTests() => Services.AddLocalization();

    [Fact]
    public void ABarChart_DrawsEachBarWithItsWordsAndNumber_AndTablesTheSameNumbers()
    {
        var chart = InSwedish(() => Render<BarChart>(p => p
            .Add(c => c.Id, "diagram-2")
            .Add(c => c.Title, "Ställningstaganden i fråga 2")
            .Add(c => c.LabelHeading, "Ställningstagande")
            .Add(c => c.Total, 4)
            .Add(c => c.Bars, [new ChartBar("Tillstyrker", 3), new ChartBar("Avstyrker", 1)])));

        var svg = chart.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("Ställningstaganden i fråga 2: Tillstyrker: 3 av 4; Avstyrker: 1 av 4", chart.Find("svg > title").TextContent);
        Assert.Equal(["Tillstyrker", "3 av 4", "Avstyrker", "1 av 4"], chart.FindAll("svg text").Select(t => t.TextContent));
        Assert.Equal(["360", "120"], chart.FindAll("svg rect").Select(r => r.GetAttribute("width")));
        Assert.Equal(["Ställningstagande", "Antal", "Andel"], chart.FindAll("thead th").Select(t => t.TextContent));
        Assert.Equal(["Tillstyrker|3|75 %", "Avstyrker|1|25 %"], chart.FindAll("tbody tr").Select(tr => string.Join('|', tr.Children.Select(c => c.TextContent.Replace('\u00a0', ' ')))));
    }

    [Fact]
    public void ABarChartWithoutAnswers_DrawsNoLengthAndSaysDashForTheShare()
    {
        var chart = InSwedish(() => Render<BarChart>(p => p
            .Add(c => c.Id, "d").Add(c => c.Title, "Val").Add(c => c.Total, 0).Add(c => c.Bars, [new ChartBar("Ja", 0)])));

        Assert.Equal("0", chart.Find("svg rect").GetAttribute("width"));
        Assert.Equal("–", chart.FindAll("tbody td")[^1].TextContent);
    }

    [Fact]
    public void AGroupedBarChart_NamesEachGroupAboveItsBars_AndInTheTable_AndAToneIsAlsoAWord()
    {
        var chart = InSwedish(() => Render<BarChart>(p => p
            .Add(c => c.Id, "d").Add(c => c.Title, "Bedömningar").Add(c => c.Total, 2).Add(c => c.GroupHeading, "Punkt").Add(c => c.LabelHeading, "Bedömning")
            .Add(c => c.Bars, [new ChartBar("Grönt", 1, "green", "Trygghet"), new ChartBar("Rött", 1, "red", "Trygghet"), new ChartBar("Grönt", 2, "green", "Boende")])));

        Assert.Equal(["Trygghet", "Grönt", "1 av 2", "Rött", "1 av 2", "Boende", "Grönt", "2 av 2"], chart.FindAll("svg text").Select(t => t.TextContent));
        Assert.Contains("chart__bar--red", chart.FindAll("svg rect")[1].GetAttribute("class"), StringComparison.Ordinal);
        Assert.Equal(["Punkt", "Bedömning", "Antal", "Andel"], chart.FindAll("thead th").Select(t => t.TextContent));
        Assert.Equal("Trygghet|Rött|1", string.Join('|', chart.FindAll("tbody tr")[1].Children.Take(3).Select(c => c.TextContent)));
    }

    [Fact]
    public void ATrafficLightMatrix_GivesEachColourItsOwnShapeAndWords_AndTablesTheMatrix()
    {
        var matrix = InSwedish(() => Render<TrafficLightMatrix>(p => p
            .Add(c => c.Id, "m").Add(c => c.Title, "Bedömningar per remissinstans")
            .Add(c => c.Items, ["Trygghet", "Boende"])
            .Add(c => c.Rows, [new MatrixRow("Tekniska nämnden", [TrafficLightColour.Green, TrafficLightColour.Yellow]), new MatrixRow("MKB", [TrafficLightColour.Red, null])])));

        Assert.Equal("img", matrix.Find("svg").GetAttribute("role"));
        Assert.Equal(
            ["Tekniska nämnden, Trygghet: Grönt", "Tekniska nämnden, Boende: Gult", "MKB, Trygghet: Rött", "MKB, Boende: Ej bedömt"],
            matrix.FindAll("svg g > title").Select(t => t.TextContent));
        // The legend's shapes, then one per rated cell: a circle for green, a triangle for yellow, a square for red.
        Assert.Equal(2, matrix.FindAll("svg circle").Count);
        Assert.Equal(2, matrix.FindAll("svg polygon").Count);
        Assert.Equal(2, matrix.FindAll("svg rect.chart__mark").Count);
        Assert.Equal(["Tekniska nämnden|Grönt|Gult", "MKB|Rött|–"], matrix.FindAll("tbody tr").Select(tr => string.Join('|', tr.Children.Select(c => c.TextContent))));
    }

    private static T InSwedish<T>(Func<T> render)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        try
        {
            return render();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
