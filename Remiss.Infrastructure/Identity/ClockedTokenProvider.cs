namespace Remiss.Infrastructure.Identity;

using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

/// <summary>
/// Identity's link tokens (invitation, password reset), protected by the shared data-protection keys and bound to
/// the account's security stamp: setting a password changes the stamp, so a link works once. Unlike Identity's
/// default provider it reads "now" from <see cref="TimeProvider"/>, so a link's validity can be tested.
/// </summary>
public abstract class ClockedTokenProvider(IDataProtectionProvider protection, TimeProvider clock, string name, TimeSpan lifespan)
    : IUserTwoFactorTokenProvider<ApplicationUser>
{
    private readonly IDataProtector _protector = protection.CreateProtector("Remiss.Identity.Tokens", name);

    public TimeSpan Lifespan => lifespan;

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var stamp = await manager.GetSecurityStampAsync(user).ConfigureAwait(false);
        var created = clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture);
        var payload = string.Join('|', created, user.Id.ToString("N"), purpose, stamp);
        return Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(_protector.Protect(System.Text.Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        string[] parts;
        try
        {
            parts = System.Text.Encoding.UTF8.GetString(_protector.Unprotect(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(token))).Split('|');
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }

        if (parts.Length != 4 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return false;
        }

        var age = clock.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero);
        var stamp = await manager.GetSecurityStampAsync(user).ConfigureAwait(false);
        return age >= TimeSpan.Zero && age <= lifespan
            && parts[1] == user.Id.ToString("N")
            && string.Equals(parts[2], purpose, StringComparison.Ordinal)
            && string.Equals(parts[3], stamp, StringComparison.Ordinal);
    }
}

/// <summary>An invitation link: a week to choose a password.</summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider protection, TimeProvider clock)
    : ClockedTokenProvider(protection, clock, Name, TimeSpan.FromDays(7))
{
    public const string Name = "RemissInvitation";
    public const string Purpose = "Invitation";
}

/// <summary>A reset link for a forgotten password: two hours.</summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider protection, TimeProvider clock)
    : ClockedTokenProvider(protection, clock, Name, TimeSpan.FromHours(2))
{
    public const string Name = "RemissPasswordReset";
}
