namespace Remiss.Infrastructure.Documents.QuestionTypes;

using Remiss.Domain.Remisser;

/// <summary>Ställningstagande in Word: "Ställningstagande: Tillstyrker", and a count per position.</summary>
internal sealed class PositionWord : QuestionTypeWord
{
    public override QuestionType Type => QuestionType.Position;

    public override void Answer(WordDocumentWriter writer, Question question, Answer answer)
    {
        if (answer.Value is PositionAnswer { Position: var position })
        {
            writer.Labelled("Ställningstagande", PositionQuestion.LabelOf(position));
        }
    }

    public override void Tally(WordDocumentWriter writer, Question question, IReadOnlyList<Answer> answers) =>
        writer.Table(["Ställningstagande", "Antal"], PositionQuestion.Tally(answers).Select(t => (IReadOnlyList<string>)[PositionQuestion.LabelOf(t.Position), N(t.Count)]), [70, 30]);
}
