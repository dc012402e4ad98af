namespace Remiss.Domain.Common;

/// <summary>
/// A save was based on an older version than the one stored: someone else saved in between. The page shows
/// both versions and lets the user choose; nothing is written over. Like a <see cref="DomainException"/>, it says
/// why as a <see cref="Common.Refusal"/>, which the web layer words.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(Refusal refusal, int currentVersion)
        : base(refusal?.ToString())
    {
        Refusal = refusal ?? new Refusal(Field.Form, RefusalKey.SavedMeanwhile);
        CurrentVersion = currentVersion;
    }

    public ConcurrencyConflictException()
        : this(new Refusal(Field.Form, RefusalKey.SavedMeanwhile), 0)
    {
    }

    /// <summary>For logs only; the user is told <see cref="Refusal"/>.</summary>
    public ConcurrencyConflictException(string message)
        : base(message) => Refusal = new Refusal(Field.Form, RefusalKey.SavedMeanwhile);

    /// <summary>For logs only; the user is told <see cref="Refusal"/>.</summary>
    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException) => Refusal = new Refusal(Field.Form, RefusalKey.SavedMeanwhile);

    public Refusal Refusal { get; }

    public int CurrentVersion { get; }
}
