namespace Remiss.Domain.Remisser;

/// <summary>Fritext: the answer is the shared text alone.</summary>
public sealed class FreeTextQuestion : QuestionKind
{
    public override QuestionType Type => QuestionType.FreeText;

    public override string Name => "Fritext";

    public override string Instruction => "Svara med egen text";

    public override bool IsAnswered(Question question, Answer answer) => !Response.IsBlankHtml(answer.Text);
}
