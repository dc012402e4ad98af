namespace Remiss.Tests.Components;

using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;
using Remiss.Web.Components;
using Remiss.Web.Forms;

/// <summary>
/// The input an answer needs, per question type, named the way people and tests find it: `Svar på fråga N`, the
/// `Ställningstagande till fråga N` radio group, choices, traffic lights with comments, `Inga synpunkter på fråga N`;
/// every name bound to Input.Answers[Index], every checked state taken from the AnswerForm.
/// </summary>
public sealed class AnswerInputTests : BunitContext
{
    private static readonly string[] Organisations = ["Arbetsmarknads- och socialnämnden", "Grundskolenämnden", "MKB", "Stadskontoret"];

    public AnswerInputTests() => Services.AddLocalization();

    [Fact]
    public void Fritext_has_a_textarea_named_Svar_pa_fraga_N_holding_the_answer_and_no_other_controls_but_Inga_synpunkter()
    {
        var question = QuestionNumber(1, QuestionDefinition.FreeText("Vilka pågående processer finns?", required: true));

        var rendered = RenderAnswer(question, 0, new AnswerForm { QuestionNumber = 1, Text = "Vi arbetar i Rosengård." });

        var text = (IHtmlTextAreaElement)Labelled(rendered, "Svar på fråga 1");
        Assert.Equal("Input.Answers[0].Text", text.Name);
        Assert.Equal("Vi arbetar i Rosengård.", text.Value);
        Assert.True(text.HasAttribute("data-rich-text"));
        Assert.Contains("Tom rad mellan stycken", Described(rendered, text), StringComparison.Ordinal);
        Assert.Empty(rendered.FindAll("fieldset"));
        Assert.Empty(rendered.FindAll("input[type=radio]"));
        Assert.Equal(["Input.Answers[0].QuestionNumber", "Input.Answers[0].NoComments"], rendered.FindAll("input").Select(i => i.GetAttribute("name")).ToList());
        Assert.Equal("1", rendered.Find("input[type=hidden]").GetAttribute("value"));
        var none = (IHtmlInputElement)Labelled(rendered, "Inga synpunkter på fråga 1");
        Assert.Equal(("checkbox", "Input.Answers[0].NoComments", "true"), (none.Type, none.Name, none.Value));
        Assert.False(none.IsChecked);
        Assert.Equal("1. Vilka pågående processer finns?", rendered.Find("h3").TextContent);
        Assert.Contains("Obligatorisk", rendered.Find(".question-meta").TextContent, StringComparison.Ordinal);
        Assert.Equal("fraga-1", rendered.Find("section").Id);
    }

    [Fact]
    public void Inga_synpunkter_is_checked_from_the_answer_form()
    {
        var question = QuestionNumber(2, QuestionDefinition.FreeText("Övrigt?"));

        var rendered = RenderAnswer(question, 1, new AnswerForm { QuestionNumber = 2, NoComments = true });

        var none = (IHtmlInputElement)Labelled(rendered, "Inga synpunkter på fråga 2");
        Assert.True(none.IsChecked);
        Assert.Equal("Input.Answers[1].NoComments", none.Name);
        Assert.DoesNotContain("Obligatorisk", rendered.Find(".question-meta").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Position.Supports)]
    [InlineData(Position.PartlySupports)]
    [InlineData(Position.Opposes)]
    [InlineData(Position.NoComments)]
    public void Stallningstagande_is_a_radio_group_of_four_named_by_its_legend_with_the_chosen_one_checked(Position? chosen)
    {
        var question = QuestionNumber(3, QuestionDefinition.PositionOn("Tillstyrker ni förslaget?", required: true));

        var rendered = RenderAnswer(question, 2, new AnswerForm { QuestionNumber = 3, Position = chosen, Text = "Motivering." });

        var group = Fieldset(rendered, "Ställningstagande till fråga 3");
        var radios = group.QuerySelectorAll("input").Cast<IHtmlInputElement>().ToList();
        Assert.All(radios, r => Assert.Equal(("radio", "Input.Answers[2].Position"), (r.Type, r.Name)));
        Assert.Equal(["Tillstyrker", "Tillstyrker delvis", "Avstyrker", "Inga synpunkter"], radios.Select(r => LabelOf(rendered, r)).ToList());
        Assert.Equal(["Supports", "PartlySupports", "Opposes", "NoComments"], radios.Select(r => r.Value).ToList());
        Assert.Equal(chosen?.ToString(), radios.SingleOrDefault(r => r.IsChecked)?.Value);
        var motivation = (IHtmlTextAreaElement)Labelled(rendered, "Svar på fråga 3");
        Assert.Equal(("Input.Answers[2].Text", "Motivering."), (motivation.Name, motivation.Value));
        Assert.Contains("Motivera", Described(rendered, motivation), StringComparison.Ordinal);
        Assert.Empty(rendered.FindAll("input[type=checkbox]"));
    }

    [Fact]
    public void Val_of_one_among_the_owners_options_is_radios_named_by_the_options_with_the_chosen_one_checked()
    {
        var question = QuestionNumber(2, QuestionDefinition.ChoiceOf("Bör arbetet starta 2024?", A.ChoiceOptions));

        var rendered = RenderAnswer(question, 1, new AnswerForm { QuestionNumber = 2, Choices = ["Nej"] });

        var group = Fieldset(rendered, "Val i fråga 2");
        var options = group.QuerySelectorAll("input").Cast<IHtmlInputElement>().ToList();
        Assert.All(options, o => Assert.Equal(("radio", "Input.Answers[1].Choices"), (o.Type, o.Name)));
        Assert.Equal(A.ChoiceOptions, options.Select(o => LabelOf(rendered, o)).ToList());
        Assert.Equal(A.ChoiceOptions, options.Select(o => o.Value).ToList());
        Assert.Equal(["Nej"], options.Where(o => o.IsChecked).Select(o => o.Value).ToList());
        Assert.Equal("Input.Answers[1].Text", Labelled(rendered, "Svar på fråga 2").GetAttribute("name"));
        Assert.DoesNotContain(rendered.FindAll("legend"), l => l.TextContent.StartsWith("Ställningstagande", StringComparison.Ordinal));
    }

    [Fact]
    public void Val_of_several_is_checkboxes_with_every_chosen_one_checked()
    {
        var question = QuestionNumber(1, QuestionDefinition.ChoiceOf("Vilka områden?", ["Trygghet", "Boende", "Arbete"], several: true));

        var rendered = RenderAnswer(question, 0, new AnswerForm { QuestionNumber = 1, Choices = ["Trygghet", "Arbete"] });

        var group = Fieldset(rendered, "Val i fråga 1 (ett eller flera)");
        var options = group.QuerySelectorAll("input").Cast<IHtmlInputElement>().ToList();
        Assert.All(options, o => Assert.Equal(("checkbox", "Input.Answers[0].Choices"), (o.Type, o.Name)));
        Assert.Equal(["Trygghet", "Boende", "Arbete"], options.Select(o => LabelOf(rendered, o)).ToList());
        Assert.Equal(["Trygghet", "Arbete"], options.Where(o => o.IsChecked).Select(o => o.Value).ToList());
    }

    [Fact]
    public void Val_among_the_organisations_offers_the_tenants_organisations()
    {
        var question = QuestionNumber(4, QuestionDefinition.ChoiceOfOrganisations("Vilken nämnd eller vilket bolag bör samordna arbetet?"));

        var rendered = RenderAnswer(question, 3, new AnswerForm { QuestionNumber = 4, Choices = ["Stadskontoret"] }, Organisations);

        var options = Fieldset(rendered, "Val i fråga 4").QuerySelectorAll("input").Cast<IHtmlInputElement>().ToList();
        Assert.All(options, o => Assert.Equal(("radio", "Input.Answers[3].Choices"), (o.Type, o.Name)));
        Assert.Equal(Organisations, options.Select(o => LabelOf(rendered, o)).ToList());
        Assert.Equal(Organisations, options.Select(o => o.Value).ToList());
        Assert.Equal(["Stadskontoret"], options.Where(o => o.IsChecked).Select(o => o.Value).ToList());
    }

    [Fact]
    public void Trafikljus_rates_every_item_Gront_Gult_Rott_with_a_comment_and_shows_the_ratings_of_the_answer()
    {
        var question = QuestionNumber(5, QuestionDefinition.TrafficLightOf("Hur går arbetet?", A.TrafficLightItems, required: true));
        var answer = new AnswerForm
        {
            QuestionNumber = 5,
            Ratings =
            [
                new RatingForm { Item = "Trygghet", Colour = TrafficLightColour.Green, Comment = "Bra fart." },
                new RatingForm { Item = "Boende" },
                new RatingForm { Item = "Arbete", Colour = TrafficLightColour.Red, Comment = "Står still." },
            ],
        };

        var rendered = RenderAnswer(question, 4, answer);

        var expected = new (string Item, string? Checked, string Comment)[] { ("Trygghet", "Green", "Bra fart."), ("Boende", null, ""), ("Arbete", "Red", "Står still.") };
        for (var r = 0; r < expected.Length; r++)
        {
            var (item, chosen, comment) = expected[r];
            var group = Fieldset(rendered, $"Bedömning av {item} (fråga 5)");
            var radios = group.QuerySelectorAll("input[type=radio]").Cast<IHtmlInputElement>().ToList();
            Assert.All(radios, x => Assert.Equal($"Input.Answers[4].Ratings[{r}].Colour", x.Name));
            Assert.Equal(["Grönt", "Gult", "Rött"], radios.Select(x => LabelOf(rendered, x)).ToList());
            Assert.Equal(["Green", "Yellow", "Red"], radios.Select(x => x.Value).ToList());
            Assert.Equal(chosen, radios.SingleOrDefault(x => x.IsChecked)?.Value);
            var hidden = (IHtmlInputElement)group.QuerySelector("input[type=hidden]")!;
            Assert.Equal(($"Input.Answers[4].Ratings[{r}].Item", item), (hidden.Name, hidden.Value));
            var commentInput = (IHtmlInputElement)Labelled(rendered, $"Kommentar om {item}");
            Assert.Equal(($"Input.Answers[4].Ratings[{r}].Comment", comment), (commentInput.Name, commentInput.Value));
            Assert.Same(group, commentInput.Closest("fieldset"));
        }

        Assert.Equal("Input.Answers[4].Text", Labelled(rendered, "Svar på fråga 5").GetAttribute("name"));
        Assert.Equal("Input.Answers[4].NoComments", Labelled(rendered, "Inga synpunkter på fråga 5").GetAttribute("name"));
    }

    [Fact]
    public void An_error_is_shown_at_the_question_and_tied_to_its_textarea()
    {
        var question = QuestionNumber(1, QuestionDefinition.FreeText("Fråga?", required: true));

        var rendered = InSwedish(() => Render<AnswerInput>(p => p
            .Add(c => c.Question, question)
            .Add(c => c.Index, 0)
            .Add(c => c.Answer, new AnswerForm { QuestionNumber = 1 })
            .Add(c => c.Error, "Fråga 1 är obligatorisk.")));

        var error = rendered.Find("#svar-1-error");
        Assert.Equal("Fråga 1 är obligatorisk.", error.TextContent);
        Assert.Contains("svar-1-error", Labelled(rendered, "Svar på fråga 1").GetAttribute("aria-describedby")!.Split(' '));
    }

    [Fact]
    public void Markup_in_an_answer_is_shown_as_text_never_as_markup()
    {
        var question = QuestionNumber(1, QuestionDefinition.FreeText("Fråga?"));
        var hostile = "</textarea><script>alert(1)</script><b>fet</b>";

        var rendered = RenderAnswer(question, 0, new AnswerForm { QuestionNumber = 1, Text = hostile });

        Assert.Equal(hostile, ((IHtmlTextAreaElement)Labelled(rendered, "Svar på fråga 1")).Value);
        Assert.Empty(rendered.FindAll("script"));
        Assert.Empty(rendered.FindAll("b"));
    }

    [Fact]
    public void In_english_the_labels_are_english_but_the_names_stay_bound_to_the_form()
    {
        var question = QuestionNumber(1, QuestionDefinition.PositionOn("Do you support it?"));

        var rendered = InCulture("en", () => Render<AnswerInput>(p => p
            .Add(c => c.Question, question)
            .Add(c => c.Index, 0)
            .Add(c => c.Answer, new AnswerForm { QuestionNumber = 1 })));

        Assert.Equal(["Input.Answers[0].Position"], rendered.FindAll("input[type=radio]").Select(r => r.GetAttribute("name")).Distinct().ToList());
        Assert.Equal("Input.Answers[0].Text", Labelled(rendered, "Answer to question 1").GetAttribute("name"));
        Assert.Equal(4, Fieldset(rendered, "Position on question 1").QuerySelectorAll("input[type=radio]").Length);
    }

    private IRenderedComponent<AnswerInput> RenderAnswer(Question question, int index, AnswerForm answer, IReadOnlyList<string>? organisations = null) =>
        InSwedish(() => Render<AnswerInput>(p => p
            .Add(c => c.Question, question)
            .Add(c => c.Index, index)
            .Add(c => c.Answer, answer)
            .Add(c => c.OrganisationNames, organisations ?? [])));

    /// <summary>Question number <paramref name="number"/> of a draft remiss: earlier numbers are free-text questions.</summary>
    private static Question QuestionNumber(int number, QuestionDefinition definition)
    {
        var remiss = A.DraftRemiss();
        for (var n = 1; n < number; n++)
        {
            remiss.AddQuestion(QuestionDefinition.FreeText($"Fråga {n}"));
        }

        var question = remiss.AddQuestion(definition);
        Assert.Equal(number, question.Number);
        return question;
    }

    private static IElement Labelled(IRenderedComponent<AnswerInput> rendered, string label)
    {
        var labels = rendered.FindAll("label").Where(l => Normalised(l.TextContent) == label).ToList();
        Assert.True(labels.Count == 1, $"Expected one label \"{label}\", found {labels.Count}: {string.Join(" | ", rendered.FindAll("label").Select(l => Normalised(l.TextContent)))}");
        return rendered.Find($"#{labels[0].GetAttribute("for")}");
    }

    private static string LabelOf(IRenderedComponent<AnswerInput> rendered, IElement control) =>
        Normalised(rendered.Find($"label[for='{control.Id}']").TextContent);

    private static string Described(IRenderedComponent<AnswerInput> rendered, IElement control) =>
        string.Join(' ', (control.GetAttribute("aria-describedby") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => rendered.Find($"#{id}").TextContent));

    private static IElement Fieldset(IRenderedComponent<AnswerInput> rendered, string legend) =>
        Assert.Single(rendered.FindAll("fieldset"), f => Normalised(f.QuerySelector("legend")?.TextContent) == legend);

    private static string Normalised(string? text) => string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static T InSwedish<T>(Func<T> render) => InCulture("sv-SE", render);

    private static T InCulture<T>(string culture, Func<T> render)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
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
