namespace Remiss.Web.Pages.Tenant;

using Microsoft.EntityFrameworkCore;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>The tenant start page: the remisser the user's organisations answer, and those they own.</summary>
public sealed class IndexModel(ITenantContext tenantContext, UserMemberships memberships, RemissQueries queries)
    : TenantPageModel(tenantContext)
{
    public StartPage Start { get; private set; } = new([], []);

    /// <summary>Anstånd waiting for a decision in the remisser the user's organisations own: shown first.</summary>
    public IReadOnlyList<WaitingExtensionItem> WaitingExtensions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organisations = await memberships.OrganisationIdsAsync(User, cancellationToken);
        Start = await queries.StartPageAsync(organisations, cancellationToken);
        WaitingExtensions = organisations.Count == 0 ? [] : await queries.WaitingExtensions([.. organisations]).ToListAsync(cancellationToken);
    }
}
