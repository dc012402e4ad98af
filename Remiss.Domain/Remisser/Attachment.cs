namespace Remiss.Domain.Remisser;

using global::Remiss.Domain.Common;

/// <summary>The kinds of file Remiss accepts as bilagor; the kind is recognised from the file's content.</summary>
public enum AttachmentFileType
{
    Pdf = 1,
    Docx = 2,
    Odt = 3,
    Xlsx = 4,
}

/// <summary>A file that has passed the checks: an acceptable name, cleaned; recognised type; size within the limit; stored under a key.</summary>
public sealed record AttachmentFile(string FileName, AttachmentFileType FileType, long SizeBytes, string StorageKey, string Sha256)
{
    public const long MaxSizeBytes = 25L * 1024 * 1024;

    public static string ContentTypeOf(AttachmentFileType type) => type switch
    {
        AttachmentFileType.Pdf => "application/pdf",
        AttachmentFileType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        AttachmentFileType.Odt => "application/vnd.oasis.opendocument.text",
        AttachmentFileType.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string ExtensionOf(AttachmentFileType type) => type switch
    {
        AttachmentFileType.Pdf => ".pdf",
        AttachmentFileType.Docx => ".docx",
        AttachmentFileType.Odt => ".odt",
        AttachmentFileType.Xlsx => ".xlsx",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// A file name safe to store and to send back: no characters Windows refuses, at most 150 characters, and the
    /// extension of the type the content really is. An uploaded name with folders, control or format characters is
    /// refused before it gets here (<see cref="UploadedFileName"/>); for the names the product makes itself (a
    /// document named after a remiss's title) this still drops them, so no name it sends back can carry them.
    /// </summary>
    public static string CleanFileName(string? name, AttachmentFileType type)
    {
        var baseName = (name ?? string.Empty).Replace('\\', '/');
        baseName = baseName[(baseName.LastIndexOf('/') + 1)..];
        var extension = ExtensionOf(type);
        var dot = baseName.LastIndexOf('.');
        if (dot > 0)
        {
            baseName = baseName[..dot];
        }

        var kept = baseName
            .Where(c => !char.IsControl(c)
                && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format
                && "<>:\"|?*".IndexOf(c, StringComparison.Ordinal) < 0)
            .ToArray();
        var cleaned = new string(kept).Trim().Trim('.').Trim();
        if (cleaned.Length == 0)
        {
            cleaned = "bilaga";
        }

        if (cleaned.Length > 150)
        {
            // Cut between characters, never inside a surrogate pair (an emoji is two UTF-16 units).
            var cut = char.IsLowSurrogate(cleaned[150]) ? 149 : 150;
            cleaned = cleaned[..cut].TrimEnd();
        }

        return cleaned + extension;
    }

    /// <summary>The checked file. Refuses an empty or too large file, and a name with folders, control or format characters.</summary>
    public static AttachmentFile Create(string? originalName, AttachmentFileType type, long sizeBytes, string storageKey, string sha256)
    {
        UploadedFileName.EnsureAcceptable(originalName);
        if (sizeBytes <= 0)
        {
            throw new DomainException(Field.File, RefusalKey.FileEmpty);
        }

        if (sizeBytes > MaxSizeBytes)
        {
            throw new DomainException(Field.File, RefusalKey.FileTooLarge);
        }

        return new AttachmentFile(CleanFileName(originalName, type), type, sizeBytes, storageKey, sha256);
    }
}

/// <summary>Metadata of a stored file; the bytes live in the file storage under <see cref="StorageKey"/>.</summary>
public abstract class Attachment : TenantEntity
{
    protected Attachment()
    {
        FileName = string.Empty;
        StorageKey = string.Empty;
        Sha256 = string.Empty;
    }

    protected Attachment(Guid tenantId, AttachmentFile file, Guid userId, DateTime nowUtc)
        : base(tenantId)
    {
        FileName = file.FileName;
        FileType = file.FileType;
        SizeBytes = file.SizeBytes;
        StorageKey = file.StorageKey;
        Sha256 = file.Sha256;
        UploadedByUserId = userId;
        UploadedAt = nowUtc;
    }

    public string FileName { get; private set; }

    public AttachmentFileType FileType { get; private set; }

    public string ContentType => AttachmentFile.ContentTypeOf(FileType);

    public long SizeBytes { get; private set; }

    public string StorageKey { get; private set; }

    public string Sha256 { get; private set; }

    public Guid UploadedByUserId { get; private set; }

    public DateTime UploadedAt { get; private set; }
}

/// <summary>The remisshandling and other bilagor of a remiss.</summary>
public sealed class RemissAttachment : Attachment
{
    private RemissAttachment()
    {
    }

    internal RemissAttachment(Guid tenantId, Guid remissId, AttachmentFile file, Guid userId, DateTime nowUtc)
        : base(tenantId, file, userId, nowUtc) => RemissId = remissId;

    public Guid RemissId { get; private set; }
}

/// <summary>A bilaga to an yttrande, such as the protokollsutdrag.</summary>
public sealed class ResponseAttachment : Attachment
{
    private ResponseAttachment()
    {
    }

    internal ResponseAttachment(Guid tenantId, Guid responseId, AttachmentFile file, Guid userId, DateTime nowUtc)
        : base(tenantId, file, userId, nowUtc) => ResponseId = responseId;

    public Guid ResponseId { get; private set; }
}
