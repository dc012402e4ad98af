namespace Remiss.Web.Pages.Tenant.Remisser;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Documents;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>
/// "Ladda ner som Excel": the submitted answers, the synpunkter and the remissinstanser as an .xlsx, at any time,
/// for the remiss's owners only. Recipients, other members and other tenants get 404.
/// </summary>
public sealed class ExcelModel(ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, SpreadsheetDocuments spreadsheets)
    : RemissPageModel(tenantContext, reader, authorization)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, Policies.RemissOwner, cancellationToken)
            ? Download(await spreadsheets.AnswersAsync(Remiss, cancellationToken))
            : NotFound();
}
