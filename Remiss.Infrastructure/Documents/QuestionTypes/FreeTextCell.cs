namespace Remiss.Infrastructure.Documents.QuestionTypes;

using Remiss.Domain.Remisser;

/// <summary>Fritext in the spreadsheet: the answer is its text, which has a column of its own.</summary>
internal sealed class FreeTextCell : QuestionTypeCell
{
    public override QuestionType Type => QuestionType.FreeText;

    public override string? Value(Question question, Answer answer) => null;
}
