namespace Remiss.Domain.Remisser;

using global::Remiss.Domain.Common;

/// <summary>Trafikljus: the owner's items, each rated Grönt / Gult / Rött with a comment; the text is an overall comment.</summary>
public sealed class TrafficLightQuestion : QuestionKind<TrafficLightAnswer>
{
    public const int CommentMaxLength = 10_000;

    public override QuestionType Type => QuestionType.TrafficLight;

    public override string Name => "Trafikljus";

    public override string Instruction => "Bedöm varje punkt som grönt, gult eller rött";

    public static string LabelOf(TrafficLightColour colour) => colour switch
    {
        TrafficLightColour.Green => "Grönt",
        TrafficLightColour.Yellow => "Gult",
        TrafficLightColour.Red => "Rött",
        _ => colour.ToString(),
    };

    /// <summary>Each item with how many rated it green, yellow and red, and how many left it unrated.</summary>
    public static IReadOnlyList<(string Item, int Green, int Yellow, int Red, int Unrated)> Tally(Question question, IEnumerable<Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(question);
        var given = answers.Select(a => ValueOf(a)?.Ratings ?? []).ToList();
        return [.. question.Items.Select(item =>
        {
            var colours = given.Select(ratings => ratings.FirstOrDefault(r => r.Item == item)?.Colour).ToList();
            return (item,
                colours.Count(c => c == TrafficLightColour.Green),
                colours.Count(c => c == TrafficLightColour.Yellow),
                colours.Count(c => c == TrafficLightColour.Red),
                colours.Count(c => c is null));
        })];
    }

    public override IEnumerable<Refusal> ProblemsBeforeSending(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Items.Count == 0)
        {
            yield return new Refusal(new Subject(Field.QuestionItems, question.Number), RefusalKey.NoItems);
        }
    }

    /// <summary>Each item in each colour ("Trygghet: Rött"), keyed by the item's place in the list and the colour's code name.</summary>
    public override IReadOnlyList<AnswerFacet> Facets(Question question, IEnumerable<Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(question);
        return [.. question.Items.SelectMany((item, i) => Enum.GetValues<TrafficLightColour>().Select(c => new AnswerFacet($"{i + 1}-{c}", $"{item}: {LabelOf(c)}")))];
    }

    public override bool Has(Question question, Answer answer, string key)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('-', 2);
        if (parts.Length != 2 || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var place)
            || place < 1 || place > question.Items.Count
            || Enum.GetValues<TrafficLightColour>().Where(c => c.ToString() == parts[1]).Select(c => (TrafficLightColour?)c).SingleOrDefault() is not { } colour)
        {
            return false;
        }

        var item = question.Items[place - 1];
        return ValueOf(answer)?.Ratings.Any(r => r.Item == item && r.Colour == colour) ?? false;
    }

    /// <summary>Every item rated with a colour; a comment alone does not answer.</summary>
    public override bool IsAnswered(Question question, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        var ratings = ValueOf(answer)?.Ratings ?? [];
        return question.Items.All(item => ratings.Any(r => r.Item == item && r.Colour is not null));
    }

    internal override QuestionSettings ValidSettings(int number, QuestionDefinition definition) =>
        new([], false, false, CleanList(definition.Items, new Subject(Field.QuestionItems, number)));

    internal override TrafficLightAnswer Valid(Question question, TrafficLightAnswer value, IReadOnlyList<string> organisationNames)
    {
        var ratings = value.Ratings;
        if (ratings.Any(r => !question.Items.Contains(r.Item, StringComparer.Ordinal)))
        {
            throw new DomainException(new Subject(Field.Answer, question.Number), RefusalKey.RatingNotAnItem);
        }

        if (ratings.Any(r => r.Colour is { } c && !Enum.IsDefined(c)))
        {
            throw new DomainException(new Subject(Field.Answer, question.Number), RefusalKey.InvalidColour);
        }

        return ratings.DistinctBy(r => r.Item).Count() != ratings.Count
            ? throw new DomainException(new Subject(Field.Answer, question.Number), RefusalKey.ItemRatedTwice)
            : new TrafficLightAnswer([.. ratings.Select(r => r with { Comment = Text.Optional(r.Comment, new Subject(Field.AnswerComment, question.Number), CommentMaxLength) })]);
    }

    internal override DomainException NotAskedFor(int number) => new DomainException(new Subject(Field.Answer, number), RefusalKey.NotATrafficLightQuestion);
}

/// <summary>The ratings given on a Trafikljus question, one per item at most.</summary>
public sealed record TrafficLightAnswer(IReadOnlyList<TrafficLightRating> Ratings) : AnswerValue
{
    internal override bool IsEmpty => Ratings.Count == 0;
}

/// <summary>One item of a Trafikljus question, rated Grönt / Gult / Rött with a comment.</summary>
public sealed record TrafficLightRating(string Item, TrafficLightColour? Colour, string? Comment);
