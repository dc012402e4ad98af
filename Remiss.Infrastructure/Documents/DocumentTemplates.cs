namespace Remiss.Infrastructure.Documents;

using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Files;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// The tenant's Word template: the tenant admin uploads a .dotx or .docx; its content is checked the way a
/// bilaga's is (size, a real OOXML zip with <c>word/document.xml</c>, no zip bomb) and then opened as a Word
/// package and tried out on a small document, so a template that would break every download is refused at
/// the door. Macro-enabled files are refused.
/// </summary>
public sealed class DocumentTemplates(
    AppDbContext db, ITenantContext tenantContext, AttachmentIntake intake, IFileStorage storage, TimeProvider clock, ILogger<DocumentTemplates> logger)
{
    private CurrentTenant CurrentTenant => tenantContext.Tenant ?? throw new InvalidOperationException("No tenant.");

    public async Task<DocumentTemplate?> CurrentAsync(CancellationToken cancellationToken) =>
        (await TenantAsync(cancellationToken).ConfigureAwait(false)).DocumentTemplate;

    /// <summary>The template's bytes, or null for the clean default. A template whose file has gone missing falls back to the default.</summary>
    public async Task<ReadOnlyMemory<byte>?> BytesAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        if (tenant.DocumentTemplate is not { } template)
        {
            return null;
        }

        try
        {
            // Cleaned again on the way out: a template stored before cleaning existed must not bloat every document either.
            return Clean(await BytesOfAsync(tenant.Id, template.StorageKey, cancellationToken).ConfigureAwait(false));
        }
        catch (FileNotFoundException)
        {
            logger.LogError("The document template of tenant {TenantId} is missing from the file storage; the default is used.", tenant.Id);
            return null;
        }
        catch (DomainException)
        {
            logger.LogError("The document template of tenant {TenantId} has a part too large to use; the default is used.", tenant.Id);
            return null;
        }
    }

    /// <summary>Checks, stores and makes the tenant's the uploaded template. Throws <see cref="DomainException"/> about <see cref="Field.File"/> when refused.</summary>
    public async Task<DocumentTemplate> UploadAsync(Stream content, string? fileName, CancellationToken cancellationToken)
    {
        var tenant = await TenantAsync(cancellationToken).ConfigureAwait(false);
        AttachmentFile file;
        try
        {
            file = await intake.AcceptAsync(tenant.Id, content, fileName, cancellationToken).ConfigureAwait(false);
        }
        catch (DomainException refusal)
        {
            var key = refusal.Refusals[0].Key;
            throw new DomainException(Field.File, key switch
            {
                RefusalKey.FileTooLarge => RefusalKey.TemplateTooLarge,
                RefusalKey.UnreadableFile => RefusalKey.TemplateUnreadable,
                RefusalKey.FileEmpty or RefusalKey.UnsafeFileName => key,
                _ => RefusalKey.NotATemplate,
            });
        }

        try
        {
            if (file.FileType != AttachmentFileType.Docx)
            {
                throw new DomainException(Field.File, RefusalKey.NotATemplate);
            }

            // What is kept is the cleaned template, not the upload: small styles, nothing external.
            var bytes = Clean(await BytesOfAsync(tenant.Id, file.StorageKey, cancellationToken).ConfigureAwait(false));
            var isTemplate = Check(bytes);
            var name = isTemplate ? Path.ChangeExtension(file.FileName, ".dotx") : file.FileName;
            var cleaned = await storage.SaveAsync(tenant.Id, new MemoryStream(bytes, writable: false), cancellationToken).ConfigureAwait(false);
            var template = new DocumentTemplate(name, cleaned.StorageKey, cleaned.SizeBytes, clock.GetUtcNow().UtcDateTime);
            var previous = tenant.SetDocumentTemplate(template);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await storage.DeleteAsync(tenant.Id, cleaned.StorageKey, CancellationToken.None).ConfigureAwait(false);
                throw;
            }

            await storage.DeleteAsync(tenant.Id, file.StorageKey, CancellationToken.None).ConfigureAwait(false);
            if (previous is not null)
            {
                await storage.DeleteAsync(tenant.Id, previous.StorageKey, CancellationToken.None).ConfigureAwait(false);
            }

            return template;
        }
        catch
        {
            await storage.DeleteAsync(tenant.Id, file.StorageKey, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public async Task RemoveAsync(CancellationToken cancellationToken)
    {
        var tenant = await TenantAsync(cancellationToken).ConfigureAwait(false);
        var removed = tenant.RemoveDocumentTemplate();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await storage.DeleteAsync(tenant.Id, removed.StorageKey, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>The template as the documents may use it (<see cref="TemplateCleaning"/>); refuses a broken package as unreadable.</summary>
    public static byte[] Clean(byte[] bytes)
    {
        try
        {
            return TemplateCleaning.Clean(bytes);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or IOException
                                   or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            throw new DomainException(Field.File, RefusalKey.TemplateUnreadable);
        }
    }

    /// <summary>
    /// Opens the bytes as a Word package and writes a small document with them; true when it is a template
    /// (.dotx). Throws <see cref="DomainException"/> when Word could not use it.
    /// </summary>
    public static bool Check(byte[] bytes)
    {
        WordprocessingDocumentType type;
        try
        {
            using (var package = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false))
            {
                type = package.DocumentType;
                if (package.MainDocumentPart is null)
                {
                    throw new DomainException(Field.File, RefusalKey.TemplateUnreadable);
                }
            }

            if (type is WordprocessingDocumentType.MacroEnabledDocument or WordprocessingDocumentType.MacroEnabledTemplate)
            {
                throw new DomainException(Field.File, RefusalKey.TemplateHasMacros);
            }

            using var trial = new MemoryStream();
            using (var writer = WordDocumentWriter.Create(trial, bytes))
            {
                writer.Heading(1, "Provrubrik");
                writer.RichText("<p>Prov <strong>fet</strong> <a href=\"https://example.org\">länk</a></p><ol><li>ett</li></ol>");
                writer.Finish(new WordProperties("Prov", null, null, null, DateTime.UnixEpoch));
            }
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or IOException
                                   or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            throw new DomainException(Field.File, RefusalKey.TemplateUnreadable);
        }

        return type == WordprocessingDocumentType.Template;
    }

    private async Task<byte[]> BytesOfAsync(Guid tenantId, string storageKey, CancellationToken cancellationToken)
    {
        var stream = await storage.OpenReadAsync(tenantId, storageKey, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            return copy.ToArray();
        }
    }

    private Task<Tenant> TenantAsync(CancellationToken cancellationToken) =>
        db.Tenants.SingleAsync(t => t.Id == CurrentTenant.Id, cancellationToken);
}
