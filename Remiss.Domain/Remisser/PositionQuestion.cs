namespace Remiss.Domain.Remisser;

using global::Remiss.Domain.Common;

/// <summary>Ställningstagande: Tillstyrker / Tillstyrker delvis / Avstyrker / Inga synpunkter, with the text as motivation.</summary>
public sealed class PositionQuestion : QuestionKind<PositionAnswer>
{
    public override QuestionType Type => QuestionType.Position;

    public override string Name => "Ställningstagande";

    public override string Instruction => "Ta ställning och motivera";

    public static string LabelOf(Position position) => position switch
    {
        Position.Supports => "Tillstyrker",
        Position.PartlySupports => "Tillstyrker delvis",
        Position.Opposes => "Avstyrker",
        Position.NoComments => "Inga synpunkter",
        _ => position.ToString(),
    };

    /// <summary>Each position with how many took it; "Inga synpunkter" also counts answers marked so without a position.</summary>
    public static IReadOnlyList<(Position Position, int Count)> Tally(IEnumerable<Answer> answers)
    {
        var given = answers.Select(a => (Position: ValueOf(a)?.Position, a.NoComments)).ToList();
        return [.. Enum.GetValues<Position>().Select(p => (p, given.Count(a => a.Position == p || (p == Position.NoComments && a.Position is null && a.NoComments))))];
    }

    /// <summary>Every position, keyed by its code name; "Inga synpunkter" also holds answers marked so without a position.</summary>
    public override IReadOnlyList<AnswerFacet> Facets(Question question, IEnumerable<Answer> answers) =>
        [.. Enum.GetValues<Position>().Select(p => new AnswerFacet(p.ToString(), LabelOf(p)))];

    public override bool Has(Question question, Answer answer, string key)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var position = ValueOf(answer)?.Position;
        return Enum.GetValues<Position>().Where(p => p.ToString() == key).Select(p => (Position?)p).SingleOrDefault() is { } wanted
            && (position == wanted || (wanted == Position.NoComments && position is null && answer.NoComments));
    }

    public override AnswerValue NoCommentsValue { get; } = new PositionAnswer(Position.NoComments);

    public override bool IsAnswered(Question question, Answer answer) => ValueOf(answer) is not null;

    internal override PositionAnswer Valid(Question question, PositionAnswer value, IReadOnlyList<string> organisationNames) =>
        Enum.IsDefined(value.Position)
            ? value
            : throw new DomainException(new Subject(Field.Answer, question.Number), RefusalKey.InvalidPosition);

    internal override DomainException NotAskedFor(int number) => new DomainException(new Subject(Field.Answer, number), RefusalKey.NotAPositionQuestion);
}

/// <summary>The position taken on a Ställningstagande question.</summary>
public sealed record PositionAnswer(Position Position) : AnswerValue;
