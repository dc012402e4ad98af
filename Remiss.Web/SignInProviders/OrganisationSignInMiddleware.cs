namespace Remiss.Web.SignInProviders;

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// Before authentication: a request to a tenant's callback path makes sure the tenant's scheme exists and is built
/// from the current settings, so the scheme's handler answers it on whichever instance it arrives.
/// </summary>
public sealed class ProviderCallbackMiddleware(RequestDelegate next)
{
    private const string CallbackSuffix = "/logga-in/organisationskonto/svar";

    public async Task InvokeAsync(HttpContext http, ProviderSchemes schemes, OrganisationSignIn organisationSignIn)
    {
        var path = http.Request.Path.Value;
        if (path is not null && path.EndsWith(CallbackSuffix, StringComparison.Ordinal) && path.LastIndexOf('/', path.Length - CallbackSuffix.Length - 1) == 0)
        {
            var slug = path[1..^CallbackSuffix.Length];
            if (await organisationSignIn.SnapshotAsync(slug, http.RequestAborted) is { } provider)
            {
                schemes.Ensure(provider);
            }
        }

        await next(http);
    }
}

/// <summary>
/// After the tenant is resolved: where the tenant requires its organisation account, a password session of a person
/// of its domains gets none of the tenant's pages; it is sent to the provider instead.
/// </summary>
public sealed class PasswordNotAllowedMiddleware(RequestDelegate next, ILogger<PasswordNotAllowedMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http, ITenantContext tenantContext, OrganisationSignIn organisationSignIn, IOptions<IdentityOptions> identityOptions)
    {
        if (tenantContext.Tenant is { } tenant
            && http.User.Identity?.IsAuthenticated == true
            && http.User.FindFirstValue("amr") != OrganisationSignIn.AuthenticationMethod
            && !http.Request.Path.StartsWithSegments($"/{tenant.Slug}/logga-in", StringComparison.Ordinal)
            && await organisationSignIn.PasswordForbiddenAsync(http.User.FindFirstValue(identityOptions.Value.ClaimsIdentity.EmailClaimType), tenant.Id, http.RequestAborted))
        {
            logger.LogWarning("User {UserId} signed in with a password where tenant {Tenant} requires the organisation account: sent to the provider.", http.User.UserId(), tenant.Slug);
            var back = Uri.EscapeDataString(http.Request.Path + http.Request.QueryString);
            http.Response.Redirect($"/{tenant.Slug}/logga-in/organisationskonto?returnUrl={back}");
            return;
        }

        await next(http);
    }
}
