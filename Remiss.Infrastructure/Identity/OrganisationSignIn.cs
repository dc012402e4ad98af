namespace Remiss.Infrastructure.Identity;

using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Remiss.Domain.Audit;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>How a return from the tenant's identity provider ended.</summary>
public enum OrganisationSignInOutcome
{
    /// <summary>The account may sign in and has organisations in the tenant.</summary>
    SignedIn,

    /// <summary>The account may sign in but has no organisation in the tenant yet: its administrator must give it one.</summary>
    NeedsAccess,

    /// <summary>The provider did not vouch for the e-mail address, so no account is linked to it.</summary>
    UnverifiedEmail,

    /// <summary>The account is inactive or belongs elsewhere: no sign-in here.</summary>
    Refused,
}

public sealed record OrganisationSignInResult(OrganisationSignInOutcome Outcome, ApplicationUser? User);

/// <summary>A tenant's provider as the sign-in scheme needs it: the secret in clear, held only in memory.</summary>
public sealed record ProviderSnapshot(Guid TenantId, string Slug, string Issuer, string ClientId, string ClientSecret, string Version);

/// <summary>
/// Sign-in with the tenant's own OpenID Connect provider, after the provider's ID token has been validated: which
/// tenant a provider or an e-mail domain leads to, which account the person's token stands for (linked by the
/// provider's subject, or by a verified e-mail, or new), and whether a password may still be used.
/// </summary>
public sealed class OrganisationSignIn(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    OrganisationAccounts accounts,
    TenantContext tenantContext,
    AuditLog audit,
    IDataProtectionProvider dataProtection,
    TimeProvider clock,
    ILogger<OrganisationSignIn> logger)
{
    /// <summary>The Data Protection purpose of the client secrets, used for nothing else.</summary>
    public const string SecretPurpose = "Remiss.OrganisationSignIn.ClientSecret.v1";

    /// <summary>The "amr" claim of a session that began at the tenant's provider (a password session has "pwd").</summary>
    public const string AuthenticationMethod = "oidc";

    public static string SchemeName(Guid tenantId) => $"oidc-{tenantId:N}";

    /// <summary>The tenant's provider, as every instance reads it from the database.</summary>
    public Task<IdentityProvider?> ProviderAsync(Guid tenantId, CancellationToken cancellationToken) =>
        db.IdentityProviders.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking()
            .SingleOrDefaultAsync(p => p.TenantId == tenantId, cancellationToken);

    /// <summary>The provider of the active tenant with <paramref name="slug"/>, with the secret readable, or null.</summary>
    public async Task<ProviderSnapshot?> SnapshotAsync(string slug, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().Where(t => t.Slug == slug && !t.IsSuspended).Select(t => new { t.Id, t.Slug })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (tenant is null || await ProviderAsync(tenant.Id, cancellationToken).ConfigureAwait(false) is not { } provider)
        {
            return null;
        }

        try
        {
            return new ProviderSnapshot(tenant.Id, tenant.Slug, provider.Issuer, provider.ClientId, Unprotect(provider.ProtectedClientSecret), provider.Version);
        }
        catch (CryptographicException failure)
        {
            // The data-protection keys changed (a new certificate, a lost key ring): the administrator types the secret again.
            logger.LogError(failure, "The client secret of tenant {Tenant}'s provider cannot be read; it must be entered again on Inloggning.", tenant.Slug);
            return null;
        }
    }

    /// <summary>Whether the active tenant with <paramref name="slug"/> has a provider.</summary>
    public Task<bool> HasProviderAsync(string slug, CancellationToken cancellationToken) =>
        db.IdentityProviders.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .AnyAsync(p => db.Tenants.Any(t => t.Id == p.TenantId && t.Slug == slug && !t.IsSuspended), cancellationToken);

    /// <summary>The slug of the one active tenant whose provider covers the address's domain; null for none or several.</summary>
    public async Task<string?> TenantForEmailAsync(string? email, CancellationToken cancellationToken)
    {
        if (IdentityProvider.DomainOf(email) is not { } domain)
        {
            return null;
        }

        // A handful of providers in all: read them and match in memory, the same on SQLite and SQL Server.
        var providers = await db.IdentityProviders.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking()
            .Join(db.Tenants.Where(t => !t.IsSuspended), p => p.TenantId, t => t.Id, (p, t) => new { Provider = p, t.Slug })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var matches = providers.Where(p => p.Provider.EmailDomains.Contains(domain, StringComparer.Ordinal)).Select(p => p.Slug).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>
    /// The one check of "Kräv inloggning med organisationskonto": whether a person with <paramref name="email"/> must
    /// not use a password in the tenant.
    /// </summary>
    public async Task<bool> PasswordForbiddenAsync(string? email, Guid tenantId, CancellationToken cancellationToken) =>
        await ProviderAsync(tenantId, cancellationToken).ConfigureAwait(false) is { } provider && provider.ForbidsPasswordFor(email);

    /// <summary>
    /// The account the provider's validated token stands for in the tenant: the one already linked to the provider's
    /// subject; else the one with the same e-mail, linked now if the provider vouches for the address; else a new one
    /// with access to the tenant and no organisation. Each outcome is in the tenant's log or, when refused, the
    /// application's.
    /// </summary>
    public async Task<OrganisationSignInResult> AccountForAsync(ClaimsPrincipal external, string loginProvider, Guid tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(external);
        var subject = external.FindFirstValue("sub");
        var email = external.FindFirstValue("email")?.Trim();
        if (string.IsNullOrEmpty(subject))
        {
            logger.LogWarning("Provider {Provider} returned a token without a subject: refused.", loginProvider);
            return new(OrganisationSignInOutcome.Refused, null);
        }

        await SetTenantAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var linked = await users.FindByLoginAsync(loginProvider, subject).ConfigureAwait(false);
        if (linked is not null)
        {
            return await ResultForAsync(linked, tenantId, "Inloggad med organisationskonto.", cancellationToken).ConfigureAwait(false);
        }

        if (string.IsNullOrEmpty(email) || !IsVerified(external))
        {
            logger.LogWarning("Provider {Provider} did not vouch for the e-mail of subject {Subject}: no account linked.", loginProvider, subject);
            return new(OrganisationSignInOutcome.UnverifiedEmail, null);
        }

        var user = await users.FindByEmailAsync(email).ConfigureAwait(false);
        var created = false;
        if (user is null)
        {
            user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = external.FindFirstValue("name") is { Length: > 0 } name ? name : email,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var made = await users.CreateAsync(user).ConfigureAwait(false);
            if (!made.Succeeded)
            {
                logger.LogWarning("No account could be made for a person of provider {Provider}: {Errors}.", loginProvider, string.Join(", ", made.Errors.Select(e => e.Code)));
                return new(OrganisationSignInOutcome.Refused, null);
            }

            created = true;
            await accounts.GrantAccessAsync(user, tenantId, cancellationToken).ConfigureAwait(false);
        }
        else if (!await accounts.GrantAccessAsync(user, tenantId, cancellationToken).ConfigureAwait(false))
        {
            // An account of another tenant gets an access here too (the provider vouched for it); one this tenant's
            // administrator deactivated does not.
            return new(OrganisationSignInOutcome.Refused, null);
        }

        var added = await users.AddLoginAsync(user, new UserLoginInfo(loginProvider, subject, "Organisationskonto")).ConfigureAwait(false);
        if (!added.Succeeded)
        {
            logger.LogWarning("The login of provider {Provider} could not be linked to user {UserId}.", loginProvider, user.Id);
            return new(OrganisationSignInOutcome.Refused, null);
        }

        logger.LogInformation("User {UserId} linked to provider {Provider}{New}.", user.Id, loginProvider, created ? " (new account)" : string.Empty);
        return await ResultForAsync(
            user,
            tenantId,
            created ? "Konto skapat vid inloggning med organisationskonto; administratören behöver ge det organisationer." : "Organisationskontot kopplat till kontot och inloggad.",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Protects a client secret for storage.</summary>
    public string Protect(string secret) => dataProtection.CreateProtector(SecretPurpose).Protect(secret);

    private string Unprotect(string protectedSecret) => dataProtection.CreateProtector(SecretPurpose).Unprotect(protectedSecret);

    /// <summary>
    /// The provider vouches for the address with <c>email_verified</c>; Entra ID, which never sends that claim, with
    /// its optional claim <c>xms_edov</c> (the domain's owner has verified it).
    /// </summary>
    private static bool IsVerified(ClaimsPrincipal external) =>
        string.Equals(external.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase)
        || string.Equals(external.FindFirstValue("xms_edov"), "true", StringComparison.OrdinalIgnoreCase);

    private async Task<OrganisationSignInResult> ResultForAsync(ApplicationUser user, Guid tenantId, string summary, CancellationToken cancellationToken)
    {
        if (!await accounts.HasAccessAsync(user, tenantId, cancellationToken).ConfigureAwait(false))
        {
            logger.LogWarning("User {UserId} came back from the provider of tenant {TenantId} but may not sign in there.", user.Id, tenantId);
            return new(OrganisationSignInOutcome.Refused, null);
        }

        audit.RecordAs(user.Id, user.Email, AuditAction.SignedIn, AuditSubjects.User, user.Id, summary);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var hasOrganisation = await db.Memberships.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .AnyAsync(m => m.UserId == user.Id && m.TenantId == tenantId, cancellationToken).ConfigureAwait(false);
        return new(hasOrganisation ? OrganisationSignInOutcome.SignedIn : OrganisationSignInOutcome.NeedsAccess, user);
    }

    private async Task SetTenantAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken).ConfigureAwait(false);
        tenantContext.Set(new CurrentTenant(tenant.Id, tenant.Slug, tenant.Name, tenant.TimeZoneId));
    }
}
