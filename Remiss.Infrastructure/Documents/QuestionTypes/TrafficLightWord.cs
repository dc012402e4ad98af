namespace Remiss.Infrastructure.Documents.QuestionTypes;

using Remiss.Domain.Remisser;

/// <summary>Trafikljus in Word: a table of items with their colour and comment, and a count per item and colour.</summary>
internal sealed class TrafficLightWord : QuestionTypeWord
{
    public override QuestionType Type => QuestionType.TrafficLight;

    public override void Answer(WordDocumentWriter writer, Question question, Answer answer)
    {
        if (answer.Value is TrafficLightAnswer { Ratings.Count: > 0 } lights)
        {
            writer.Table(
                ["Punkt", "Bedömning", "Kommentar"],
                lights.Ratings.Select(r => (IReadOnlyList<string>)[r.Item, r.Colour is { } c ? TrafficLightQuestion.LabelOf(c) : "Ej bedömd", r.Comment ?? string.Empty]),
                [35, 20, 45]);
        }
    }

    public override void Tally(WordDocumentWriter writer, Question question, IReadOnlyList<Answer> answers) =>
        writer.Table(
            ["Punkt", "Grönt", "Gult", "Rött", "Ej bedömd"],
            TrafficLightQuestion.Tally(question, answers).Select(t => (IReadOnlyList<string>)[t.Item, N(t.Green), N(t.Yellow), N(t.Red), N(t.Unrated)]),
            [40, 15, 15, 15, 15]);
}
