namespace Remiss.Domain.Remisser;

using global::Remiss.Domain.Common;

/// <summary>A numbered remissfråga. Changed only through its <see cref="Remiss"/>, and only while that is a draft.</summary>
public sealed class Question : TenantEntity
{
    public const int TextMaxLength = 4_000;
    public const int OptionMaxLength = 300;
    public const int MaxOptions = 100;

    private List<string> _options = [];
    private List<string> _items = [];

    private Question()
    {
        Text = string.Empty;
    }

    internal Question(Guid tenantId, Guid remissId, int number, QuestionDefinition definition)
        : base(tenantId)
    {
        RemissId = remissId;
        Number = number;
        Text = string.Empty;
        Apply(definition);
    }

    public Guid RemissId { get; private set; }

    /// <summary>1, 2, 3 … in the order the owner put the questions.</summary>
    public int Number { get; internal set; }

    public string Text { get; private set; }

    public QuestionType Type { get; private set; }

    public bool IsRequired { get; private set; }

    /// <summary>For <see cref="QuestionType.Choice"/>: the owner's options (empty when the options are the tenant's organisations).</summary>
    public IReadOnlyList<string> Options => _options;

    /// <summary>For <see cref="QuestionType.Choice"/>: the options are the tenant's organisations, e.g. "which nämnd should coordinate?".</summary>
    public bool OptionsAreOrganisations { get; private set; }

    /// <summary>For <see cref="QuestionType.Choice"/>: several options may be chosen.</summary>
    public bool AllowsSeveralChoices { get; private set; }

    /// <summary>For <see cref="QuestionType.TrafficLight"/>: the items each recipient rates.</summary>
    public IReadOnlyList<string> Items => _items;

    /// <summary>The question's type as one thing: its settings, answer, validation and tally.</summary>
    public QuestionKind Kind => QuestionKinds.Of(Type);

    /// <summary>What is missing before the remiss can be sent.</summary>
    public IEnumerable<Refusal> ProblemsBeforeSending()
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            yield return new Refusal(new Subject(Field.QuestionText, Number), RefusalKey.QuestionTextMissing);
        }

        foreach (var problem in Kind.ProblemsBeforeSending(this))
        {
            yield return problem;
        }
    }

    /// <summary>The options a recipient may choose among, given the tenant's organisations' names.</summary>
    public IReadOnlyList<string> ChoosableOptions(IReadOnlyList<string> tenantOrganisationNames) =>
        OptionsAreOrganisations ? tenantOrganisationNames : _options;

    /// <summary>Checks a definition as question number <paramref name="number"/> without changing anything.</summary>
    internal static ValidQuestion Validate(int number, QuestionDefinition definition)
    {
        if (!Enum.IsDefined(definition.Type))
        {
            throw new DomainException(new Subject(Field.QuestionType, number), RefusalKey.InvalidQuestionType);
        }

        var text = Common.Text.Optional(definition.Text, new Subject(Field.QuestionText, number), TextMaxLength) ?? string.Empty;
        return new ValidQuestion(text, definition.Type, definition.IsRequired, QuestionKinds.Of(definition.Type).ValidSettings(number, definition));
    }

    internal void Apply(QuestionDefinition definition)
    {
        var valid = Validate(Number, definition);
        Text = valid.Text;
        Type = valid.Type;
        IsRequired = valid.IsRequired;
        OptionsAreOrganisations = valid.Settings.OptionsAreOrganisations;
        AllowsSeveralChoices = valid.Settings.AllowsSeveralChoices;
        _options = [.. valid.Settings.Options];
        _items = [.. valid.Settings.Items];
    }
}

internal sealed record ValidQuestion(string Text, QuestionType Type, bool IsRequired, QuestionSettings Settings);

/// <summary>What the owner says a question is: its text, type, whether it is required, and its options or items.</summary>
public sealed record QuestionDefinition(
    string? Text,
    QuestionType Type,
    bool IsRequired = false,
    IReadOnlyList<string>? Options = null,
    bool OptionsAreOrganisations = false,
    bool AllowsSeveralChoices = false,
    IReadOnlyList<string>? Items = null)
{
    public static QuestionDefinition FreeText(string text, bool required = false) => new(text, QuestionType.FreeText, required);

    public static QuestionDefinition PositionOn(string text, bool required = false) => new(text, QuestionType.Position, required);

    public static QuestionDefinition ChoiceOf(string text, IReadOnlyList<string> options, bool several = false, bool required = false) =>
        new(text, QuestionType.Choice, required, options, AllowsSeveralChoices: several);

    public static QuestionDefinition ChoiceOfOrganisations(string text, bool several = false, bool required = false) =>
        new(text, QuestionType.Choice, required, OptionsAreOrganisations: true, AllowsSeveralChoices: several);

    public static QuestionDefinition TrafficLightOf(string text, IReadOnlyList<string> items, bool required = false) =>
        new(text, QuestionType.TrafficLight, required, Items: items);
}
