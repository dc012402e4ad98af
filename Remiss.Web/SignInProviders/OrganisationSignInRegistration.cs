namespace Remiss.Web.SignInProviders;

using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

public static class OrganisationSignInRegistration
{
    /// <summary>
    /// The machinery of the tenants' OpenID Connect schemes, without any scheme: those are added per tenant at run
    /// time (<see cref="ProviderSchemes"/>). The framework's post-configuration gives each its state protection,
    /// nonce cookie and discovery-document manager, as AddOpenIdConnect would.
    /// </summary>
    public static IServiceCollection AddOrganisationSignIn(this IServiceCollection services)
    {
        services.AddSingleton<ProviderSchemes>();
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, ConfigureProviderScheme>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        return services;
    }
}
