namespace Remiss.Web.SignInProviders;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Remiss.Infrastructure.Administration;

/// <summary>
/// The options of a tenant's scheme, from its settings: the authorization-code flow with PKCE, state and nonce, the ID
/// token validated for the tenant's issuer, its client id as audience and a signature by the provider's published
/// keys; the person's claims as the provider names them, into Identity's external cookie until the account is known.
/// </summary>
public sealed class ConfigureProviderScheme(ProviderSchemes schemes, IHttpClientFactory httpClients) : IConfigureNamedOptions<OpenIdConnectOptions>
{
    /// <summary>Where the login hint (the address typed on the common sign-in page) travels to the provider.</summary>
    public const string LoginHintItem = "login_hint";

    public void Configure(OpenIdConnectOptions options)
    {
    }

    public void Configure(string? name, OpenIdConnectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is null || !schemes.TryGet(name, out var provider))
        {
            return;
        }

        options.Authority = provider.Issuer;
        options.MetadataAddress = SignInProviderSettings.DiscoveryAddress(provider.Issuer).ToString();

        // The issuer was accepted as http only in Development, on the developer's own machine (see IdentityProvider.ValidIssuer).
        options.RequireHttpsMetadata = provider.Issuer.StartsWith("https://", StringComparison.Ordinal);
        options.ClientId = provider.ClientId;
        options.ClientSecret = provider.ClientSecret;
        options.CallbackPath = ProviderSchemes.CallbackPath(provider.Slug);
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("email");
        options.Scope.Add("profile");
        options.MapInboundClaims = false;

        // Keep the token's issuer among the claims: the return page checks it against the tenant's own.
        options.ClaimActions.Remove("iss");
        options.SaveTokens = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.Backchannel = httpClients.CreateClient(SignInProviderSettings.HttpClientName);
        options.TokenValidationParameters.ValidIssuer = provider.Issuer;
        options.TokenValidationParameters.ValidAudience = provider.ClientId;
        options.TokenValidationParameters.ValidateIssuer = true;
        options.TokenValidationParameters.ValidateAudience = true;
        options.TokenValidationParameters.ValidateIssuerSigningKey = true;
        options.TokenValidationParameters.RequireSignedTokens = true;
        options.Events = new OpenIdConnectEvents
        {
            OnRedirectToIdentityProvider = context =>
            {
                if (context.Properties.Items.TryGetValue(LoginHintItem, out var hint) && !string.IsNullOrEmpty(hint))
                {
                    context.ProtocolMessage.LoginHint = hint;
                }

                return Task.CompletedTask;
            },

            // Whatever went wrong (a forged or replayed answer, the provider's refusal) the person sees one Swedish page; the log has the cause.
            OnRemoteFailure = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILogger<ConfigureProviderScheme>>()
                    .LogWarning(context.Failure, "Sign-in with the provider of {Scheme} failed.", context.Scheme.Name);
                context.Response.Redirect("/konto/organisationskonto/misslyckades");
                context.HandleResponse();
                return Task.CompletedTask;
            },
        };
    }
}
