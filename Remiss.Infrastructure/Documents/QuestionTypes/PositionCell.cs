namespace Remiss.Infrastructure.Documents.QuestionTypes;

using Remiss.Domain.Remisser;

/// <summary>Ställningstagande in the spreadsheet: "Tillstyrker", "Avstyrker" …</summary>
internal sealed class PositionCell : QuestionTypeCell
{
    public override QuestionType Type => QuestionType.Position;

    public override string? Value(Question question, Answer answer) =>
        answer.Value is PositionAnswer { Position: var position } ? PositionQuestion.LabelOf(position) : null;
}
