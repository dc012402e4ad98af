namespace Remiss.Domain.Common;

using System.Globalization;

/// <summary>
/// One reason a rule of the domain refused what was asked: what it is about (<see cref="Subject"/>) and what is
/// wrong (<see cref="Key"/>, one of <see cref="RefusalKey"/>'s, with its <see cref="Arguments"/>). It holds no
/// sentence: the web layer puts it next to its field and says it in the user's language.
/// </summary>
public sealed class Refusal
{
    public Refusal(Subject subject, string key, params object[] arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Subject = subject;
        Key = key;
        Arguments = arguments ?? [];
    }

    public Refusal(Field field, string key, params object[] arguments)
        : this(new Subject(field), key, arguments)
    {
    }

    public Subject Subject { get; }

    public string Key { get; }

    /// <summary>What the text needs besides the subject: a limit, a date, a name. An enum value is said in words (its own resource).</summary>
    public IReadOnlyList<object> Arguments { get; }

    /// <summary>The same refusal about another subject: a service that knows which field of its form a value came from says so.</summary>
    public Refusal About(Subject subject) => new(subject, Key, [.. Arguments]);

    /// <summary>For logs: <c>Required(Title)</c>, <c>MaxLength(QuestionText 3; 4000)</c>.</summary>
    public override string ToString() =>
        Arguments.Count == 0
            ? $"{Key}({Subject})"
            : $"{Key}({Subject}; {string.Join(", ", Arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)))})";
}

/// <summary>What a refusal is about: a field, with the number of its question or the row of its signatory or section where there is one.</summary>
public readonly record struct Subject(Field Field, int? Index = null)
{
    /// <summary>The whole form, or the action as such: shown at the top.</summary>
    public static Subject Form => new(Field.Form);

    /// <summary>A field without an index is a subject of its own: <c>Text.Required(title, Field.Title, 300)</c>.</summary>
    public static implicit operator Subject(Field field) => new(field);

    public override string ToString() => Index is { } index ? $"{Field} {index.ToString(CultureInfo.InvariantCulture)}" : Field.ToString();
}
