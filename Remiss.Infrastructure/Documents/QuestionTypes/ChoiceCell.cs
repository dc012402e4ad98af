namespace Remiss.Infrastructure.Documents.QuestionTypes;

using Remiss.Domain.Remisser;

/// <summary>Val in the spreadsheet: the chosen options, one per line, so a filter on one option finds it.</summary>
internal sealed class ChoiceCell : QuestionTypeCell
{
    public override QuestionType Type => QuestionType.Choice;

    public override string? Value(Question question, Answer answer) =>
        answer.Value is ChoiceAnswer { Choices.Count: > 0 } choice ? string.Join('\n', choice.Choices) : null;
}
