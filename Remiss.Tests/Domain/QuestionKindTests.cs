namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// Every rule of every question type, asked of the type itself: its settings and their refusals, its answer and
/// the answer's refusals, whether an answer counts as answered, and its tally.
/// </summary>
public sealed class QuestionKindTests
{
    private static readonly string[] Items = ["Trygghet", "Boende"];

    // Fritext

    [Fact]
    public void FreeText_KeepsNoSettings_AndNeedsNoneBeforeSending()
    {
        var question = QuestionOf(new QuestionDefinition("Beskriv.", QuestionType.FreeText, Options: ["Ja", "Nej"], OptionsAreOrganisations: true, AllowsSeveralChoices: true, Items: ["A"]));

        Assert.IsType<FreeTextQuestion>(question.Kind);
        Assert.Equal((0, false, false, 0), (question.Options.Count, question.OptionsAreOrganisations, question.AllowsSeveralChoices, question.Items.Count));
        Assert.Empty(question.ProblemsBeforeSending());
    }

    [Theory]
    [InlineData("<p>Ett svar.</p>", false, true)]
    [InlineData("<p> &nbsp; </p>", false, false)]
    [InlineData(null, false, false)]
    [InlineData(null, true, true)]
    public void FreeText_CountsAsAnswered_WithVisibleTextOrInga_synpunkter(string? text, bool noComments, bool counts)
    {
        var question = QuestionOf(QuestionDefinition.FreeText("Beskriv."));

        Assert.Equal(counts, AnswerTo(question, new AnswerContent(1, text, NoComments: noComments)).Counts(question));
    }

    [Theory]
    [MemberData(nameof(ValuesOfOtherTypes))]
    public void FreeText_RefusesTheValueOfAnotherType_InThatTypesWords(AnswerValue value, string message)
    {
        var question = QuestionOf(QuestionDefinition.FreeText("Beskriv."));

        var e = Assert.Throws<DomainException>(() => AnswerTo(question, new AnswerContent(1, Value: value)));

        Assert.Equal(message, e.Said());
    }

    public static TheoryData<AnswerValue, string> ValuesOfOtherTypes => new()
    {
        { new PositionAnswer(Position.Supports), "Fråga 1 frågar inte efter ställningstagande." },
        { new ChoiceAnswer(["Ja"]), "Fråga 1 har inga svarsalternativ." },
        { new TrafficLightAnswer([new TrafficLightRating("Trygghet", TrafficLightColour.Green, null)]), "Fråga 1 är inte en trafikljusfråga." },
    };

    [Fact]
    public void AnEmptyValue_IsNoValue_AndIsNotRefusedOnAnyType()
    {
        var question = QuestionOf(QuestionDefinition.FreeText("Beskriv."));

        Assert.Null(AnswerTo(question, new AnswerContent(1, Value: new ChoiceAnswer([]))).Value);
        Assert.Null(AnswerTo(question, new AnswerContent(1, Value: new TrafficLightAnswer([]))).Value);
    }

    // Ställningstagande

    [Theory]
    [InlineData(Position.Supports)]
    [InlineData(Position.PartlySupports)]
    [InlineData(Position.Opposes)]
    [InlineData(Position.NoComments)]
    public void Position_StoresEveryPosition_AndCountsAsAnswered(Position position)
    {
        var question = QuestionOf(QuestionDefinition.PositionOn("Tillstyrker ni?"));

        var answer = AnswerTo(question, new AnswerContent(1, Value: new PositionAnswer(position)));

        Assert.Equal(new PositionAnswer(position), answer.Value);
        Assert.True(answer.Counts(question));
    }

    [Fact]
    public void Position_WithAMotivationOnly_DoesNotCountAsAnswered_ButInga_synpunkterDoes()
    {
        var question = QuestionOf(QuestionDefinition.PositionOn("Tillstyrker ni?"));

        Assert.False(AnswerTo(question, new AnswerContent(1, "<p>Motivering.</p>")).Counts(question));
        Assert.True(AnswerTo(question, new AnswerContent(1, NoComments: true)).Counts(question));
        Assert.Empty(question.ProblemsBeforeSending());
    }

    [Fact]
    public void Position_RefusesAnUnknownPosition()
    {
        var question = QuestionOf(QuestionDefinition.PositionOn("Tillstyrker ni?"));

        var e = Assert.Throws<DomainException>(() => AnswerTo(question, new AnswerContent(1, Value: new PositionAnswer((Position)42))));

        Assert.Equal("Välj ett giltigt ställningstagande till fråga 1.", e.Said());
    }

    [Fact]
    public void Position_IsTalliedPerPosition_WithInga_synpunkterWithoutAPositionCountedAsSuch()
    {
        var question = QuestionOf(QuestionDefinition.PositionOn("Tillstyrker ni?"));
        Answer[] answers =
        [
            AnswerTo(question, new AnswerContent(1, Value: new PositionAnswer(Position.Opposes))),
            AnswerTo(question, new AnswerContent(1, Value: new PositionAnswer(Position.Opposes))),
            AnswerTo(question, new AnswerContent(1, NoComments: true)),
            AnswerTo(question, new AnswerContent(1, "<p>Bara text.</p>")),
        ];

        Assert.Equal([(Position.Supports, 0), (Position.PartlySupports, 0), (Position.Opposes, 2), (Position.NoComments, 1)], PositionQuestion.Tally(answers));
        Assert.Equal(
            ["Tillstyrker", "Tillstyrker delvis", "Avstyrker", "Inga synpunkter"],
            Enum.GetValues<Position>().Select(PositionQuestion.LabelOf));
    }

    // Val

    [Fact]
    public void Choice_KeepsItsOptionsTrimmed_WithoutBlanksOrItems()
    {
        var question = QuestionOf(new QuestionDefinition("Välj.", QuestionType.Choice, Options: [" Ja ", "", "Nej"], AllowsSeveralChoices: true, Items: ["A"]));

        Assert.Equal(["Ja", "Nej"], question.Options);
        Assert.True(question.AllowsSeveralChoices);
        Assert.Empty(question.Items);
        Assert.Empty(question.ProblemsBeforeSending());
    }

    [Fact]
    public void Choice_WithFewerThanTwoOptions_CannotBeSent_UnlessTheOptionsAreTheOrganisations()
    {
        var one = QuestionOf(QuestionDefinition.ChoiceOf("Välj.", ["Ja"]));
        var organisations = QuestionOf(new QuestionDefinition("Vilken nämnd?", QuestionType.Choice, Options: ["Ja"], OptionsAreOrganisations: true));

        Assert.Equal(["Fråga 1 (Val) behöver minst två svarsalternativ."], one.ProblemsBeforeSending().Said());
        Assert.Empty(organisations.ProblemsBeforeSending());
        Assert.Empty(organisations.Options);
    }

    [Fact]
    public void Choice_RefusesTheSameOptionTwice_AndMoreThanAHundred()
    {
        var twice = Assert.Throws<DomainException>(() => QuestionOf(QuestionDefinition.ChoiceOf("Välj.", ["Ja", "ja"])));
        var many = Assert.Throws<DomainException>(() => QuestionOf(QuestionDefinition.ChoiceOf("Välj.", [.. Enumerable.Range(1, Question.MaxOptions + 1).Select(i => $"Alternativ {i}")])));

        Assert.Equal("Svarsalternativ till fråga 1: samma text finns två gånger.", twice.Said());
        Assert.Equal($"Svarsalternativ till fråga 1: högst {Question.MaxOptions} är tillåtna.", many.Said());
    }

    [Fact]
    public void Choice_StoresTheChosenOptionsOnce_AndCountsAsAnswered()
    {
        var question = QuestionOf(QuestionDefinition.ChoiceOf("Välj.", ["Ja", "Nej", "Delvis"], several: true));

        var answer = AnswerTo(question, new AnswerContent(1, Value: new ChoiceAnswer(["Nej", "Ja", "Nej"])));

        Assert.Equal(["Nej", "Ja"], answer.Choices);
        Assert.True(answer.Counts(question));
        Assert.False(AnswerTo(question, new AnswerContent(1, "<p>Bara en kommentar.</p>")).Counts(question));
    }

    [Fact]
    public void Choice_RefusesAnOptionNotOffered_AndSeveralWhereOneIsAsked()
    {
        var single = QuestionOf(QuestionDefinition.ChoiceOf("Välj.", ["Ja", "Nej"]));

        var notOffered = Assert.Throws<DomainException>(() => AnswerTo(single, new AnswerContent(1, Value: new ChoiceAnswer(["Kanske"]))));
        var several = Assert.Throws<DomainException>(() => AnswerTo(single, new AnswerContent(1, Value: new ChoiceAnswer(["Ja", "Nej"]))));

        Assert.Equal("Välj bland svarsalternativen till fråga 1.", notOffered.Said());
        Assert.Equal("Välj ett svarsalternativ till fråga 1.", several.Said());
    }

    [Fact]
    public void Choice_OfTheOrganisations_OffersTheTenantsOrganisations_AndTalliesThoseChosenInTheirOrder()
    {
        var question = QuestionOf(QuestionDefinition.ChoiceOfOrganisations("Vilken nämnd?", several: true));
        Answer[] answers =
        [
            AnswerTo(question, new AnswerContent(1, Value: new ChoiceAnswer(["MKB", "Kulturnämnden"]))),
            AnswerTo(question, new AnswerContent(1, Value: new ChoiceAnswer(["MKB"]))),
        ];

        Assert.Equal(A.OrganisationNames, question.ChoosableOptions(A.OrganisationNames));
        Assert.Throws<DomainException>(() => AnswerTo(question, new AnswerContent(1, Value: new ChoiceAnswer(["Lunds kommun"]))));
        Assert.Equal([("Kulturnämnden", 1), ("MKB", 2)], ChoiceQuestion.Tally(question, answers, StringComparer.Ordinal));
    }

    [Fact]
    public void Choice_IsTalliedPerOption_InTheOwnersOrder()
    {
        var question = QuestionOf(QuestionDefinition.ChoiceOf("Välj.", ["Ja", "Nej", "Delvis"]));
        Answer[] answers =
        [
            AnswerTo(question, new AnswerContent(1, Value: new ChoiceAnswer(["Nej"]))),
            AnswerTo(question, new AnswerContent(1, NoComments: true)),
        ];

        Assert.Equal([("Ja", 0), ("Nej", 1), ("Delvis", 0)], ChoiceQuestion.Tally(question, answers, StringComparer.Ordinal));
    }

    // Trafikljus

    [Fact]
    public void TrafficLight_KeepsItsItems_AndWithoutItemsCannotBeSent()
    {
        var question = QuestionOf(new QuestionDefinition("Bedöm.", QuestionType.TrafficLight, Options: ["Ja", "Nej"], AllowsSeveralChoices: true, Items: [" Trygghet ", "Boende"]));
        var empty = QuestionOf(QuestionDefinition.TrafficLightOf("Bedöm.", []));

        Assert.Equal(["Trygghet", "Boende"], question.Items);
        Assert.Equal((0, false), (question.Options.Count, question.AllowsSeveralChoices));
        Assert.Empty(question.ProblemsBeforeSending());
        Assert.Equal(["Fråga 1 (Trafikljus) behöver minst en punkt att bedöma."], empty.ProblemsBeforeSending().Said());
        Assert.Equal("Punkter till fråga 1: samma text finns två gånger.", Assert.Throws<DomainException>(() => QuestionOf(QuestionDefinition.TrafficLightOf("Bedöm.", ["A", "a"]))).Said());
    }

    [Fact]
    public void TrafficLight_CountsAsAnswered_OnlyWhenEveryItemHasAColour()
    {
        var question = QuestionOf(QuestionDefinition.TrafficLightOf("Bedöm.", Items));

        var all = AnswerTo(question, new AnswerContent(1, Value: Lights(("Trygghet", TrafficLightColour.Green, null), ("Boende", TrafficLightColour.Red, null))));
        var commentOnly = AnswerTo(question, new AnswerContent(1, Value: Lights(("Trygghet", TrafficLightColour.Green, null), ("Boende", null, "Vet inte"))));

        Assert.True(all.Counts(question));
        Assert.False(commentOnly.Counts(question));
        Assert.Equal([new("Trygghet", TrafficLightColour.Green, null), new TrafficLightRating("Boende", null, "Vet inte")], commentOnly.Ratings);
    }

    [Fact]
    public void TrafficLight_RefusesAnUnknownItem_AnUnknownColour_AndAnItemRatedTwice()
    {
        var question = QuestionOf(QuestionDefinition.TrafficLightOf("Bedöm.", Items));

        Assert.Equal("Bedöm bara punkterna i fråga 1.", Refusal(question, Lights(("Kultur", TrafficLightColour.Green, null))));
        Assert.Equal("Välj grönt, gult eller rött i fråga 1.", Refusal(question, Lights(("Boende", (TrafficLightColour)7, null))));
        Assert.Equal("Varje punkt i fråga 1 bedöms en gång.", Refusal(question, Lights(("Boende", TrafficLightColour.Green, null), ("Boende", TrafficLightColour.Red, null))));
    }

    [Fact]
    public void TrafficLight_TrimsComments_AndRefusesOneTooLong()
    {
        var question = QuestionOf(QuestionDefinition.TrafficLightOf("Bedöm.", Items));

        var answer = AnswerTo(question, new AnswerContent(1, Value: Lights(("Trygghet", TrafficLightColour.Green, "  Bra  "))));

        Assert.Equal("Bra", Assert.Single(answer.Ratings).Comment);
        Assert.Throws<DomainException>(() => AnswerTo(question, new AnswerContent(1, Value: Lights(("Trygghet", TrafficLightColour.Green, new string('x', TrafficLightQuestion.CommentMaxLength + 1))))));
    }

    [Fact]
    public void TrafficLight_IsTalliedPerItemAndColour_WithUnratedCounted()
    {
        var question = QuestionOf(QuestionDefinition.TrafficLightOf("Bedöm.", Items));
        Answer[] answers =
        [
            AnswerTo(question, new AnswerContent(1, Value: Lights(("Trygghet", TrafficLightColour.Green, null), ("Boende", TrafficLightColour.Red, null)))),
            AnswerTo(question, new AnswerContent(1, Value: Lights(("Trygghet", TrafficLightColour.Yellow, null)))),
            AnswerTo(question, new AnswerContent(1, NoComments: true)),
        ];

        Assert.Equal([("Trygghet", 1, 1, 0, 1), ("Boende", 0, 0, 1, 2)], TrafficLightQuestion.Tally(question, answers));
        Assert.Equal(["Grönt", "Gult", "Rött"], Enum.GetValues<TrafficLightColour>().Select(TrafficLightQuestion.LabelOf));
    }

    private static Question QuestionOf(QuestionDefinition definition) => A.DraftRemiss().AddQuestion(definition);

    private static Answer AnswerTo(Question question, AnswerContent content)
    {
        var answer = new Answer(question.TenantId, Guid.CreateVersion7(), question.Id);
        answer.Apply(Answer.Validate(question, content, A.OrganisationNames));
        return answer;
    }

    private static string Refusal(Question question, AnswerValue value) =>
        Assert.Throws<DomainException>(() => AnswerTo(question, new AnswerContent(question.Number, Value: value))).Said();

    private static TrafficLightAnswer Lights(params (string Item, TrafficLightColour? Colour, string? Comment)[] ratings) =>
        new([.. ratings.Select(r => new TrafficLightRating(r.Item, r.Colour, r.Comment))]);
}
