namespace Remiss.Domain.Common;

using System.Diagnostics.CodeAnalysis;

/// <summary>
/// A rule of the domain refused what was asked, for one or more <see cref="Refusal"/>s: each names what it is about
/// and what is wrong, and the web layer says it in the user's language next to its field. The message is for logs.
/// </summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "A refusal is made of refusals, never of a sentence: a constructor that takes a message would invite one.")]
public sealed class DomainException : Exception
{
    public DomainException(IReadOnlyList<Refusal> refusals)
        : base(string.Join("; ", refusals))
    {
        ArgumentOutOfRangeException.ThrowIfZero(refusals.Count);
        Refusals = refusals;
    }

    public DomainException(Refusal refusal)
        : this([refusal])
    {
    }

    /// <summary>One refusal about <paramref name="subject"/>.</summary>
    public DomainException(Subject subject, string key, params object[] arguments)
        : this(new Refusal(subject, key, arguments))
    {
    }

    /// <summary>One refusal about <paramref name="field"/>, or about the form as a whole with <see cref="Field.Form"/>.</summary>
    public DomainException(Field field, string key, params object[] arguments)
        : this(new Refusal(field, key, arguments))
    {
    }

    public DomainException()
        : this(Field.Form, RefusalKey.NotAllowed)
    {
    }

    /// <summary>Every reason for the refusal.</summary>
    public IReadOnlyList<Refusal> Refusals { get; }

    /// <summary>Throws the refusals, if there are any.</summary>
    public static void ThrowIfAny(IReadOnlyList<Refusal> refusals)
    {
        if (refusals.Count > 0)
        {
            throw new DomainException(refusals);
        }
    }

    /// <summary>The same refusals about <paramref name="subject"/>: for a service that knows which field of its form a value came from.</summary>
    public DomainException About(Subject subject) => new([.. Refusals.Select(r => r.About(subject))]);
}
