namespace Remiss.Infrastructure.Identity;

using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Remiss.Infrastructure.Persistence;

/// <summary>
/// The rules of a signed-in session, checked on every request: the account still exists, its security stamp is the
/// one the cookie was issued with (a new stamp, from a sign-out, a new password or a change of two-step verification,
/// ends every open session of the account at once), and the session is younger than
/// <see cref="AbsoluteLifetime"/> however active it was. One read of one row by its key; the cookie is refreshed only by
/// Identity's own periodic check, which runs after this one.
/// </summary>
public static class Sessions
{
    /// <summary>A working day and some: after this a person signs in again even if they never stopped working.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        if (!await IsCurrentAsync(context.Principal, services, context.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme).ConfigureAwait(false);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context).ConfigureAwait(false);
    }

    /// <summary>Identity's periodic refresh makes a new principal; the session keeps the time it began.</summary>
    public static Task KeepSignInTimeAsync(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        KeepSignInTime(context.CurrentPrincipal, context.NewPrincipal);

        // How the session began (a password, or the organisation's provider, and whose) outlives the refresh too.
        KeepHowSignedIn(context.CurrentPrincipal, context.NewPrincipal);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Renews the open session's cookie after a change that renewed the account's stamp (turning two-step verification
    /// on or off), keeping the time the session began and how it signed in: a renewed cookie is not a new sign-in, and
    /// must not stretch the absolute lifetime.
    /// </summary>
    public static async Task RenewCookieAsync(HttpContext http, SignInManager<ApplicationUser> signInManager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(signInManager);
        var current = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme).ConfigureAwait(false);
        var fresh = await signInManager.CreateUserPrincipalAsync(user).ConfigureAwait(false);
        KeepSignInTime(current.Principal, fresh);
        KeepHowSignedIn(current.Principal, fresh);

        await http.SignInAsync(IdentityConstants.ApplicationScheme, fresh, current.Properties).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks a new session as begun by the identity provider of <paramref name="tenantId"/>: how it signed in, and whose
    /// provider it was (it then opens that tenant only). Two-step verification is required of those who sign in with a
    /// password; the provider's own sign-in is not one, so no set-up of it is asked for here.
    /// </summary>
    public static void MarkOrganisationSession(ClaimsPrincipal principal, Guid tenantId, string authenticationMethod)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        identity.AddClaim(new Claim("amr", authenticationMethod));
        identity.AddClaim(new Claim(RemissClaims.ProviderTenantId, tenantId.ToString()));
        DropPasswordRules(identity);
    }

    private static void KeepHowSignedIn(ClaimsPrincipal? current, ClaimsPrincipal? fresh)
    {
        if (fresh?.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        foreach (var type in new[] { "amr", RemissClaims.ProviderTenantId })
        {
            if (current?.FindFirst(type) is { } claim && !identity.HasClaim(c => c.Type == type))
            {
                identity.AddClaim(new Claim(type, claim.Value));
            }
        }

        if (identity.HasClaim(c => c.Type == RemissClaims.ProviderTenantId))
        {
            DropPasswordRules(identity);
        }
    }

    private static void DropPasswordRules(ClaimsIdentity identity)
    {
        foreach (var claim in identity.FindAll(RemissClaims.TwoFactorSetUpRequired).ToList())
        {
            identity.RemoveClaim(claim);
        }
    }

    private static void KeepSignInTime(ClaimsPrincipal? current, ClaimsPrincipal? fresh)
    {
        if (current?.FindFirst(RemissClaims.SignedInAt) is { } signedIn && fresh?.Identity is ClaimsIdentity identity)
        {
            foreach (var stale in identity.FindAll(RemissClaims.SignedInAt).ToList())
            {
                identity.RemoveClaim(stale);
            }

            identity.AddClaim(new Claim(RemissClaims.SignedInAt, signedIn.Value));
        }
    }

    /// <summary>The claim that starts a session's absolute lifetime at <paramref name="nowUtc"/>.</summary>
    public static Claim SignedInAt(DateTimeOffset nowUtc) =>
        new(RemissClaims.SignedInAt, nowUtc.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

    private static async Task<bool> IsCurrentAsync(ClaimsPrincipal? principal, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (principal?.UserId() is not { } userId
            || !long.TryParse(principal.FindFirstValue(RemissClaims.SignedInAt), NumberStyles.None, CultureInfo.InvariantCulture, out var signedInAt))
        {
            return false;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (now - DateTimeOffset.FromUnixTimeSeconds(signedInAt) > AbsoluteLifetime)
        {
            return false;
        }

        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var account = await services.GetRequiredService<AppDbContext>().Users
            .AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp })
            .SingleOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        // What the person may do in a tenant (access, role, memberships) is read by the tenant middleware on every request.
        return account is not null && string.Equals(account.SecurityStamp, principal.FindFirstValue(stampClaim), StringComparison.Ordinal);
    }
}
