namespace Remiss.Web.Pages.Tenant.Admin.Organisations;

using System.Text;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Infrastructure.Administration;
using Remiss.Infrastructure.Files;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>
/// Imports organisations from a CSV file: a preview with Swedish errors per row first, then all rows in one
/// transaction or none. The confirmed file travels back in a hidden field, so no state is kept on the server.
/// </summary>
public sealed class ImportModel(ITenantContext tenantContext, OrganisationDirectory directory, AttachmentIntake intake) : AdminPageModel(tenantContext)
{
    public const long MaxFileBytes = 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Csv { get; set; }

    public ImportPreview? Preview { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Välj en CSV-fil.");
            return Page();
        }

        try
        {
            intake.EnsureAcceptableName(Tenant.Id, Upload.FileName);
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.AllAt(nameof(Upload)));
            return Page();
        }

        if (Upload.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), "Filen får vara högst 1 MB.");
            return Page();
        }

        using var reader = new StreamReader(Upload.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        try
        {
            Csv = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError(nameof(Upload), "Filen är inte sparad som UTF-8. Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” och försök igen.");
            return Page();
        }

        Preview = await directory.PreviewImportAsync(Csv, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        var (imported, preview) = await directory.ImportAsync(Csv ?? string.Empty, cancellationToken);
        if (imported == 0)
        {
            Preview = preview;
            ModelState.AddModelError(string.Empty, "Ingenting importerades: filen innehåller fel. Se raderna nedan.");
            return Page();
        }

        TempData["StatusMessage"] = $"{SwedishPlural.Count(imported, "organisation", "organisationer")} har importerats.";
        return Redirect($"{AdminUrl}/organisationer");
    }
}
