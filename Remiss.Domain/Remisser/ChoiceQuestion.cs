namespace Remiss.Domain.Remisser;

using global::Remiss.Domain.Common;

/// <summary>
/// Val: one or several of the owner's options, or of the tenant's organisations ("which nämnd should
/// coordinate?"), with the text as a comment.
/// </summary>
public sealed class ChoiceQuestion : QuestionKind<ChoiceAnswer>
{
    public override QuestionType Type => QuestionType.Choice;

    public override string Name => "Val";

    public override string Instruction => "Välj bland alternativen";

    /// <summary>Each option (the owner's, or the organisations chosen) with how many chose it, in the question's order.</summary>
    public static IReadOnlyList<(string Option, int Count)> Tally(Question question, IEnumerable<Answer> answers, IComparer<string> organisationOrder)
    {
        ArgumentNullException.ThrowIfNull(question);
        var given = answers.Select(a => ValueOf(a)?.Choices ?? []).ToList();
        var options = question.OptionsAreOrganisations
            ? given.SelectMany(c => c).Distinct(StringComparer.Ordinal).Order(organisationOrder).ToList()
            : [.. question.Options];
        return [.. options.Select(o => (o, given.Count(c => c.Contains(o, StringComparer.Ordinal))))];
    }

    public override IEnumerable<Refusal> ProblemsBeforeSending(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (!question.OptionsAreOrganisations && question.Options.Count < 2)
        {
            yield return new Refusal(new Subject(Field.QuestionOptions, question.Number), RefusalKey.TooFewOptions);
        }
    }

    /// <summary>Every option, keyed by its text; for a list of the tenant's organisations, those chosen in <paramref name="answers"/>.</summary>
    public override IReadOnlyList<AnswerFacet> Facets(Question question, IEnumerable<Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(question);
        var options = question.OptionsAreOrganisations
            ? [.. answers.SelectMany(a => ValueOf(a)?.Choices ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Create(Text.Swedish, false))]
            : question.Options;
        return [.. options.Select(o => new AnswerFacet(o, o))];
    }

    public override bool Has(Question question, Answer answer, string key) => ValueOf(answer)?.Choices.Contains(key, StringComparer.Ordinal) ?? false;

    public override bool IsAnswered(Question question, Answer answer) => ValueOf(answer) is { Choices.Count: > 0 };

    internal override QuestionSettings ValidSettings(int number, QuestionDefinition definition) => new(
        definition.OptionsAreOrganisations ? [] : CleanList(definition.Options, new Subject(Field.QuestionOptions, number)),
        definition.OptionsAreOrganisations,
        definition.AllowsSeveralChoices,
        []);

    internal override ChoiceAnswer Valid(Question question, ChoiceAnswer value, IReadOnlyList<string> organisationNames)
    {
        var allowed = question.ChoosableOptions(organisationNames);
        var distinct = value.Choices.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Any(c => !allowed.Contains(c, StringComparer.Ordinal)))
        {
            throw new DomainException(new Subject(Field.Answer, question.Number), RefusalKey.ChoiceNotAnOption);
        }

        return !question.AllowsSeveralChoices && distinct.Count > 1
            ? throw new DomainException(new Subject(Field.Answer, question.Number), RefusalKey.SeveralChoices)
            : new ChoiceAnswer(distinct);
    }

    internal override DomainException NotAskedFor(int number) => new DomainException(new Subject(Field.Answer, number), RefusalKey.NotAChoiceQuestion);
}

/// <summary>The options chosen on a Val question, in the order given.</summary>
public sealed record ChoiceAnswer(IReadOnlyList<string> Choices) : AnswerValue
{
    internal override bool IsEmpty => Choices.Count == 0;
}
