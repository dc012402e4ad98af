namespace Remiss.Domain.Remisser;

/// <summary>
/// The short counts the sammanställning gives under a question: positions per kind, choices per option,
/// traffic lights per item and colour. Only the answers given count; a recipient without an answer to the
/// question is counted as "not answered".
/// </summary>
public static class Tally
{
    /// <summary>Each position with how many took it; "Inga synpunkter" also counts answers marked so without a position.</summary>
    public static IReadOnlyList<(Position Position, int Count)> Positions(IEnumerable<Answer> answers)
    {
        var given = answers.ToList();
        return [.. Enum.GetValues<Position>().Select(p => (p, given.Count(a => a.Position == p || (p == Position.NoComments && a.Position is null && a.NoComments))))];
    }

    /// <summary>Each option (the owner's, or the organisations chosen) with how many chose it, in the question's order.</summary>
    public static IReadOnlyList<(string Option, int Count)> Choices(Question question, IEnumerable<Answer> answers, IComparer<string> organisationOrder)
    {
        var given = answers.ToList();
        var options = question.OptionsAreOrganisations
            ? given.SelectMany(a => a.Choices).Distinct(StringComparer.Ordinal).Order(organisationOrder).ToList()
            : [.. question.Options];
        return [.. options.Select(o => (o, given.Count(a => a.Choices.Contains(o, StringComparer.Ordinal))))];
    }

    /// <summary>Each item with how many rated it green, yellow and red, and how many left it unrated.</summary>
    public static IReadOnlyList<(string Item, int Green, int Yellow, int Red, int Unrated)> TrafficLights(Question question, IEnumerable<Answer> answers)
    {
        var given = answers.ToList();
        return [.. question.Items.Select(item =>
        {
            var colours = given.Select(a => a.Ratings.FirstOrDefault(r => r.Item == item)?.Colour).ToList();
            return (item,
                colours.Count(c => c == TrafficLightColour.Green),
                colours.Count(c => c == TrafficLightColour.Yellow),
                colours.Count(c => c == TrafficLightColour.Red),
                colours.Count(c => c is null));
        })];
    }
}
