namespace Remiss.Infrastructure.Documents.QuestionTypes;

using Remiss.Domain.Remisser;

/// <summary>
/// A question type in the spreadsheet: what its answer stores besides the text (the position, the choices, the
/// colours) as the words of one cell. One subclass per type, found by <see cref="QuestionTypeCells"/> through <see cref="Type"/>.
/// </summary>
internal abstract class QuestionTypeCell
{
    public abstract QuestionType Type { get; }

    /// <summary>The type's own part of one answer in words, or null where the answer has none.</summary>
    public abstract string? Value(Question question, Answer answer);
}

/// <summary>Every question type's spreadsheet cell, by the type's stored value.</summary>
internal static class QuestionTypeCells
{
    private static readonly Dictionary<QuestionType, QuestionTypeCell> ByType = typeof(QuestionTypeCell).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(QuestionTypeCell)) && !t.IsAbstract)
        .Select(t => (QuestionTypeCell)Activator.CreateInstance(t)!)
        .ToDictionary(c => c.Type);

    public static IReadOnlyCollection<QuestionType> Types => ByType.Keys;

    public static QuestionTypeCell Of(QuestionType type) =>
        ByType.TryGetValue(type, out var cell) ? cell : throw new InvalidOperationException($"The question type {type} has no spreadsheet cell.");
}
