namespace Remiss.Web.Pages.Tenant.Remisser;

using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>"Remisser": the remisser the user's organisations own, filtered by status, searched by title or diarienummer, by deadline.</summary>
public sealed class IndexModel(ITenantContext tenantContext, UserMemberships memberships, RemissQueries queries) : TenantPageModel(tenantContext)
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public RemissStatus? Status { get; set; }

    public IReadOnlyList<RemissListItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organisations = await memberships.OrganisationIdsAsync(User, cancellationToken);
        Query = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim();
        Items = await queries.OwnedBy([.. organisations], Status, Query).ToListAsync(cancellationToken);
    }
}
