namespace Remiss.Infrastructure.Authorization;

using Microsoft.AspNetCore.Authorization;
using Remiss.Domain.Remisser;

/// <summary>The user belongs to the tenant in the URL.</summary>
public sealed class TenantMemberHandler(UserMemberships memberships) : AuthorizationHandler<TenantMemberRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantMemberRequirement requirement)
    {
        if (memberships.IsInCurrentTenant(context.User))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Members of the owning organisation manage the remiss and see every answer.</summary>
public sealed class RemissOwnerHandler(UserMemberships memberships) : AuthorizationHandler<RemissOwnerRequirement, Remiss>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RemissOwnerRequirement requirement, Remiss resource)
    {
        if (await IsOwnerAsync(memberships, context, resource).ConfigureAwait(false))
        {
            context.Succeed(requirement);
        }
    }

    internal static async Task<bool> IsOwnerAsync(UserMemberships memberships, AuthorizationHandlerContext context, Remiss remiss)
    {
        var organisations = await memberships.OrganisationIdsAsync(context.User).ConfigureAwait(false);
        return remiss.TenantId == context.User.TenantIdOrEmpty() && organisations.Contains(remiss.OwnerOrganisationId);
    }
}

/// <summary>Members of a recipient organisation see the sent remiss and edit only their own organisation's yttrande.</summary>
public sealed class RecipientMemberHandler(UserMemberships memberships) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.PendingRequirements.OfType<RecipientMemberRequirement>().ToList())
        {
            var allowed = context.Resource switch
            {
                Recipient recipient => await IsMemberOfAsync(memberships, context, recipient).ConfigureAwait(false),
                Remiss remiss => await IsMemberOfAnyRecipientAsync(memberships, context, remiss).ConfigureAwait(false),
                _ => false,
            };
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }
    }

    internal static async Task<bool> IsMemberOfAsync(UserMemberships memberships, AuthorizationHandlerContext context, Recipient recipient)
    {
        var organisations = await memberships.OrganisationIdsAsync(context.User).ConfigureAwait(false);
        return recipient.TenantId == context.User.TenantIdOrEmpty()
            && recipient.Terms.Status != RemissStatus.Draft
            && organisations.Contains(recipient.OrganisationId);
    }

    internal static async Task<bool> IsMemberOfAnyRecipientAsync(UserMemberships memberships, AuthorizationHandlerContext context, Remiss remiss)
    {
        var organisations = await memberships.OrganisationIdsAsync(context.User).ConfigureAwait(false);
        return remiss.TenantId == context.User.TenantIdOrEmpty()
            && remiss.Status != RemissStatus.Draft
            && remiss.Recipients.Any(r => organisations.Contains(r.OrganisationId));
    }
}

/// <summary>Owner or recipient: may read the remiss.</summary>
public sealed class RemissReaderHandler(UserMemberships memberships) : AuthorizationHandler<RemissReaderRequirement, Remiss>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RemissReaderRequirement requirement, Remiss resource)
    {
        if (await RemissOwnerHandler.IsOwnerAsync(memberships, context, resource).ConfigureAwait(false)
            || await RecipientMemberHandler.IsMemberOfAnyRecipientAsync(memberships, context, resource).ConfigureAwait(false))
        {
            context.Succeed(requirement);
        }
    }
}

internal static class PrincipalTenant
{
    public static Guid TenantIdOrEmpty(this System.Security.Claims.ClaimsPrincipal user) =>
        Identity.ClaimsPrincipalExtensions.TenantId(user) ?? Guid.Empty;
}
