namespace Remiss.Web.Pages.Tenant.Admin.Organisations;

using Remiss.Infrastructure.Administration;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>The organisation directory: every organisation of the tenant, retired ones last.</summary>
public sealed class IndexModel(ITenantContext tenantContext, OrganisationDirectory directory) : AdminPageModel(tenantContext)
{
    public IReadOnlyList<DirectoryRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await directory.ListAsync(cancellationToken);
}
