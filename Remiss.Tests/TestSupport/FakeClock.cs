namespace Remiss.Tests.TestSupport;

/// <summary>A clock the test sets. Starts on 23 November 2026, 10:00 UTC (11:00 in Stockholm).</summary>
public sealed class FakeClock : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private DateTimeOffset _now = Start;

    public override DateTimeOffset GetUtcNow() => _now;

    public DateTime UtcNow => _now.UtcDateTime;

    public void Set(DateTimeOffset now) => _now = now;

    public void Advance(TimeSpan by) => _now += by;
}
