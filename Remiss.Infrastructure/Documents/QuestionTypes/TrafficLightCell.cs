namespace Remiss.Infrastructure.Documents.QuestionTypes;

using Remiss.Domain.Remisser;

/// <summary>Trafikljus in the spreadsheet: one line per item, "Trygghet: Grönt – comment", in the question's order of items.</summary>
internal sealed class TrafficLightCell : QuestionTypeCell
{
    public override QuestionType Type => QuestionType.TrafficLight;

    public override string? Value(Question question, Answer answer)
    {
        if (answer.Value is not TrafficLightAnswer { Ratings.Count: > 0 } lights)
        {
            return null;
        }

        return string.Join('\n', lights.Ratings
            .OrderBy(r => IndexOf(question, r.Item))
            .Select(r => $"{r.Item}: {(r.Colour is { } c ? TrafficLightQuestion.LabelOf(c) : "Ej bedömd")}{(string.IsNullOrWhiteSpace(r.Comment) ? string.Empty : " – " + r.Comment.Trim())}"));
    }

    private static int IndexOf(Question question, string item)
    {
        for (var i = 0; i < question.Items.Count; i++)
        {
            if (string.Equals(question.Items[i], item, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
