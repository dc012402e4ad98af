namespace Remiss.Infrastructure.Identity;

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Remiss.Domain.Audit;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Persistence;

/// <summary>
/// Two-step verification with an authenticator app: Identity's own TOTP provider and recovery codes, the tenant's
/// requirement, and a line in the log of each of the person's tenants for every change.
/// </summary>
public sealed class TwoStepVerification(
    UserManager<ApplicationUser> users,
    IUserStore<ApplicationUser> store,
    AppDbContext db,
    AccountAudit audit,
    IHostEnvironment environment)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>Whether the person must have two-step verification on (<see cref="AccountRules.RequiresTwoFactor"/>).</summary>
    public async Task<bool> IsRequiredAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);

        // It is a second step after a password: an account without one (not yet chosen) has nothing to add it to.
        if (!await users.HasPasswordAsync(user).ConfigureAwait(false))
        {
            return false;
        }

        // Every tenant the person works in has its say: one that requires it for its administrators or for everyone
        // requires it of the account, which is the same in all of them.
        var userId = user.Id;
        var accesses = await (
                from a in db.TenantAccesses
                where a.UserId == userId && a.IsActive
                join t in db.Tenants on a.TenantId equals t.Id
                where !t.IsSuspended
                select new { t.TwoFactorRequirement, a.IsAdmin })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        if (accesses.Any(a => a.TwoFactorRequirement != TwoFactorRequirement.Nobody && AccountRules.RequiresTwoFactor(a.TwoFactorRequirement, a.IsAdmin)))
        {
            return true;
        }

        return AccountRules.OperatorRequiresTwoFactor(environment.IsDevelopment())
            && await users.IsInRoleAsync(user, Roles.PlatformAdmin).ConfigureAwait(false);
    }

    /// <summary>
    /// The account's authenticator key, made on first asking. A first key is stored without a new security stamp
    /// (Identity's ResetAuthenticatorKeyAsync renews it), so merely opening Mitt konto ends none of the person's other
    /// sessions; replacing a key that was in use (turning it off) does renew the stamp.
    /// </summary>
    public async Task<string> KeyAsync(ApplicationUser user)
    {
        if (await users.GetAuthenticatorKeyAsync(user).ConfigureAwait(false) is { Length: > 0 } key)
        {
            return key;
        }

        var fresh = users.GenerateNewAuthenticatorKey();
        await ((IUserAuthenticatorKeyStore<ApplicationUser>)store).SetAuthenticatorKeyAsync(user, fresh, CancellationToken.None).ConfigureAwait(false);
        var saved = await users.UpdateAsync(user).ConfigureAwait(false);
        return saved.Succeeded ? fresh : throw new InvalidOperationException("The authenticator key could not be saved.");
    }

    /// <summary>The address an authenticator app reads from the QR code.</summary>
    public static string AuthenticatorUri(string email, string key) =>
        string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{Uri.EscapeDataString("Remiss:" + email)}?secret={key}&issuer=Remiss&digits=6");

    /// <summary>The key in groups of four, for typing it by hand.</summary>
    public static string Readable(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(text.Length > 0 ? " " : string.Empty).Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString();
    }

    /// <summary>Turns it on if <paramref name="code"/> is the app's current one; returns the new recovery codes, or null for a wrong code.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(ApplicationUser user, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await IsCurrentCodeAsync(user, code).ConfigureAwait(false))
        {
            return null;
        }

        await users.SetTwoFactorEnabledAsync(user, true).ConfigureAwait(false);
        IReadOnlyList<string> codes = [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount).ConfigureAwait(false))!];
        await audit.RecordAsync(user, AuditAction.TwoFactorEnabled, "Tvåstegsverifiering påslagen med autentiseringsapp.", cancellationToken).ConfigureAwait(false);
        return codes;
    }

    /// <summary>New recovery codes in place of the old ones, for the app's current code; null for a wrong code.</summary>
    public async Task<IReadOnlyList<string>?> RenewRecoveryCodesAsync(ApplicationUser user, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.TwoFactorEnabled || !await IsCurrentCodeAsync(user, code).ConfigureAwait(false))
        {
            return null;
        }

        IReadOnlyList<string> codes = [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount).ConfigureAwait(false))!];
        await audit.RecordAsync(user, AuditAction.RecoveryCodesRenewed, "Nya återställningskoder skapade; de gamla gäller inte längre.", cancellationToken).ConfigureAwait(false);
        return codes;
    }

    /// <summary>
    /// Turns it off for the app's current code or an unused recovery code (which is then used up); false for a wrong
    /// code. The key is replaced, so turning it on again means scanning a new one.
    /// </summary>
    public async Task<bool> DisableAsync(ApplicationUser user, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var normalised = Normalise(code);
        if (!user.TwoFactorEnabled || normalised.Length == 0)
        {
            return false;
        }

        if (!await IsCurrentCodeAsync(user, normalised).ConfigureAwait(false)
            && !(await users.RedeemTwoFactorRecoveryCodeAsync(user, normalised).ConfigureAwait(false)).Succeeded)
        {
            return false;
        }

        await users.SetTwoFactorEnabledAsync(user, false).ConfigureAwait(false);
        await users.ResetAuthenticatorKeyAsync(user).ConfigureAwait(false);
        await audit.RecordAsync(user, AuditAction.TwoFactorDisabled, "Tvåstegsverifiering avstängd.", cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// What a person types, as it is checked: no spaces (apps show "123 456"); a recovery code in capitals with its
    /// dash ("ABCDE-FGHJK", as Identity stores it), also when typed without the dash.
    /// </summary>
    public static string Normalise(string? code)
    {
        var text = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
        return text.Length == 10 && !text.Contains('-', StringComparison.Ordinal) && !text.All(char.IsAsciiDigit) ? $"{text[..5]}-{text[5..]}" : text;
    }

    /// <summary>Whether <paramref name="code"/>, as typed, has the shape of an app's code (six digits) rather than a recovery code.</summary>
    public static bool IsAppCode(string? code) => Normalise(code) is { Length: 6 } digits && digits.All(char.IsAsciiDigit);

    private async Task<bool> IsCurrentCodeAsync(ApplicationUser user, string? code)
    {
        var normalised = Normalise(code);
        return IsAppCode(normalised)
            && await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, normalised).ConfigureAwait(false);
    }
}
