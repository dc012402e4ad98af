namespace Remiss.Domain.Common;

/// <summary>
/// An id named a child (a bilaga, a remissinstans, an anstånd) that is not part of the aggregate it was looked up in:
/// another tenant's, another remiss's, or one gone since the page was loaded. Unlike a <see cref="DomainException"/>
/// it is not a rule to explain on the form: to the user it is the same as any id they may not see, so pages answer
/// 404. The message says what was not found, in Swedish, for the log.
/// </summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException()
        : this("Det som efterfrågades finns inte.")
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
