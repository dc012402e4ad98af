namespace Remiss.Domain.Remisser;

using global::Remiss.Domain.Common;

/// <summary>
/// A question type as one thing: its settings and their validation, its answer and the answer's validation,
/// whether an answer counts as answered, and (in the subclass) its tally and labels. Each type is one subclass,
/// found by <see cref="QuestionKinds"/> through its <see cref="QuestionType"/> value; nothing else switches on the type.
/// </summary>
public abstract class QuestionKind
{
    /// <summary>The stored value of the type.</summary>
    public abstract QuestionType Type { get; }

    /// <summary>The type's Swedish name, as the question editor and the question's meta line show it.</summary>
    public abstract string Name { get; }

    /// <summary>How a remissinstans answers, in its own words ("Ta ställning och motivera"): respondents never read the type's name.</summary>
    public abstract string Instruction { get; }

    /// <summary>The answer value this type stores besides the shared text, or null when it stores none (Fritext).</summary>
    public virtual Type? ValueType => null;

    /// <summary>What is missing in the type's settings before the remiss can be sent, as Swedish sentences.</summary>
    public virtual IEnumerable<Refusal> ProblemsBeforeSending(Question question) => [];

    /// <summary>Whether <paramref name="answer"/> answers the question, apart from "Inga synpunkter" which every type accepts.</summary>
    public abstract bool IsAnswered(Question question, Answer answer);

    /// <summary>
    /// What the answers can be filtered by on the owner's question page (a position, an option, an item's colour), with
    /// keys that stay the same between requests; empty for a type without any.
    /// </summary>
    public virtual IReadOnlyList<AnswerFacet> Facets(Question question, IEnumerable<Answer> answers) => [];

    /// <summary>Whether <paramref name="answer"/> has the facet with <paramref name="key"/> (one of <see cref="Facets"/>).</summary>
    public virtual bool Has(Question question, Answer answer, string key) => false;

    /// <summary>
    /// The type's own answer that says "Inga synpunkter" (Ställningstagande has it among its positions), or null when the
    /// type has none and the answer takes the shared mark instead. A type with its own is not offered the mark as well.
    /// </summary>
    public virtual AnswerValue? NoCommentsValue => null;

    /// <summary>The settings of question <paramref name="number"/> that this type keeps, checked; the rest of the definition is dropped.</summary>
    internal virtual QuestionSettings ValidSettings(int number, QuestionDefinition definition) => QuestionSettings.None;

    /// <summary>Checks a non-empty answer value given to <paramref name="question"/> of this type.</summary>
    internal virtual AnswerValue ValidValue(Question question, AnswerValue value, IReadOnlyList<string> organisationNames) =>
        throw QuestionKinds.OwnerOf(value).NotAskedFor(question.Number);

    /// <summary>The refusal when this type's value is given to a question of another type.</summary>
    internal virtual DomainException NotAskedFor(int number) => new DomainException(new Subject(Field.Answer, number), RefusalKey.AnswerNotAskedFor);

    /// <summary>A list of options or items typed by the owner: trimmed, without blanks, each at most <see cref="Question.OptionMaxLength"/>, no duplicates.</summary>
    private protected static List<string> CleanList(IEnumerable<string>? values, Subject field)
    {
        var cleaned = (values ?? [])
            .Select(v => v?.Trim())
            .Where(v => !string.IsNullOrEmpty(v))
            .Select(v => Text.MaxLength(v!, field, Question.OptionMaxLength))
            .ToList();

        if (cleaned.Count > Question.MaxOptions)
        {
            throw new DomainException(field, RefusalKey.TooManyInList, Question.MaxOptions);
        }

        return cleaned.Distinct(StringComparer.CurrentCultureIgnoreCase).Count() != cleaned.Count
            ? throw new DomainException(field, RefusalKey.RepeatedInList)
            : cleaned;
    }
}

/// <summary>A question type whose answer stores a value of <typeparamref name="TValue"/> besides the shared text.</summary>
public abstract class QuestionKind<TValue> : QuestionKind
    where TValue : AnswerValue
{
    public sealed override Type ValueType => typeof(TValue);

    internal sealed override AnswerValue ValidValue(Question question, AnswerValue value, IReadOnlyList<string> organisationNames) =>
        value is TValue typed ? Valid(question, typed, organisationNames) : base.ValidValue(question, value, organisationNames);

    /// <summary>Checks a non-empty value given to <paramref name="question"/> and returns it as it is stored.</summary>
    internal abstract TValue Valid(Question question, TValue value, IReadOnlyList<string> organisationNames);

    internal abstract override DomainException NotAskedFor(int number);

    /// <summary>The value of <paramref name="answer"/>, or null when it has none.</summary>
    protected static TValue? ValueOf(Answer? answer) => answer?.Value as TValue;
}

/// <summary>
/// The value an answer stores besides its text and "Inga synpunkter": the position, the choices, the ratings.
/// Stored as JSON named by the record's type name, so renaming a subclass needs a data migration.
/// </summary>
public abstract record AnswerValue
{
    /// <summary>An empty value (no choice, no rating) is no value: it is neither checked nor stored.</summary>
    internal virtual bool IsEmpty => false;
}

/// <summary>A value to filter answers by: its key (in a page's address) and its Swedish words.</summary>
public sealed record AnswerFacet(string Key, string Label);

/// <summary>The settings a question type may keep: the owner's options or items, and how options are chosen.</summary>
public sealed record QuestionSettings(IReadOnlyList<string> Options, bool OptionsAreOrganisations, bool AllowsSeveralChoices, IReadOnlyList<string> Items)
{
    public static QuestionSettings None { get; } = new([], false, false, []);
}

/// <summary>Every question type, by its stored value. Each <see cref="QuestionType"/> value has exactly one.</summary>
public static class QuestionKinds
{
    private static readonly Dictionary<QuestionType, QuestionKind> ByType = Discover();

    /// <summary>Every type, in the order of <see cref="QuestionType"/>.</summary>
    public static IReadOnlyList<QuestionKind> All { get; } = [.. ByType.Values.OrderBy(k => k.Type)];

    public static QuestionKind Of(QuestionType type) =>
        ByType.TryGetValue(type, out var kind) ? kind : throw new ArgumentOutOfRangeException(nameof(type), type, "Okänd frågetyp.");

    /// <summary>The type that owns a value's record (the first, should several types store the same kind of value).</summary>
    public static QuestionKind OwnerOf(AnswerValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return All.First(k => k.ValueType == value.GetType());
    }

    // Found by reflection so that a new type is its class and its enum value, nothing more; a missing or
    // doubled type fails here, at the first use, rather than as a question nobody can answer.
    private static Dictionary<QuestionType, QuestionKind> Discover()
    {
        var kinds = typeof(QuestionKind).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(QuestionKind)) && !t.IsAbstract)
            .Select(t => (QuestionKind)Activator.CreateInstance(t, nonPublic: true)!)
            .ToList();
        var missing = Enum.GetValues<QuestionType>().Where(t => kinds.Count(k => k.Type == t) != 1).ToList();
        return missing.Count > 0
            ? throw new InvalidOperationException($"Each question type needs exactly one QuestionKind: {string.Join(", ", missing)}.")
            : kinds.ToDictionary(k => k.Type);
    }
}
