namespace Remiss.Infrastructure.Identity;

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Remiss.Infrastructure.Persistence;

/// <summary>Puts the user's tenant (id and slug) and display name into the sign-in cookie.</summary>
public sealed class RemissClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options,
    AppDbContext db,
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
        if (user.TenantId is { } tenantId)
        {
            var slug = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Slug).SingleAsync().ConfigureAwait(false);
            identity.AddClaim(new Claim(RemissClaims.TenantId, tenantId.ToString()));
            identity.AddClaim(new Claim(RemissClaims.TenantSlug, slug));
        }

        // Read when the cookie is made (at sign-in, and refreshed when the person turns it on), not on every request.
        if (!user.TwoFactorEnabled && await twoStep.IsRequiredAsync(user, CancellationToken.None).ConfigureAwait(false))
        {
            identity.AddClaim(new Claim(RemissClaims.TwoFactorSetUpRequired, "true"));
        }

        return identity;
    }
}
