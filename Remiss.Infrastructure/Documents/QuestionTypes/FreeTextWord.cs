namespace Remiss.Infrastructure.Documents.QuestionTypes;

using Remiss.Domain.Remisser;

/// <summary>Fritext in Word: the answer is its text, which every type writes; there is nothing to count.</summary>
internal sealed class FreeTextWord : QuestionTypeWord
{
    public override QuestionType Type => QuestionType.FreeText;

    public override void Answer(WordDocumentWriter writer, Question question, Answer answer)
    {
    }

    public override void Tally(WordDocumentWriter writer, Question question, IReadOnlyList<Answer> answers)
    {
    }
}
