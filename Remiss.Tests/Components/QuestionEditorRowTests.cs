namespace Remiss.Tests.Components;

using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Remisser;
using Remiss.Web.Components;
using Remiss.Web.Forms;

/// <summary>
/// One question of the remiss form: numbered controls named for model binding, labelled "Frågetext N" and
/// "Frågetyp N", and buttons that post the whole form to a handler for this row.
/// </summary>
public sealed class QuestionEditorRowTests : BunitContext
{
    public QuestionEditorRowTests() => Services.AddLocalization();

    [Fact]
    public void Row_IsAFieldsetNumberedFromOne_WithItsControlsLabelledAndNamedForBinding()
    {
        var row = RenderRow(1, 3, new QuestionForm { Text = "Hur går arbetet?", Type = QuestionType.TrafficLight, IsRequired = true, Items = "Trygghet\nBoende" });

        var fieldset = row.Find("fieldset");
        Assert.Equal("fraga-2", fieldset.Id);
        Assert.Equal("Fråga 2", fieldset.QuerySelector("legend")!.TextContent);
        Assert.Equal("Input.Questions[1].Text", Control(row, "Frågetext 2").GetAttribute("name"));
        Assert.Equal("Hur går arbetet?", Control(row, "Frågetext 2").TextContent.Trim());
        Assert.Equal("Input.Questions[1].Type", Control(row, "Frågetyp 2").GetAttribute("name"));
        Assert.Equal("Input.Questions[1].IsRequired", Control(row, "Fråga 2 är obligatorisk").GetAttribute("name"));
        Assert.Equal("true", Control(row, "Fråga 2 är obligatorisk").GetAttribute("value"));
        Assert.True(Control(row, "Fråga 2 är obligatorisk").HasAttribute("checked"));
        Assert.Equal("Input.Questions[1].Items", Control(row, "Punkter att bedöma i fråga 2").GetAttribute("name"));
        Assert.Equal("Trygghet\nBoende", Control(row, "Punkter att bedöma i fråga 2").TextContent.Trim());
        Assert.Equal("Input.Questions[1].Options", Control(row, "Svarsalternativ till fråga 2").GetAttribute("name"));
        Assert.Equal("Input.Questions[1].OptionsAreOrganisations", Control(row, "Alternativen till fråga 2 är kommunens organisationer").GetAttribute("name"));
        Assert.Equal("Input.Questions[1].AllowsSeveralChoices", Control(row, "Flera alternativ får väljas i fråga 2").GetAttribute("name"));
    }

    [Fact]
    public void EveryControl_HasALabel()
    {
        var row = RenderRow(0, 1, new QuestionForm());

        var controls = row.FindAll("input, select, textarea");
        Assert.Equal(7, controls.Count);
        Assert.All(controls, c => Assert.Single(row.FindAll($"label[for='{c.Id}']")));
    }

    [Fact]
    public void TypeSelect_OffersTheFourTypesInSwedish_WithTheQuestionsTypeSelected()
    {
        var row = RenderRow(0, 1, new QuestionForm { Type = QuestionType.Choice });

        var options = row.FindAll("select option");
        Assert.Equal(["Fritext", "Ställningstagande", "Val", "Trafikljus"], options.Select(o => o.TextContent));
        Assert.Equal(["FreeText", "Position", "Choice", "TrafficLight"], options.Select(o => o.GetAttribute("value")));
        Assert.Equal(["Choice"], options.Where(o => o.HasAttribute("selected")).Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public void ChoiceSettings_AreShownAsTyped()
    {
        var row = RenderRow(0, 1, new QuestionForm { Type = QuestionType.Choice, Options = "Ja\nNej", AllowsSeveralChoices = true, OptionsAreOrganisations = false });

        Assert.Equal("Ja\nNej", Control(row, "Svarsalternativ till fråga 1").TextContent.Trim());
        Assert.True(Control(row, "Flera alternativ får väljas i fråga 1").HasAttribute("checked"));
        Assert.False(Control(row, "Alternativen till fråga 1 är kommunens organisationer").HasAttribute("checked"));
        Assert.False(Control(row, "Fråga 1 är obligatorisk").HasAttribute("checked"));
    }

    [Fact]
    public void AMiddleRow_HasMoveUpMoveDownAndRemove_EachPostingToItsHandlerWithTheRowsIndex()
    {
        var row = RenderRow(1, 3, new QuestionForm());

        Assert.Equal(
            [
                ("Flytta upp fråga 2", "?handler=MoveQuestionUp&index=1"),
                ("Flytta ned fråga 2", "?handler=MoveQuestionDown&index=1"),
                ("Ta bort fråga 2", "?handler=RemoveQuestion&index=1"),
            ],
            row.FindAll("button").Select(b => (b.TextContent, b.GetAttribute("formaction"))));
        Assert.All(row.FindAll("button"), b => Assert.Equal("submit", b.GetAttribute("type")));
    }

    [Fact]
    public void TheFirstRow_CannotMoveUp_AndTheLastCannotMoveDown()
    {
        var first = RenderRow(0, 2, new QuestionForm());
        var last = RenderRow(1, 2, new QuestionForm());
        var only = RenderRow(0, 1, new QuestionForm());

        Assert.Equal(["Flytta ned fråga 1", "Ta bort fråga 1"], first.FindAll("button").Select(b => b.TextContent));
        Assert.Equal(["Flytta upp fråga 2", "Ta bort fråga 2"], last.FindAll("button").Select(b => b.TextContent));
        Assert.Equal(["Ta bort fråga 1"], only.FindAll("button").Select(b => b.TextContent));
    }

    [Fact]
    public void AnErrorOnTheText_IsShownNextToIt_AndDescribesTheField()
    {
        var row = RenderRow(0, 1, new QuestionForm { Text = "x" }, new Dictionary<string, string> { ["Text"] = "Frågetext 1 får vara högst 4 000 tecken." });

        var error = row.Find("#Input_Questions_0__Text-error");
        Assert.Equal("Frågetext 1 får vara högst 4 000 tecken.", error.TextContent);
        Assert.Equal("Input_Questions_0__Text-error", Control(row, "Frågetext 1").GetAttribute("aria-describedby"));
        Assert.Contains("field--error", error.ParentElement!.ClassList);
    }

    [Fact]
    public void WithoutErrors_NoErrorIsShownAndTheTextIsNotDescribedByOne()
    {
        var row = RenderRow(0, 1, new QuestionForm { Text = "Fråga" });

        Assert.Empty(row.FindAll(".field-error"));
        Assert.Empty(row.FindAll(".field--error"));
        Assert.False(Control(row, "Frågetext 1").HasAttribute("aria-describedby"));
    }

    [Fact]
    public void AnErrorOnTheOptions_IsShownNextToTheOptions()
    {
        var row = RenderRow(0, 1, new QuestionForm { Type = QuestionType.Choice, Options = "Ja\nja" }, new Dictionary<string, string> { ["Options"] = "Svarsalternativ till fråga 1: samma text finns två gånger." });

        Assert.Equal("Svarsalternativ till fråga 1: samma text finns två gånger.", row.Find("#Input_Questions_0__Options-error").TextContent);
        Assert.Contains("Input_Questions_0__Options-error", Control(row, "Svarsalternativ till fråga 1").GetAttribute("aria-describedby") ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileTextInTheQuestion_IsEncoded()
    {
        var row = RenderRow(0, 1, new QuestionForm
        {
            Text = "<script>alert(1)</script>",
            Options = "<img src=x onerror=alert(1)>",
            Items = "</textarea><script>alert(2)</script>",
        });

        Assert.Empty(row.FindAll("script, img"));
        Assert.Equal("<script>alert(1)</script>", Control(row, "Frågetext 1").TextContent.Trim());
        Assert.Equal("<img src=x onerror=alert(1)>", Control(row, "Svarsalternativ till fråga 1").TextContent.Trim());
        Assert.Equal("</textarea><script>alert(2)</script>", Control(row, "Punkter att bedöma i fråga 1").TextContent.Trim());
    }

    [Fact]
    public void InEnglish_TheLabelsAreNotLeftInSwedish()
    {
        var row = InCulture("en", () => Render<QuestionEditorRow>(p => p
            .Add(c => c.Index, 0)
            .Add(c => c.Count, 2)
            .Add(c => c.Question, new QuestionForm())));

        var labels = row.FindAll("label, legend, button").Select(e => e.TextContent.Trim()).ToList();
        Assert.DoesNotContain("Frågetext 1", labels);
        Assert.DoesNotContain("Frågetyp 1", labels);
        Assert.DoesNotContain("Ta bort fråga 1", labels);
    }

    private IRenderedComponent<QuestionEditorRow> RenderRow(int index, int count, QuestionForm question, IReadOnlyDictionary<string, string>? errors = null) =>
        InCulture("sv-SE", () => Render<QuestionEditorRow>(p =>
        {
            p.Add(c => c.Index, index).Add(c => c.Count, count).Add(c => c.Question, question);
            if (errors is not null)
            {
                p.Add(c => c.Errors, errors);
            }
        }));

    /// <summary>The control labelled <paramref name="label"/>, as a person finds it.</summary>
    private static IElement Control(IRenderedComponent<QuestionEditorRow> row, string label)
    {
        var labelElement = row.FindAll("label").SingleOrDefault(l => l.TextContent.Trim() == label)
            ?? throw new InvalidOperationException($"No label \"{label}\".");
        return row.Find($"#{labelElement.GetAttribute("for")}");
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
