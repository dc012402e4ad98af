namespace Remiss.Domain.Remisser;

/// <summary>Fritext: the answer is the shared text alone.</summary>
public sealed class FreeTextQuestion : QuestionKind
{
    public override QuestionType Type => QuestionType.FreeText;

    public override string Name => "Fritext";

    public override bool IsAnswered(Question question, Answer answer) => !Response.IsBlankHtml(answer.Text);
}
