namespace Remiss.Web.Pages.Tenant.Remisser;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>
/// `Avsluta remiss` → this confirmation (what becomes final and read-only, who gets the återkoppling, synpunkter still
/// without bemötande or ställningstagande) → `Bekräfta och avsluta`. Owners only; a remiss that is not closed is refused.
/// </summary>
public sealed class CompleteModel(ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, RemissCompletion completion)
    : RemissPageModel(tenantContext, reader, authorization)
{
    public CompletionPreview Preview { get; private set; } = new(0, 0, 0, 0, 0, null);

    /// <summary>Whether the page offers `Bekräfta och avsluta`: only for a closed remiss.</summary>
    public bool CanComplete => Remiss.Status == RemissStatus.Closed;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadClosedAsync(id, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        if (!CanComplete)
        {
            AddRefusal(new DomainException(Field.Form, RefusalKey.CompleteOnlyWhenClosed), FormFields.Top);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadClosedAsync(id, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        try
        {
            var told = await completion.CompleteAsync(Remiss, cancellationToken);
            TempData["StatusMessage"] = $"Remissen är avslutad och sammanställningen slutlig. {SwedishPlural.Count(told, "remissinstans", "remissinstanser")} får återkoppling med e-post.";
            return Redirect(RemissUrl);
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.Top);
            return Page();
        }
    }

    /// <summary>Loads the remiss for an owner and what completing it would do; a remiss already Avslutad goes back to its page.</summary>
    private async Task<IActionResult?> LoadClosedAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Policies.RemissOwner, cancellationToken))
        {
            return NotFound();
        }

        if (Remiss.Status == RemissStatus.Completed)
        {
            TempData["StatusMessage"] = "Remissen är redan avslutad.";
            return Redirect(RemissUrl);
        }

        if (CanComplete)
        {
            Preview = await completion.PreviewAsync(Remiss, cancellationToken);
        }

        return null;
    }
}
