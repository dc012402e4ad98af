namespace Remiss.Infrastructure.Administration;

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Remiss.Domain.Audit;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// The tenant administrator's Inloggning: the tenant's OpenID Connect provider, checked against the provider's own
/// discovery document before it is saved, its client secret stored protected and never read back to a page.
/// </summary>
public sealed class SignInProviderSettings(
    AppDbContext db,
    ITenantContext tenantContext,
    AuditLog audit,
    OrganisationSignIn organisationSignIn,
    IHttpClientFactory httpClients,
    TimeProvider clock,
    ILogger<SignInProviderSettings> logger)
{
    /// <summary>The HttpClient that talks to providers: discovery here, and the sign-in scheme's back channel.</summary>
    public const string HttpClientName = "Remiss.OrganisationSignIn";

    public Task<IdentityProvider?> CurrentAsync(CancellationToken cancellationToken) =>
        db.IdentityProviders.SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Saves the settings, with <paramref name="clientSecret"/> replacing the stored secret unless it is empty. Throws
    /// <see cref="DomainException"/> with every refusal of the form, then one about the issuer if its discovery
    /// document cannot be read or names another issuer; saves nothing then.
    /// </summary>
    public async Task SaveAsync(IdentityProviderSettings settings, string? clientSecret, bool development, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var tenantId = tenantContext.TenantId ?? throw new InvalidOperationException("No tenant.");
        var existing = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        var before = existing is null ? null : Describe(existing);
        var secret = string.IsNullOrWhiteSpace(clientSecret) ? null : organisationSignIn.Protect(clientSecret.Trim());
        var provider = IdentityProvider.Save(existing, tenantId, settings, secret, development, clock.GetUtcNow().UtcDateTime);
        await CheckDiscoveryAsync(provider.Issuer, cancellationToken).ConfigureAwait(false);

        if (existing is null)
        {
            db.IdentityProviders.Add(provider);
        }

        var after = Describe(provider);
        var summary = before is null ? $"Inloggning med organisationskonto inrättad: {after}" : $"Inloggning med organisationskonto ändrad: {before} → {after}";
        audit.Record(AuditAction.SettingsChanged, AuditSubjects.Tenant, tenantId, secret is null ? summary : $"{summary}; ny klienthemlighet sparad");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The provider's discovery document must be there and name exactly this issuer (OpenID Connect Discovery, section 4.3).</summary>
    private async Task CheckDiscoveryAsync(string issuer, CancellationToken cancellationToken)
    {
        var address = DiscoveryAddress(issuer);
        string? named;
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            client.Timeout = TimeSpan.FromSeconds(30);
            using var document = await client.GetFromJsonAsync<JsonDocument>(address, cancellationToken).ConfigureAwait(false);
            named = document?.RootElement.TryGetProperty("issuer", out var value) == true && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (Exception failure) when (failure is HttpRequestException or JsonException or TaskCanceledException or NotSupportedException)
        {
            logger.LogWarning(failure, "The discovery document at {Address} could not be read.", address);
            throw new DomainException(Field.Issuer, RefusalKey.DiscoveryFailed, address);
        }

        if (named is null)
        {
            throw new DomainException(Field.Issuer, RefusalKey.DiscoveryFailed, address);
        }

        if (!string.Equals(named, issuer, StringComparison.Ordinal))
        {
            throw new DomainException(Field.Issuer, RefusalKey.IssuerMismatch, named);
        }
    }

    /// <summary>Where a provider publishes its settings: the issuer's path with /.well-known/openid-configuration after it.</summary>
    public static Uri DiscoveryAddress(string issuer) => new($"{issuer.TrimEnd('/')}/.well-known/openid-configuration");

    private static string Describe(IdentityProvider provider) =>
        $"utfärdare {provider.Issuer}, klient-id {provider.ClientId}, e-postdomäner {(provider.EmailDomains.Count == 0 ? "inga" : provider.DomainsText)}, "
        + $"kräv organisationskonto {(provider.RequiredForDomains ? "ja" : "nej")}";
}
