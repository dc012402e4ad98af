namespace Remiss.Domain.Common;

/// <summary>
/// A save was based on an older version than the one stored: someone else saved in between. The page shows
/// both versions and lets the user choose; nothing is written over.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(string message, int currentVersion)
        : base(message) => CurrentVersion = currentVersion;

    public ConcurrencyConflictException()
        : this("Någon annan har sparat under tiden.", 0)
    {
    }

    public ConcurrencyConflictException(string message)
        : this(message, 0)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int CurrentVersion { get; }
}
