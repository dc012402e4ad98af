namespace Remiss.Web.Pages.Platform;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Remiss.Domain.Common;
using Remiss.Infrastructure.Platform;
using Remiss.Web.Refusals;

/// <summary>One tenant for the platform operator: its numbers, and suspend or reactivate.</summary>
public sealed class TenantModel(TenantOverview overview, TenantProvisioning provisioning) : PageModel
{
    public TenantSummary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostSuspendAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, provisioning.SuspendAsync, "{0} är avstängd. Kundens användare kan inte logga in.", cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, provisioning.ReactivateAsync, "{0} är återaktiverad.", cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, Func<Guid, CancellationToken, Task> action, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await action(id, cancellationToken);
            TempData["StatusMessage"] = string.Format(Text.Swedish, done, Summary.Name);
            return Redirect($"/plattform/kunder/{id}");
        }
        catch (DomainException refusal)
        {
            this.AddRefusal(refusal);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var summary = (await overview.ListAsync(cancellationToken)).SingleOrDefault(t => t.Id == id);
        Summary = summary!;
        return summary is not null;
    }
}
