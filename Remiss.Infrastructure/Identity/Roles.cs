namespace Remiss.Infrastructure.Identity;

/// <summary>The two roles that are not memberships of an organisation.</summary>
public static class Roles
{
    /// <summary>
    /// Keeps one tenant's directory, users and settings. Held per tenant (<see cref="TenantAccess.IsAdmin"/>) and added to
    /// a request's principal by the tenant middleware, only in that tenant: never an Identity role of the account.
    /// </summary>
    public const string TenantAdmin = "TenantAdmin";

    /// <summary>Runs the platform: creates tenants; never sees a tenant's remisser.</summary>
    public const string PlatformAdmin = "PlatformAdmin";

    /// <summary>The roles stored with an account (Identity's roles): only the operator's.</summary>
    public static readonly IReadOnlyList<string> All = [PlatformAdmin];
}

/// <summary>Claims Remiss adds to the sign-in cookie.</summary>
public static class RemissClaims
{
    public const string TenantId = "remiss:tenant_id";
    public const string TenantSlug = "remiss:tenant_slug";
    public const string DisplayName = "remiss:display_name";

    /// <summary>When the person signed in with their password (Unix seconds): the start of the session's absolute lifetime.</summary>
    public const string SignedInAt = "remiss:signed_in_at";

    /// <summary>
    /// The tenant whose identity provider began the session: such a session opens that tenant only, whatever other
    /// tenants the account has (one tenant's provider signs nobody into another).
    /// </summary>
    public const string ProviderTenantId = "remiss:provider_tenant_id";

    /// <summary>The person must turn on two-step verification before anything else (<see cref="TwoStepVerification.IsRequiredAsync"/>).</summary>
    public const string TwoFactorSetUpRequired = "remiss:two_factor_set_up_required";
}
