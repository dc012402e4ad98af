namespace Remiss.Infrastructure.Identity;

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

/// <summary>
/// Puts the person's display name and the start of the session into the sign-in cookie. Not their tenants: one account
/// may have access to several, and the tenant middleware reads the access to the tenant in the URL on every request.
/// </summary>
public sealed class RemissClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options,
    TimeProvider clock,
    TwoStepVerification twoStep)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        identity.AddClaim(new Claim(RemissClaims.DisplayName, user.DisplayName));

        // A new principal is a new sign-in, unless Identity's refresh makes it: Sessions.KeepSignInTimeAsync keeps the first time then.
        identity.AddClaim(Sessions.SignedInAt(clock.GetUtcNow()));
        // Read when the cookie is made (at sign-in, and refreshed when the person turns it on), not on every request.
        if (!user.TwoFactorEnabled && await twoStep.IsRequiredAsync(user, CancellationToken.None).ConfigureAwait(false))
        {
            identity.AddClaim(new Claim(RemissClaims.TwoFactorSetUpRequired, "true"));
        }

        return identity;
    }
}
