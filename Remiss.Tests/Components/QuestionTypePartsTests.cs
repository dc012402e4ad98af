namespace Remiss.Tests.Components;

using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;
using Remiss.Web.Components.QuestionTypes;

/// <summary>
/// Each question type's read-only parts, as the yttrande pages and the remiss's question list show them: the
/// position in bold, the choices as a list, the ratings as a table, nothing of its own for Fritext; the options,
/// "Flera val" and the items of the settings.
/// </summary>
public sealed class QuestionTypePartsTests : BunitContext
{
    public QuestionTypePartsTests() => Services.AddLocalization();

    [Fact]
    public void AFreeTextAnswer_ShowsNothingOfItsOwn()
    {
        var (question, answer) = Answered(QuestionDefinition.FreeText("Beskriv."), new AnswerContent(1, "<p>Svar.</p>"));

        Assert.Equal(string.Empty, Part(question, answer).Markup.Trim());
    }

    [Fact]
    public void APositionAnswer_ShowsThePositionInBold()
    {
        var (question, answer) = Answered(QuestionDefinition.PositionOn("Tillstyrker ni?"), new AnswerContent(1, Value: new PositionAnswer(Position.PartlySupports)));

        Assert.Equal("Tillstyrker delvis", Part(question, answer).Find("p > strong").TextContent);
    }

    [Fact]
    public void AChoiceAnswer_ListsTheChoices()
    {
        var (question, answer) = Answered(QuestionDefinition.ChoiceOf("Välj.", ["Ja", "Nej"], several: true), new AnswerContent(1, Value: new ChoiceAnswer(["Nej", "Ja"])));

        Assert.Equal(["Nej", "Ja"], Part(question, answer).FindAll("ul > li").Select(li => li.TextContent));
    }

    [Fact]
    public void ATrafficLightAnswer_TablesTheItemsWithColourAndComment_AndADashWhereUnrated()
    {
        var (question, answer) = Answered(
            QuestionDefinition.TrafficLightOf("Bedöm.", ["Trygghet", "Boende"]),
            new AnswerContent(1, Value: new TrafficLightAnswer([new("Trygghet", TrafficLightColour.Red, "Oroande"), new("Boende", null, "Vet inte")])));

        var rendered = Part(question, answer);

        Assert.Equal("Bedömningar i fråga 1", rendered.Find("caption").TextContent);
        Assert.Equal(
            ["Trygghet|Rött|Oroande", "Boende|–|Vet inte"],
            rendered.FindAll("tbody tr").Select(tr => string.Join('|', tr.Children.Select(c => c.TextContent))));
    }

    [Fact]
    public void TheSettingsOfAChoiceQuestion_ShowItsOptionsAndFlera_val_OrTheOrganisations()
    {
        var owners = QuestionOf(QuestionDefinition.ChoiceOf("Välj.", ["Ja", "Nej"], several: true));
        var organisations = QuestionOf(QuestionDefinition.ChoiceOfOrganisations("Vilken nämnd?"));

        Assert.Equal(["· Alternativ: Ja, Nej", "· Flera val"], Settings(owners).FindAll("span").Select(s => s.TextContent));
        Assert.Equal(["· Välj bland kommunens organisationer"], Settings(organisations).FindAll("span").Select(s => s.TextContent));
    }

    [Fact]
    public void TheSettingsOfATrafficLightQuestion_ShowItsItems_AndTypesWithoutSettingsShowNothing()
    {
        Assert.Equal("· Punkter: Trygghet, Boende", Settings(QuestionOf(QuestionDefinition.TrafficLightOf("Bedöm.", ["Trygghet", "Boende"]))).Find("span").TextContent);
        Assert.Equal(string.Empty, Settings(QuestionOf(QuestionDefinition.PositionOn("Tillstyrker ni?"))).Markup.Trim());
        Assert.Equal(string.Empty, Settings(QuestionOf(QuestionDefinition.FreeText("Beskriv."))).Markup.Trim());
    }

    private static Question QuestionOf(QuestionDefinition definition) => A.DraftRemiss().AddQuestion(definition);

    private static (Question Question, Answer Answer) Answered(QuestionDefinition definition, AnswerContent content)
    {
        var question = QuestionOf(definition);
        var answer = new Answer(question.TenantId, Guid.CreateVersion7(), question.Id);
        answer.Apply(Answer.Validate(question, content, A.OrganisationNames));
        return (question, answer);
    }

    private IRenderedComponent<AnswerPart> Part(Question question, Answer answer) =>
        InSwedish(() => Render<AnswerPart>(p => p.Add(c => c.Question, question).Add(c => c.Answer, answer)));

    private IRenderedComponent<SettingsPart> Settings(Question question) =>
        InSwedish(() => Render<SettingsPart>(p => p.Add(c => c.Question, question)));

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
