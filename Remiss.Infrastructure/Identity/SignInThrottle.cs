namespace Remiss.Infrastructure.Identity;

using System.Collections.Concurrent;

/// <summary>
/// Slows down password guessing without letting anyone lock an account. Failed sign-ins are counted per address typed
/// and client (so someone elsewhere guessing at a colleague's address never blocks the colleague) and per client (so one
/// client cannot try many addresses). Both count whether or not the address has an account, so the answer says nothing
/// about that. Replaces Identity's lockout, which anyone who knew an address could trigger for 15 minutes, and which
/// told them the account existed. Counts live in this process: behind several instances each counts its own.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FailuresPerAddress = 5;
    public const int FailuresPerClient = 100;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>The most keys kept: beyond it the oldest are dropped, so a flood of made-up addresses cannot fill memory.</summary>
    private const int MaxKeys = 100_000;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>True when the client may try this address now.</summary>
    public bool Allows(string? email, string? client)
    {
        var now = clock.GetUtcNow();
        return Count(AddressKey(email, client), now) < FailuresPerAddress && Count(ClientKey(client), now) < FailuresPerClient;
    }

    public void RecordFailure(string? email, string? client)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count >= MaxKeys)
        {
            Prune(now);
        }

        foreach (var key in new[] { AddressKey(email, client), ClientKey(client) })
        {
            _failures.GetOrAdd(key, _ => new Failures()).Add(now);
        }
    }

    /// <summary>A right password forgets this address's failures from this client.</summary>
    public void RecordSuccess(string? email, string? client) => _failures.TryRemove(AddressKey(email, client), out _);

    private int Count(string key, DateTimeOffset now) => _failures.TryGetValue(key, out var failures) ? failures.Since(now - Window) : 0;

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            if (failures.Since(now - Window) == 0)
            {
                _failures.TryRemove(key, out _);
            }
        }

        // Still full of fresh keys: a flood. Forget everything rather than grow; the rate limiter still bounds posts per client.
        if (_failures.Count >= MaxKeys)
        {
            _failures.Clear();
        }
    }

    private static string AddressKey(string? email, string? client) =>
        $"a:{(email ?? string.Empty).Trim().ToUpperInvariant()}|{client}";

    private static string ClientKey(string? client) => $"c:{client}";

    /// <summary>The times of one key's failures, the newest last; at most as many as any limit needs.</summary>
    private sealed class Failures
    {
        private readonly Queue<DateTimeOffset> _times = new();

        public void Add(DateTimeOffset at)
        {
            lock (_times)
            {
                _times.Enqueue(at);
                while (_times.Count > FailuresPerClient)
                {
                    _times.Dequeue();
                }
            }
        }

        public int Since(DateTimeOffset from)
        {
            lock (_times)
            {
                return _times.Count(t => t > from);
            }
        }
    }
}
