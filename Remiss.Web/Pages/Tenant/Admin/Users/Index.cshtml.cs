namespace Remiss.Web.Pages.Tenant.Admin.Users;

using Remiss.Infrastructure.Administration;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>The tenant's users with their organisations, role and status.</summary>
public sealed class IndexModel(ITenantContext tenantContext, TenantUsers users, RemissReader reader) : AdminPageModel(tenantContext)
{
    private IReadOnlyDictionary<Guid, string> _names = new Dictionary<Guid, string>();

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public string OrganisationNames(UserRow user) =>
        string.Join(", ", user.OrganisationIds.Select(id => _names.TryGetValue(id, out var name) ? name : string.Empty).Order(SwedishOrder.Comparer));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Users = await users.ListAsync(cancellationToken);
        _names = await reader.OrganisationNamesAsync(cancellationToken);
    }
}
