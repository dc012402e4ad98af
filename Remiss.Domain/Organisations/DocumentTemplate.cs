namespace Remiss.Domain.Organisations;

using Remiss.Domain.Common;

/// <summary>
/// A tenant's Word template: a .dotx or .docx whose content has been checked, stored under a key. Only its
/// styles, header, footer and logo are used; its body text never reaches a document.
/// </summary>
public sealed record DocumentTemplate
{
    public const int FileNameMaxLength = 200;

    public DocumentTemplate(string fileName, string storageKey, long sizeBytes, DateTime uploadedAt)
    {
        FileName = Text.Required(fileName, Field.FileName, FileNameMaxLength);
        StorageKey = Text.Required(storageKey, Field.StorageKey, 100);
        SizeBytes = sizeBytes > 0 ? sizeBytes : throw new DomainException(Field.File, RefusalKey.FileEmpty);
        UploadedAt = uploadedAt;
    }

    public string FileName { get; }

    public string StorageKey { get; }

    public long SizeBytes { get; }

    public DateTime UploadedAt { get; }
}
