namespace Remiss.Infrastructure.Documents.QuestionTypes;

using System.Globalization;
using Remiss.Domain.Remisser;

/// <summary>
/// A question type's Word rendering: its part of an answer and its tally in the sammanställning. One subclass per
/// type, found by <see cref="QuestionTypeWords"/> through <see cref="Type"/>.
/// </summary>
internal abstract class QuestionTypeWord
{
    public abstract QuestionType Type { get; }

    /// <summary>The type's own part of one answer, written after "Inga synpunkter" and before the answer's text.</summary>
    public abstract void Answer(WordDocumentWriter writer, Question question, Answer answer);

    /// <summary>The short tally under the question in the sammanställning; nothing where the type has nothing to count.</summary>
    public abstract void Tally(WordDocumentWriter writer, Question question, IReadOnlyList<Answer> answers);

    protected static string N(int count) => count.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Every question type's Word rendering, by the type's stored value.</summary>
internal static class QuestionTypeWords
{
    private static readonly Dictionary<QuestionType, QuestionTypeWord> ByType = typeof(QuestionTypeWord).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(QuestionTypeWord)) && !t.IsAbstract)
        .Select(t => (QuestionTypeWord)Activator.CreateInstance(t)!)
        .ToDictionary(w => w.Type);

    public static IReadOnlyCollection<QuestionType> Types => ByType.Keys;

    public static QuestionTypeWord Of(QuestionType type) =>
        ByType.TryGetValue(type, out var word) ? word : throw new InvalidOperationException($"The question type {type} has no Word rendering.");
}
