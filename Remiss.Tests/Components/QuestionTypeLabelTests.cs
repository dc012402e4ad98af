namespace Remiss.Tests.Components;

using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Remisser;
using Remiss.Web.Components;

/// <summary>A question's type in the words of domain.md (Fritext, Ställningstagande, Val, Trafikljus) for the owner, and how to answer it for a remissinstans.</summary>
public sealed class QuestionTypeLabelTests : BunitContext
{
    public QuestionTypeLabelTests() => Services.AddLocalization();

    [Theory]
    [InlineData(QuestionType.FreeText, "Fritext")]
    [InlineData(QuestionType.Position, "Ställningstagande")]
    [InlineData(QuestionType.Choice, "Val")]
    [InlineData(QuestionType.TrafficLight, "Trafikljus")]
    public void Label_InSwedish_UsesTheDomainsWord(QuestionType type, string label)
    {
        var rendered = InCulture("sv-SE", () => Render<QuestionTypeLabel>(p => p.Add(c => c.Type, type)));

        var span = Assert.Single(rendered.FindAll("span"));
        Assert.Equal(label, span.TextContent);
        Assert.Contains("question-type", span.ClassList);
    }

    [Theory]
    [InlineData(QuestionType.FreeText, "Free text")]
    [InlineData(QuestionType.Position, "Position")]
    [InlineData(QuestionType.Choice, "Choice")]
    [InlineData(QuestionType.TrafficLight, "Traffic light")]
    public void Label_InEnglish_UsesTheEnglishWord(QuestionType type, string label)
    {
        var rendered = InCulture("en", () => Render<QuestionTypeLabel>(p => p.Add(c => c.Type, type)));

        Assert.Equal(label, rendered.Find("span.question-type").TextContent);
    }

    [Theory]
    [InlineData(QuestionType.FreeText, "Svara med egen text")]
    [InlineData(QuestionType.Position, "Ta ställning och motivera")]
    [InlineData(QuestionType.Choice, "Välj bland alternativen")]
    [InlineData(QuestionType.TrafficLight, "Bedöm varje punkt som grönt, gult eller rött")]
    public void AsInstruction_TellsTheRespondentHowToAnswer_InsteadOfNamingTheType(QuestionType type, string instruction)
    {
        var rendered = InCulture("sv-SE", () => Render<QuestionTypeLabel>(p => p.Add(c => c.Type, type).Add(c => c.AsInstruction, true)));

        Assert.Equal(instruction, rendered.Find("span.question-type").TextContent);
    }

    [Fact]
    public void Label_HasASwedishWordForEveryType()
    {
        foreach (var type in Enum.GetValues<QuestionType>())
        {
            Assert.NotEqual(type.ToString(), QuestionTypeLabel.Label(type));
        }
    }

    private static T InCulture<T>(string culture, Func<T> render)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return render();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
