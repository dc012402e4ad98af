namespace Remiss.Web.Pages.Tenant.Admin;

using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>The tenant administrator's start: the directory, the users, the settings and the log.</summary>
public sealed class IndexModel(ITenantContext tenantContext) : AdminPageModel(tenantContext)
{
    public void OnGet()
    {
    }
}
