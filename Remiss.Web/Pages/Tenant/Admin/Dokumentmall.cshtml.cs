namespace Remiss.Web.Pages.Tenant.Admin;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Documents;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>
/// The tenant admin uploads the tenant's Word template, or removes it. A refused file (not a real Word
/// template, too large, a zip bomb, macros) is named next to the field and nothing changes.
/// </summary>
[Authorize(Policy = Policies.TenantAdmin)]
public sealed class DokumentmallModel(ITenantContext tenantContext, DocumentTemplates templates) : TenantPageModel(tenantContext)
{
    [BindProperty]
    public IFormFile? Mall { get; set; }

    public DocumentTemplate? Current { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Current = await templates.CurrentAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Mall is null || Mall.Length == 0)
        {
            ModelState.AddModelError(nameof(Mall), "Välj en Word-mall att ladda upp.");
            return await PageAsync(cancellationToken);
        }

        try
        {
            await using var content = Mall.OpenReadStream();
            var template = await templates.UploadAsync(content, Mall.FileName, cancellationToken);
            TempData["StatusMessage"] = $"Mallen {template.FileName} används nu för sammanställningar och yttranden.";
            return Redirect($"/{TenantSlug}/admin/dokumentmall");
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.AllAt(nameof(Mall)));
            return await PageAsync(cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await templates.RemoveAsync(cancellationToken);
            TempData["StatusMessage"] = "Mallen är borttagen. Dokumenten får standardutseendet.";
        }
        catch (DomainException refusal)
        {
            TempData["StatusMessage"] = string.Join(" ", this.Texts(refusal.Refusals));
        }

        return Redirect($"/{TenantSlug}/admin/dokumentmall");
    }

    private async Task<PageResult> PageAsync(CancellationToken cancellationToken)
    {
        Current = await templates.CurrentAsync(cancellationToken);
        return Page();
    }
}
