namespace Remiss.Tests.Components;

using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Remisser;
using Remiss.Web.Components;

/// <summary>
/// A recipient's status as a traffic light with its word: grönt Inkommet, gult Påbörjat or a granted anstånd, rött
/// only when late or close to the deadline, a hollow neutral dot for Ej påbörjat far from it and for an anstånd only
/// asked for (Anstånd begärt); Avstår apart, in grey. The word is always there, so colour is never the only signal.
/// </summary>
public sealed class RecipientLightTests : BunitContext
{
    public RecipientLightTests() => Services.AddLocalization();

    [Theory]
    [InlineData(RecipientStatus.Submitted, false, false, "green", "Inkommet")]
    [InlineData(RecipientStatus.Submitted, false, true, "green", "Inkommet")]
    [InlineData(RecipientStatus.Drafting, false, false, "yellow", "Påbörjat")]
    [InlineData(RecipientStatus.Drafting, false, true, "yellow", "Påbörjat, anstånd")]
    [InlineData(RecipientStatus.NotStarted, false, true, "yellow", "Ej påbörjat, anstånd")]
    [InlineData(RecipientStatus.NotStarted, false, false, "neutral", "Ej påbörjat")]
    [InlineData(RecipientStatus.NotStarted, true, false, "red", "Ej påbörjat, sen")]
    [InlineData(RecipientStatus.Drafting, true, false, "red", "Påbörjat, sen")]
    [InlineData(RecipientStatus.NotStarted, true, true, "red", "Ej påbörjat, sen")]
    [InlineData(RecipientStatus.Declined, false, false, "grey", "Avstår")]
    [InlineData(RecipientStatus.Declined, false, true, "grey", "Avstår")]
    public void Light_HasTheColourAndTheWordsOfTheStatus(RecipientStatus status, bool overdue, bool extension, string colour, string words)
    {
        var light = RenderLight(status, overdue, extension);

        var span = light.Find("span.light");
        Assert.Contains($"light--{colour}", span.ClassList);
        Assert.Equal(words, span.TextContent);
        Assert.Equal(colour, light.Instance.Colour);
        Assert.Equal(colour, RecipientLight.ColourOf(status, overdue, extension));
    }

    [Theory]
    [InlineData(RecipientStatus.NotStarted, false, false, "neutral", "Anstånd begärt")]
    [InlineData(RecipientStatus.Drafting, false, false, "yellow", "Anstånd begärt")]
    [InlineData(RecipientStatus.NotStarted, true, false, "red", "Anstånd begärt, nära sista svarsdag")]
    [InlineData(RecipientStatus.NotStarted, false, true, "red", "Anstånd begärt, sen")]
    [InlineData(RecipientStatus.Submitted, false, false, "green", "Inkommet")]
    public void AnAnstandAskedFor_SaysAnstandBegart_AndIsNotShownAsGranted(RecipientStatus status, bool near, bool overdue, string colour, string words)
    {
        var light = Render<RecipientLight>(p => p.Add(c => c.Status, status).Add(c => c.ExtensionRequested, true).Add(c => c.IsNearDeadline, near).Add(c => c.IsOverdue, overdue));

        Assert.Equal(colour, light.Instance.Colour);
        Assert.Equal(words, light.Find("span.light").TextContent);
    }

    [Theory]
    [InlineData(RecipientStatus.NotStarted, "red", "Ej påbörjat, nära sista svarsdag")]
    [InlineData(RecipientStatus.Drafting, "red", "Påbörjat, nära sista svarsdag")]
    [InlineData(RecipientStatus.Submitted, "green", "Inkommet")]
    [InlineData(RecipientStatus.Declined, "grey", "Avstår")]
    public void CloseToTheDeadline_ThoseStillAnsweringAreRed_WithWordsThatSaySo(RecipientStatus status, string colour, string words)
    {
        var light = Render<RecipientLight>(p => p.Add(c => c.Status, status).Add(c => c.IsNearDeadline, true));

        Assert.Equal(colour, light.Instance.Colour);
        Assert.Equal(words, light.Find("span.light").TextContent);
        Assert.Equal(words.EndsWith("nära sista svarsdag", StringComparison.Ordinal) ? ["nära sista svarsdag"] : [], light.FindAll("strong").Select(s => s.TextContent));
    }

    [Fact]
    public void TheDot_IsHiddenFromScreenReaders_AndTheWordIsText()
    {
        var light = RenderLight(RecipientStatus.Drafting, false, false);

        var dot = light.Find(".light__dot");
        Assert.Equal("true", dot.GetAttribute("aria-hidden"));
        Assert.Equal(string.Empty, dot.TextContent);
        Assert.Equal("Påbörjat", light.Find("span.light").TextContent);
    }

    [Fact]
    public void Sen_IsEmphasised()
    {
        var light = RenderLight(RecipientStatus.NotStarted, true, false);

        Assert.Equal("sen", light.Find("strong").TextContent);
    }

    [Fact]
    public void InEnglish_TheWordsAreEnglish()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var late = Render<RecipientLight>(p => p.Add(c => c.Status, RecipientStatus.NotStarted).Add(c => c.IsOverdue, true));
            var extended = Render<RecipientLight>(p => p.Add(c => c.Status, RecipientStatus.Drafting).Add(c => c.HasExtension, true));

            Assert.StartsWith("Not started, ", late.Find("span.light").TextContent, StringComparison.Ordinal);
            Assert.NotEqual("sen", late.Find("strong").TextContent);
            Assert.DoesNotContain("anstånd", extended.Find("span.light").TextContent, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private IRenderedComponent<RecipientLight> RenderLight(RecipientStatus status, bool overdue, bool extension)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        try
        {
            return Render<RecipientLight>(p => p.Add(c => c.Status, status).Add(c => c.IsOverdue, overdue).Add(c => c.HasExtension, extension));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
