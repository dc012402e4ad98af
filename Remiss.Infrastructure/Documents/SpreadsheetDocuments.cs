namespace Remiss.Infrastructure.Documents;

using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>A finished spreadsheet: its bytes from the start, and a clean Swedish file name.</summary>
public sealed record SpreadsheetFile(Stream Content, string FileName)
{
    public const string ContentType = SpreadsheetExport.ContentType;
}

/// <summary>
/// Makes the Excel export of a remiss of the current tenant: loads every remissinstans whole, the office's
/// synpunkter, the organisations and the tenant's calendar, makes the rows (<see cref="SpreadsheetRows"/>) and writes them (<see cref="SpreadsheetExport"/>).
/// Rights are the caller's.
/// </summary>
public sealed class SpreadsheetDocuments(AppDbContext db, Remisser.RemissReader reader, Remisser.RemissReview review, ITenantContext tenantContext)
{
    public async Task<SpreadsheetFile> AnswersAsync(Domain.Remisser.Remiss remiss, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        var current = tenantContext.Tenant ?? throw new InvalidOperationException("No tenant.");
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == current.Id, cancellationToken).ConfigureAwait(false);
        var recipients = await reader.RecipientsOfAsync(remiss.Id, cancellationToken).ConfigureAwait(false);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, cancellationToken).ConfigureAwait(false);
        var points = await review.ReadAsync(remiss.Id, cancellationToken).ConfigureAwait(false);
        var content = SpreadsheetRows.Of(remiss, recipients, organisations, tenant.Calendar(), points);

        var output = new MemoryStream();
        SpreadsheetExport.Write(output, content);
        output.Position = 0;
        return new SpreadsheetFile(output, FileName(remiss));
    }

    /// <summary>"Remissvar STK-2023-137.xlsx": the diarienummer (or the title) cleaned as every file name the product makes.</summary>
    public static string FileName(Domain.Remisser.Remiss remiss)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        var name = $"Remissvar {remiss.Diarienummer ?? remiss.Title}".Replace('/', '-').Replace('\\', '-');

        // The extension goes on before cleaning, so a dot in the diarienummer is not taken for one.
        return AttachmentFile.CleanFileName(name + AttachmentFile.ExtensionOf(AttachmentFileType.Xlsx), AttachmentFileType.Xlsx);
    }
}
