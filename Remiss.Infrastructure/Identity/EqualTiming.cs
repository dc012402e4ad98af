namespace Remiss.Infrastructure.Identity;

using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

/// <summary>
/// Makes the account pages take about as long for an address without an account as for one with: the penetration test
/// told them apart by time alone (2–6 ms against about 100 ms). A sign-in without an account checks the password against
/// a hash made by the same hasher, so it costs what a real check costs; a reset request waits out a fixed floor.
/// </summary>
public sealed class EqualTiming(IOptions<PasswordHasherOptions> options)
{
    // A hasher of its own with Identity's options (Identity registers its hasher per request; this lives for the app).
    private readonly PasswordHasher<ApplicationUser> _hasher = new(options);

    /// <summary>Longer than a reset request ever takes here (a token, an outbox row): every answer takes this long.</summary>
    public static readonly TimeSpan ResetFloor = TimeSpan.FromMilliseconds(400);

    private string? _decoyHash;

    /// <summary>Spends what checking <paramref name="password"/> against a real account's hash would.</summary>
    public void CheckDecoyPassword(string? password)
    {
        _decoyHash ??= _hasher.HashPassword(new ApplicationUser(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        _ = _hasher.VerifyHashedPassword(new ApplicationUser(), _decoyHash, password ?? string.Empty);
    }

    /// <summary>Runs <paramref name="work"/> and then waits until at least <see cref="ResetFloor"/> has passed since it began.</summary>
    public static async Task WithFloorAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var started = Stopwatch.GetTimestamp();
        await work().ConfigureAwait(false);
        var rest = ResetFloor - Stopwatch.GetElapsedTime(started);
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest, cancellationToken).ConfigureAwait(false);
        }
    }
}
