namespace Remiss.Web.SignInProviders;

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Remiss.Infrastructure.Identity;

/// <summary>
/// One OpenID Connect scheme per tenant with a provider, added when first needed (starting a sign-in, or the
/// provider's answer arriving) and rebuilt when the tenant's settings change: every web instance reads the settings
/// from the database, so an instance that did not save them still uses the current ones. Each scheme has its own
/// callback path under the tenant and its own state protection (Data Protection's purpose includes the scheme's name),
/// so nothing one tenant's provider sends can complete a sign-in at another tenant.
/// </summary>
public sealed class ProviderSchemes(IAuthenticationSchemeProvider schemes, IOptionsMonitorCache<OpenIdConnectOptions> optionsCache)
{
    private readonly ConcurrentDictionary<string, ProviderSnapshot> _current = new(StringComparer.Ordinal);
    private readonly Lock _changing = new();

    /// <summary>The path the provider sends the person back to, which the admin registers at the provider.</summary>
    public static string CallbackPath(string slug) => $"/{slug}/logga-in/organisationskonto/svar";

    /// <summary>The settings a scheme is built from, for <see cref="ConfigureProviderScheme"/>.</summary>
    public bool TryGet(string schemeName, out ProviderSnapshot snapshot) => _current.TryGetValue(schemeName, out snapshot!);

    /// <summary>The tenant's scheme, made or rebuilt from <paramref name="snapshot"/> if it is not the one in use.</summary>
    public string Ensure(ProviderSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var name = OrganisationSignIn.SchemeName(snapshot.TenantId);
        if (_current.TryGetValue(name, out var known) && known == snapshot)
        {
            return name;
        }

        lock (_changing)
        {
            _current[name] = snapshot;

            // The options were built from the old settings (and hold their discovery document): build them anew.
            optionsCache.TryRemove(name);
            schemes.TryAddScheme(new AuthenticationScheme(name, "Organisationskonto", typeof(OpenIdConnectHandler)));
        }

        return name;
    }
}
