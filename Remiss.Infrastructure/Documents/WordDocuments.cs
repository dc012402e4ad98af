namespace Remiss.Infrastructure.Documents;

using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>A finished Word document: its bytes from the start, and a clean Swedish file name.</summary>
public sealed record WordFile(Stream Content, string FileName)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}

/// <summary>
/// Makes the sammanställning and the yttranden of a remiss of the current tenant as Word files: loads what the
/// documents need (every yttrande's answers and bilagor, the organisations' names, the tenant's template) and
/// hands it to <see cref="SummaryDocument"/> or <see cref="ResponseDocument"/>. Rights are the caller's.
/// </summary>
public sealed class WordDocuments(
    AppDbContext db, Remisser.RemissReader reader, Remisser.RemissReview review, ITenantContext tenantContext, DocumentTemplates templates, TimeProvider clock)
{
    /// <summary>
    /// The sammanställning with the office's work (comments, synpunkter, bemötanden, themes) as it stands;
    /// <paramref name="withResponses"/> adds every yttrande in full as an appendix.
    /// </summary>
    public async Task<WordFile> SummaryAsync(Domain.Remisser.Remiss remiss, bool withResponses, CancellationToken cancellationToken)
    {
        var recipients = await reader.RecipientsOfAsync(remiss.Id, cancellationToken).ConfigureAwait(false);
        var work = await review.ReadAsync(remiss.Id, cancellationToken).ConfigureAwait(false);
        var context = await ContextAsync(cancellationToken).ConfigureAwait(false);
        var output = new MemoryStream();
        SummaryDocument.Write(output, remiss, recipients, context, withResponses, work);
        output.Position = 0;
        return new WordFile(output, SummaryFileName(remiss, withResponses));
    }

    /// <summary>The sammanställning's file name; the stored final one is handed out under the same name.</summary>
    public static string SummaryFileName(Domain.Remisser.Remiss remiss, bool withResponses)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        return FileName($"{(withResponses ? "Sammanställning med yttranden" : "Sammanställning")} {remiss.Diarienummer ?? remiss.Title}");
    }

    /// <summary>One recipient's yttrande, laid out for its nämnd's agenda; the recipient is loaded whole.</summary>
    public Task<WordFile> ResponseAsync(Domain.Remisser.Remiss remiss, Recipient recipient, CancellationToken cancellationToken) =>
        MakeAsync(
            (output, context) => ResponseDocument.Write(output, remiss, recipient, context),
            context => $"Yttrande {context.NameOf(recipient.OrganisationId)} {remiss.Diarienummer}",
            cancellationToken);

    private async Task<WordFile> MakeAsync(
        Action<Stream, DocumentContext> write, Func<DocumentContext, string> name, CancellationToken cancellationToken)
    {
        var context = await ContextAsync(cancellationToken).ConfigureAwait(false);
        var output = new MemoryStream();
        write(output, context);
        output.Position = 0;
        return new WordFile(output, FileName(name(context)));
    }

    private static string FileName(string name) => AttachmentFile.CleanFileName(name.Replace('/', '-').Replace('\\', '-'), AttachmentFileType.Docx);

    private async Task<DocumentContext> ContextAsync(CancellationToken cancellationToken)
    {
        var current = tenantContext.Tenant ?? throw new InvalidOperationException("No tenant.");
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == current.Id, cancellationToken).ConfigureAwait(false);
        var names = await db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
        var template = await templates.BytesAsync(tenant, cancellationToken).ConfigureAwait(false);
        return new DocumentContext(tenant.Name, names, tenant.Calendar(), clock.GetUtcNow().UtcDateTime, template);
    }
}
