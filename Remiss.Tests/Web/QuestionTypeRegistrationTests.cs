namespace Remiss.Tests.Web;

using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Documents.QuestionTypes;
using Remiss.Web.Components.QuestionTypes;

/// <summary>
/// Every stored question type is registered with all its parts: its domain type, its input, its read-only answer,
/// its Word rendering, and its settings component where it keeps settings. A type missing one fails here, not on a page.
/// </summary>
public sealed class QuestionTypeRegistrationTests
{
    public static TheoryData<QuestionType> Types => [.. Enum.GetValues<QuestionType>()];

    [Theory]
    [MemberData(nameof(Types))]
    public void EveryQuestionType_HasItsDomainType(QuestionType type)
    {
        var kind = QuestionKinds.Of(type);

        Assert.Equal(type, kind.Type);
        Assert.False(string.IsNullOrWhiteSpace(kind.Name));
        Assert.Single(QuestionKinds.All, k => k.Type == type);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void EveryQuestionType_HasItsInputAndItsReadOnlyAnswer(QuestionType type)
    {
        Assert.True(QuestionTypeViews.Input(type).IsSubclassOf(typeof(QuestionTypeInput)));
        Assert.True(QuestionTypeViews.Answer(type).IsSubclassOf(typeof(QuestionTypeAnswer)));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void EveryQuestionType_HasItsWordRendering(QuestionType type) =>
        Assert.Equal(type, QuestionTypeWords.Of(type).Type);

    [Theory]
    [MemberData(nameof(Types))]
    public void EveryQuestionType_HasItsSpreadsheetCell(QuestionType type) =>
        Assert.Equal(type, QuestionTypeCells.Of(type).Type);

    [Theory]
    [MemberData(nameof(Types))]
    public void AQuestionTypeThatKeepsSettings_HasItsSettingsComponent(QuestionType type)
    {
        // A type keeps settings when a definition full of settings keeps any of them.
        var full = new QuestionDefinition("Fråga", type, Options: ["A", "B"], OptionsAreOrganisations: false, AllowsSeveralChoices: true, Items: ["Punkt"]);
        var settings = QuestionKinds.Of(type).ValidSettings(1, full);
        var keepsSettings = settings.Options.Count > 0 || settings.OptionsAreOrganisations || settings.AllowsSeveralChoices || settings.Items.Count > 0;

        Assert.Equal(keepsSettings, QuestionTypeViews.Settings(type) is not null);
    }

    [Fact]
    public void TheRegistries_HoldNoTypeThatIsNotStored()
    {
        Assert.Equal(Enum.GetValues<QuestionType>(), QuestionKinds.All.Select(k => k.Type));
        Assert.Equal(Enum.GetValues<QuestionType>().Order(), QuestionTypeWords.Types.Order());
        Assert.Equal(Enum.GetValues<QuestionType>().Order(), QuestionTypeCells.Types.Order());
    }

    [Fact]
    public void AnAnswerValue_BelongsToTheTypeThatStoresIt()
    {
        Assert.IsType<PositionQuestion>(QuestionKinds.OwnerOf(new PositionAnswer(Position.Supports)));
        Assert.IsType<ChoiceQuestion>(QuestionKinds.OwnerOf(new ChoiceAnswer(["Ja"])));
        Assert.IsType<TrafficLightQuestion>(QuestionKinds.OwnerOf(new TrafficLightAnswer([])));
        Assert.Null(QuestionKinds.Of(QuestionType.FreeText).ValueType);
    }
}
