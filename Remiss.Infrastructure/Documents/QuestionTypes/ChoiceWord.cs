namespace Remiss.Infrastructure.Documents.QuestionTypes;

using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Remisser;

/// <summary>Val in Word: "Val: Ja" or "Valda alternativ: …", and a count per option.</summary>
internal sealed class ChoiceWord : QuestionTypeWord
{
    public override QuestionType Type => QuestionType.Choice;

    public override void Answer(WordDocumentWriter writer, Question question, Answer answer)
    {
        if (answer.Value is ChoiceAnswer { Choices.Count: > 0 } choice)
        {
            writer.Labelled(choice.Choices.Count == 1 ? "Val" : "Valda alternativ", string.Join(", ", choice.Choices));
        }
    }

    public override void Tally(WordDocumentWriter writer, Question question, IReadOnlyList<Answer> answers) =>
        writer.Table(["Alternativ", "Antal"], ChoiceQuestion.Tally(question, answers, SwedishOrder.Comparer).Select(t => (IReadOnlyList<string>)[t.Option, N(t.Count)]), [70, 30]);
}
