namespace Remiss.Infrastructure.Files;

using Remiss.Domain.Remisser;

/// <summary>Why <see cref="FileTypeDetector"/> did not accept a file.</summary>
public enum FileTypeRefusal
{
    /// <summary>Not refused: the type is known.</summary>
    None = 0,

    /// <summary>Not a PDF, DOCX, ODT or XLSX (an executable, an image, a ZIP without a document in it…).</summary>
    UnknownType,

    /// <summary>A ZIP that would cost too much to open: too many entries, too large unpacked, or packed too tightly (a zip bomb).</summary>
    UnsafeArchive,

    /// <summary>A ZIP that cannot be read: damaged, truncated or encrypted.</summary>
    DamagedArchive,
}

/// <summary>What <see cref="FileTypeDetector"/> found: a type, or the refusal and a reason for the log (English, no file content).</summary>
public sealed record FileTypeDetection(AttachmentFileType? Type, FileTypeRefusal Refusal, string Reason)
{
    public bool IsRecognised => Type is not null;

    internal static FileTypeDetection Recognised(AttachmentFileType type) => new(type, FileTypeRefusal.None, $"recognised as {type}");

    internal static FileTypeDetection Unknown(string reason) => new(null, FileTypeRefusal.UnknownType, reason);

    internal static FileTypeDetection Unsafe(string reason) => new(null, FileTypeRefusal.UnsafeArchive, reason);

    internal static FileTypeDetection Damaged(string reason) => new(null, FileTypeRefusal.DamagedArchive, reason);
}
