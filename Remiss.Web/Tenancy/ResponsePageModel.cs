namespace Remiss.Web.Tenancy;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// Base of the recipient's yttrande pages: finds the recipient of this remiss that the user answers for (the
/// only one, or the one named by <c>?for=</c>) and loads its yttrande. Members of other organisations get 404.
/// </summary>
public abstract class ResponsePageModel(
    ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, UserMemberships memberships)
    : RemissPageModel(tenantContext, reader, authorization)
{
    private readonly IAuthorizationService _authorization = authorization;

    [FromQuery(Name = "for")]
    public Guid? For { get; set; }

    public Recipient Recipient { get; private set; } = null!;

    public string RecipientName => OrganisationName(Recipient.OrganisationId);

    public string ResponseUrl => $"{RemissUrl}/yttrande{(For is { } id ? $"?for={id}" : string.Empty)}";

    public string PathWithFor(string path) => $"{RemissUrl}/yttrande/{path}{(For is { } id ? $"?for={id}" : string.Empty)}";

    /// <summary>
    /// False means "answer 404": no such remiss, not sent, or the user answers for none of its recipients. Loads the
    /// remiss and the user's remissinstans, whole.
    /// </summary>
    protected async Task<bool> LoadRecipientAsync(Guid id, CancellationToken cancellationToken)
    {
        var mine = await memberships.OrganisationIdsAsync(User, cancellationToken);
        if (mine.Count == 0)
        {
            return false;
        }

        if (!await LoadAsync(id, Policies.RecipientMember, cancellationToken))
        {
            return false;
        }

        var candidates = Remiss.Recipients.Where(r => mine.Contains(r.OrganisationId) && (For is null || r.Id == For)).ToList();
        if (candidates.Count == 0)
        {
            return false;
        }

        var chosen = candidates.OrderBy(r => OrganisationName(r.OrganisationId), SwedishOrder.Comparer).First();
        if (await Reader.FindRecipientAsync(chosen.Id, cancellationToken) is not { } recipient
            || !(await _authorization.AuthorizeAsync(User, recipient, Policies.RecipientMember)).Succeeded)
        {
            return false;
        }

        Recipient = recipient;
        if (candidates.Count > 1 && For is null)
        {
            For = Recipient.Id;
        }

        return true;
    }

    protected string UserEmail => User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? User.Identity?.Name ?? string.Empty;

    protected string UserName => User.DisplayName();
}
