namespace Remiss.Web.Pages.Tenant.Remisser;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// `Ta bort utkast` → this confirmation (what goes with it, that it cannot be undone) → `Bekräfta och ta bort`. Only a
/// draft: the domain refuses any other (<see cref="ConfirmationPageModel"/>).
/// </summary>
public sealed class DeleteModel(ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, RemissDrafts drafts)
    : ConfirmationPageModel(tenantContext, reader, authorization)
{
    public override bool CanConfirm => Remiss.IsDraft;

    protected override string PagePath => "ta-bort";

    protected override string NotNowRefusal => RefusalKey.DeleteOnlyDraft;

    protected override async Task<IActionResult> ConfirmAsync(CancellationToken cancellationToken)
    {
        var title = Remiss.Title;
        await drafts.DeleteAsync(Remiss, cancellationToken);
        TempData["StatusMessage"] = $"Utkastet ”{title}” är borttaget.";
        return Redirect($"/{TenantSlug}/remisser");
    }

    protected override Task DescribeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
