namespace Remiss.Tests.Domain;

using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>Each question type says what its answers can be filtered by on the owner's question page, and which answers have it.</summary>
public sealed class AnswerFacetTests
{
    [Fact]
    public void APositionQuestion_FiltersByEveryPosition_AndInga_synpunkter_HoldsAnswersMarkedSo()
    {
        var (question, answers) = Answered(QuestionDefinition.PositionOn("Tillstyrker ni?"),
            new AnswerContent(1, null, new PositionAnswer(Position.Opposes)),
            new AnswerContent(1, NoComments: true));
        var kind = question.Kind;

        Assert.Equal(["Supports|Tillstyrker", "PartlySupports|Tillstyrker delvis", "Opposes|Avstyrker", "NoComments|Inga synpunkter"], kind.Facets(question, answers).Select(f => $"{f.Key}|{f.Label}"));
        Assert.Equal([true, false], answers.Select(a => kind.Has(question, a, "Opposes")));
        Assert.Equal([false, true], answers.Select(a => kind.Has(question, a, "NoComments")));
        Assert.False(kind.Has(question, answers[0], "3"));
        Assert.False(kind.Has(question, answers[0], "Okänd"));
    }

    [Fact]
    public void AChoiceQuestion_FiltersByItsOptions_OrByTheOrganisationsChosen()
    {
        var (question, answers) = Answered(QuestionDefinition.ChoiceOf("Välj.", ["Ja", "Nej"], several: true), new AnswerContent(1, null, new ChoiceAnswer(["Nej", "Ja"])));
        var (organisations, chosen) = Answered(QuestionDefinition.ChoiceOfOrganisations("Vilken nämnd?"), new AnswerContent(1, null, new ChoiceAnswer(["MKB"])));

        Assert.Equal(["Ja", "Nej"], question.Kind.Facets(question, answers).Select(f => f.Key));
        Assert.True(question.Kind.Has(question, answers[0], "Nej"));
        Assert.False(question.Kind.Has(question, answers[0], "nej"));
        Assert.Equal(["MKB"], organisations.Kind.Facets(organisations, chosen).Select(f => f.Label));
    }

    [Fact]
    public void ATrafficLightQuestion_FiltersByEachItemInEachColour()
    {
        var (question, answers) = Answered(QuestionDefinition.TrafficLightOf("Bedöm.", ["Trygghet", "Boende"]),
            new AnswerContent(1, null, new TrafficLightAnswer([new("Trygghet", TrafficLightColour.Red, null), new("Boende", TrafficLightColour.Green, null)])));
        var kind = question.Kind;

        Assert.Equal(6, kind.Facets(question, answers).Count);
        Assert.Contains(kind.Facets(question, answers), f => f is { Key: "1-Red", Label: "Trygghet: Rött" });
        Assert.True(kind.Has(question, answers[0], "1-Red"));
        Assert.True(kind.Has(question, answers[0], "2-Green"));
        Assert.False(kind.Has(question, answers[0], "2-Red"));
        Assert.False(kind.Has(question, answers[0], "3-Red"));
        Assert.False(kind.Has(question, answers[0], "0-Red"));
        Assert.False(kind.Has(question, answers[0], "Red"));
        Assert.False(kind.Has(question, answers[0], "1-3"));
    }

    [Fact]
    public void AFreeTextQuestion_HasNothingToFilterBy()
    {
        var (question, answers) = Answered(QuestionDefinition.FreeText("Beskriv."), new AnswerContent(1, "<p>Svar.</p>"));

        Assert.Empty(question.Kind.Facets(question, answers));
        Assert.False(question.Kind.Has(question, answers[0], "x"));
    }

    private static (Question Question, List<Answer> Answers) Answered(QuestionDefinition definition, params AnswerContent[] contents)
    {
        var remiss = A.DraftRemiss();
        remiss.AddQuestion(definition);
        var question = remiss.Questions[^1];
        var answers = contents.Select(content =>
        {
            var answer = new Answer(question.TenantId, Guid.CreateVersion7(), question.Id);
            answer.Apply(Answer.Validate(question, content, A.OrganisationNames));
            return answer;
        }).ToList();
        return (question, answers);
    }
}
