namespace Remiss.Web.Pages.Platform;

using Microsoft.AspNetCore.Mvc.RazorPages;
using Remiss.Infrastructure.Platform;

/// <summary>The platform operator's overview: tenants and counts, never their content.</summary>
public sealed class IndexModel(TenantOverview overview) : PageModel
{
    public IReadOnlyList<TenantSummary> Tenants { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tenants = await overview.ListAsync(cancellationToken);
}
