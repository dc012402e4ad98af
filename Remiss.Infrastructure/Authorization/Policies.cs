namespace Remiss.Infrastructure.Authorization;

using Microsoft.AspNetCore.Authorization;
using Remiss.Infrastructure.Identity;

/// <summary>
/// Rights come from membership of organisations, not from a global role (domain.md, "People and roles").
/// Resource-based policies take the <c>Remiss</c> or <c>Recipient</c> they are about.
/// </summary>
public static class Policies
{
    /// <summary>Signed in as a user of the tenant in the URL.</summary>
    public const string TenantMember = "TenantMember";

    /// <summary>Member of the organisation that owns the remiss (resource: Remiss).</summary>
    public const string RemissOwner = "RemissOwner";

    /// <summary>Member of a recipient organisation (resource: Recipient, or Remiss for "any of its recipients").</summary>
    public const string RecipientMember = "RecipientMember";

    /// <summary>Owner or recipient: may read the remiss (resource: Remiss).</summary>
    public const string RemissReader = "RemissReader";

    /// <summary>Tenant administrator of the tenant in the URL.</summary>
    public const string TenantAdmin = "TenantAdmin";

    /// <summary>Platform operator.</summary>
    public const string PlatformAdmin = "PlatformAdmin";

    public static AuthorizationOptions AddRemissPolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(TenantMember, p => p.RequireAuthenticatedUser().AddRequirements(new TenantMemberRequirement()));
        options.AddPolicy(TenantAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new TenantMemberRequirement()).RequireRole(Roles.TenantAdmin));
        options.AddPolicy(PlatformAdmin, p => p.RequireAuthenticatedUser().RequireRole(Roles.PlatformAdmin));
        options.AddPolicy(RemissOwner, p => p.RequireAuthenticatedUser().AddRequirements(new RemissOwnerRequirement()));
        options.AddPolicy(RecipientMember, p => p.RequireAuthenticatedUser().AddRequirements(new RecipientMemberRequirement()));
        options.AddPolicy(RemissReader, p => p.RequireAuthenticatedUser().AddRequirements(new RemissReaderRequirement()));
        return options;
    }
}

public sealed class TenantMemberRequirement : IAuthorizationRequirement;

public sealed class RemissOwnerRequirement : IAuthorizationRequirement;

public sealed class RecipientMemberRequirement : IAuthorizationRequirement;

public sealed class RemissReaderRequirement : IAuthorizationRequirement;
