namespace Remiss.Tests.TestSupport;

using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;

/// <summary>
/// An authenticator app in the tests: RFC 6238 codes (HMAC-SHA1, 30-second steps, six digits) from a base32 key, as
/// the phone computes them. Identity's own TOTP code is internal, so this is written out. Identity's authenticator
/// provider reads the system clock, not the app's TimeProvider, so the codes are for the real time too.
/// </summary>
public static class Authenticator
{
    /// <summary>The platform operator's key in the tests: the operator must have two-step verification outside Development.</summary>
    public const string OperatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private static readonly ConcurrentDictionary<string, string> Keys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["operator@remiss.example"] = OperatorKey,
    };

    /// <summary>Remembers the key of an account, so <see cref="WebSession.SignInAsync"/> can answer the second step for it.</summary>
    public static void Remember(string email, string key) => Keys[email] = Clean(key);

    public static void Forget(string email) => Keys.TryRemove(email, out _);

    public static string? KeyOf(string email) => Keys.TryGetValue(email, out var key) ? key : null;

    /// <summary>The code the app shows now.</summary>
    public static string Code(string key) => Code(key, DateTimeOffset.UtcNow);

    public static string Code(string key, DateTimeOffset at)
    {
        var step = at.ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; the test must compute what the phone computes.
        var hash = HMACSHA1.HashData(FromBase32(Clean(key)), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Six digits that are none of the codes Identity accepts now (it allows 90 seconds either way).</summary>
    public static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(-4, 9).Select(i => Code(key, now.AddSeconds(30 * i))).ToHashSet();
        var candidate = int.Parse(Code(key, now), CultureInfo.InvariantCulture);
        string wrong;
        do
        {
            candidate = (candidate + 1) % 1_000_000;
            wrong = candidate.ToString("D6", CultureInfo.InvariantCulture);
        }
        while (valid.Contains(wrong));

        return wrong;
    }

    private static string Clean(string key) => key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    private static byte[] FromBase32(string key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in key.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xff));
            }
        }

        return [.. bytes];
    }
}
