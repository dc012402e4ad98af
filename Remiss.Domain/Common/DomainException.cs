namespace Remiss.Domain.Common;

/// <summary>
/// A rule of the domain refused what was asked. The message is Swedish and written for the user who asked,
/// so a page can show it next to the field or at the top of the form.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public DomainException(IReadOnlyList<string> problems)
        : base(string.Join(" ", problems))
    {
        Problems = problems;
    }

    public DomainException()
        : this("Åtgärden är inte tillåten.")
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Every reason for the refusal, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
