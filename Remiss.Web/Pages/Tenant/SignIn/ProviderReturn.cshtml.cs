namespace Remiss.Web.Pages.Tenant.SignIn;

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>
/// Back from the tenant's provider, its ID token validated by the tenant's scheme and held in Identity's external
/// cookie: the person's account is found, linked or made (<see cref="OrganisationSignIn.AccountForAsync"/>) and signed
/// in with the same cookie and claims as a password sign-in, marked as coming from the provider. A ticket of another
/// tenant's scheme or issuer is refused here, whatever else it says.
/// </summary>
[AllowAnonymous]
public sealed class ProviderReturnModel(
    OrganisationSignIn organisationSignIn,
    SignInManager<ApplicationUser> signInManager,
    ITenantContext tenantContext,
    ILogger<ProviderReturnModel> logger) : PageModel
{
    /// <summary>The scheme that started the sign-in, carried in the state its own protection covers.</summary>
    public const string SchemeItem = "remiss:scheme";

    [FromRoute(Name = TenantResolutionMiddleware.RouteKey)]
    public string TenantSlug { get; set; } = string.Empty;

    /// <summary>Why the sign-in was refused, for the page.</summary>
    public OrganisationSignInOutcome Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Tenant ?? throw new InvalidOperationException("No tenant.");
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Principal is null)
        {
            return Redirect("/konto/organisationskonto/misslyckades");
        }

        var scheme = OrganisationSignIn.SchemeName(tenant.Id);
        var provider = await organisationSignIn.ProviderAsync(tenant.Id, cancellationToken);
        if (provider is null
            || external.Properties?.Items.TryGetValue(SchemeItem, out var startedBy) != true
            || !string.Equals(startedBy, scheme, StringComparison.Ordinal)
            || !string.Equals(external.Principal.FindFirstValue("iss"), provider.Issuer, StringComparison.Ordinal))
        {
            logger.LogWarning("A sign-in of another provider or tenant arrived at tenant {Tenant}: refused.", tenant.Slug);
            return Refuse(OrganisationSignInOutcome.Refused);
        }

        var result = await organisationSignIn.AccountForAsync(external.Principal, scheme, tenant.Id, cancellationToken);
        if (result.User is not { } user)
        {
            return Refuse(result.Outcome);
        }

        // The same session as after a password (the claims of RemissClaimsPrincipalFactory, SignedInAt among them), its "amr" saying where it began.
        // A tenant's provider vouches for the person in that tenant only: the session opens no other tenant of the account.
        var principal = await signInManager.CreateUserPrincipalAsync(user);
        Sessions.MarkOrganisationSession(principal, tenant.Id, OrganisationSignIn.AuthenticationMethod);
        await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, principal, new AuthenticationProperties { IsPersistent = false });
        if (result.Outcome == OrganisationSignInOutcome.NeedsAccess)
        {
            return Redirect("/konto/organisationskonto/ingen-tillgang");
        }

        return !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : Redirect($"/{tenant.Slug}");
    }

    private PageResult Refuse(OrganisationSignInOutcome outcome)
    {
        Outcome = outcome;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
