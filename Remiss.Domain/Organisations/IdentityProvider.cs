namespace Remiss.Domain.Organisations;

using System.Globalization;
using global::Remiss.Domain.Common;

/// <summary>
/// The tenant's own OpenID Connect provider (Entra ID, ADFS, Keycloak …): where its people sign in with their
/// organisation's account. One per tenant. The client secret is kept as the infrastructure protected it: the domain
/// never sees it in clear and never gives it back to a page.
/// </summary>
public sealed class IdentityProvider : TenantEntity
{
    public const int IssuerMaxLength = 400;
    public const int ClientIdMaxLength = 200;
    public const int DomainMaxLength = 253;
    public const int MaxDomains = 20;

    private List<string> _emailDomains = [];

    private IdentityProvider()
    {
        Issuer = string.Empty;
        ClientId = string.Empty;
        ProtectedClientSecret = string.Empty;
    }

    private IdentityProvider(Guid tenantId)
        : base(tenantId)
    {
        Issuer = string.Empty;
        ClientId = string.Empty;
        ProtectedClientSecret = string.Empty;
    }

    /// <summary>The issuer's address exactly as its discovery document names it, e.g. https://login.microsoftonline.com/{id}/v2.0.</summary>
    public string Issuer { get; private set; }

    public string ClientId { get; private set; }

    /// <summary>The client secret as Data Protection made it; only the infrastructure can read it.</summary>
    public string ProtectedClientSecret { get; private set; }

    /// <summary>The e-mail domains whose people sign in with this provider, in lower case.</summary>
    public IReadOnlyList<string> EmailDomains => _emailDomains;

    /// <summary>People of <see cref="EmailDomains"/> may not use a password in this tenant.</summary>
    public bool RequiredForDomains { get; private set; }

    /// <summary>When the settings last changed: a sign-in scheme built from older ones is rebuilt.</summary>
    public DateTime ChangedAt { get; private set; }

    /// <summary>
    /// A provider for the tenant, or the same one changed. Every refusal is collected, each about its field; a new
    /// provider needs a secret, a changed one keeps its secret when <paramref name="protectedSecret"/> is null.
    /// </summary>
    public static IdentityProvider Save(
        IdentityProvider? existing, Guid tenantId, IdentityProviderSettings settings, string? protectedSecret, bool development, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<Refusal>();
        var issuer = Collect(errors, () => ValidIssuer(settings.Issuer, development));
        var clientId = Collect(errors, () => Text.Required(settings.ClientId, Field.ClientId, ClientIdMaxLength));
        if (existing is null && string.IsNullOrEmpty(protectedSecret))
        {
            errors.Add(new Refusal(Field.ClientSecret, RefusalKey.Required));
        }

        var domains = Collect(errors, () => ValidDomains(settings.EmailDomains));
        if (settings.RequiredForDomains && domains is { Count: 0 })
        {
            errors.Add(new Refusal(Field.EmailDomains, RefusalKey.RequiredSignInNeedsDomains));
        }

        DomainException.ThrowIfAny(errors);
        var provider = existing ?? new IdentityProvider(tenantId);
        provider.Issuer = issuer!;
        provider.ClientId = clientId!;
        provider.ProtectedClientSecret = string.IsNullOrEmpty(protectedSecret) ? provider.ProtectedClientSecret : protectedSecret;
        provider._emailDomains = [.. domains!];
        provider.RequiredForDomains = settings.RequiredForDomains;
        provider.ChangedAt = nowUtc;
        return provider;
    }

    /// <summary>
    /// The issuer as an address: https everywhere; on a developer's machine also http on 127.0.0.1 or localhost, for
    /// trying a provider that runs beside the app. No query or fragment: the discovery document is found under it.
    /// </summary>
    public static string ValidIssuer(string? issuer, bool development)
    {
        var text = Text.Required(issuer, Field.Issuer, IssuerMaxLength);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new DomainException(Field.Issuer, RefusalKey.InvalidIssuer);
        }

        var allowed = uri.Scheme == Uri.UriSchemeHttps
            || (development && uri.Scheme == Uri.UriSchemeHttp && uri.Host is "127.0.0.1" or "localhost");
        return allowed ? text : throw new DomainException(Field.Issuer, RefusalKey.InvalidIssuer);
    }

    /// <summary>"malmo.se, stad.malmo.se" (commas, spaces or lines between) as domains in lower case, each once; "@malmo.se" is read as malmo.se.</summary>
    public static IReadOnlyList<string> ValidDomains(string? text)
    {
        var domains = new List<string>();
        foreach (var part in (text ?? string.Empty).Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var domain = part.TrimStart('@').TrimEnd('.').ToLowerInvariant();
            if (!IsDomain(domain))
            {
                throw new DomainException(Field.EmailDomains, RefusalKey.InvalidEmailDomain, part);
            }

            if (!domains.Contains(domain, StringComparer.Ordinal))
            {
                domains.Add(domain);
            }
        }

        return domains.Count <= MaxDomains ? domains : throw new DomainException(Field.EmailDomains, RefusalKey.TooManyEmailDomains, MaxDomains);
    }

    /// <summary>The domain of an e-mail address in lower case, or null if it has none.</summary>
    public static string? DomainOf(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        return at > 0 && at < email!.Length - 1 ? email[(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant() : null;
    }

    /// <summary>Whether the address is of one of this provider's domains.</summary>
    public bool Covers(string? email) => DomainOf(email) is { } domain && _emailDomains.Contains(domain, StringComparer.Ordinal);

    /// <summary>Whether a person with this address must sign in here rather than with a password.</summary>
    public bool ForbidsPasswordFor(string? email) => RequiredForDomains && Covers(email);

    /// <summary>The domains as the form shows them.</summary>
    public string DomainsText => string.Join(", ", _emailDomains);

    private static bool IsDomain(string domain) =>
        domain.Length is > 2 and <= DomainMaxLength
        && domain.Contains('.', StringComparison.Ordinal)
        && domain.Split('.').All(label => label.Length is > 0 and <= 63
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c > 127)
            && label[0] != '-' && label[^1] != '-');

    private static T? Collect<T>(List<Refusal> errors, Func<T> make)
        where T : class
    {
        try
        {
            return make();
        }
        catch (DomainException refusal)
        {
            errors.AddRange(refusal.Refusals);
            return null;
        }
    }

    /// <summary>How <see cref="ChangedAt"/> reads as a version of the settings.</summary>
    public string Version => ChangedAt.Ticks.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the Inloggning form sends; <see cref="EmailDomains"/> as typed ("malmo.se, stad.malmo.se").</summary>
public sealed record IdentityProviderSettings(string? Issuer, string? ClientId, string? EmailDomains, bool RequiredForDomains);
