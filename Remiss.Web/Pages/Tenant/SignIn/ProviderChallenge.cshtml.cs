namespace Remiss.Web.Pages.Tenant.SignIn;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Remiss.Infrastructure.Identity;
using Remiss.Web.SignInProviders;
using Remiss.Web.Tenancy;

/// <summary>
/// "Logga in med organisationskonto": sends the person to the tenant's provider (authorization code with PKCE, state
/// and nonce, by the tenant's own scheme). Anonymous: the person is not signed in yet.
/// </summary>
[AllowAnonymous]
public sealed class ProviderChallengeModel(OrganisationSignIn organisationSignIn, ProviderSchemes schemes) : PageModel
{
    [FromRoute(Name = TenantResolutionMiddleware.RouteKey)]
    public string TenantSlug { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string? returnUrl, string? loginHint, CancellationToken cancellationToken)
    {
        var back = !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? $"?returnUrl={Uri.EscapeDataString(returnUrl)}" : string.Empty;

        // A tenant without a provider signs in with passwords only.
        if (await organisationSignIn.SnapshotAsync(TenantSlug, cancellationToken) is not { } provider)
        {
            return Redirect(string.IsNullOrEmpty(back) ? "/konto/logga-in" : $"/konto/logga-in?ReturnUrl={Uri.EscapeDataString(returnUrl!)}");
        }

        var scheme = schemes.Ensure(provider);
        var properties = new AuthenticationProperties { RedirectUri = $"/{provider.Slug}/logga-in/organisationskonto/klar{back}" };
        properties.Items[ProviderReturnModel.SchemeItem] = scheme;
        if (!string.IsNullOrWhiteSpace(loginHint))
        {
            properties.Items[ConfigureProviderScheme.LoginHintItem] = loginHint.Trim();
        }

        return Challenge(properties, scheme);
    }
}
