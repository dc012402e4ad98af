namespace Remiss.Infrastructure.Files;

using Microsoft.Extensions.Logging;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;

/// <summary>
/// The one door for an uploaded bilaga: reads at most the limit plus one byte, recognises the type from the
/// content, and only then stores it. A refused file leaves nothing behind.
/// </summary>
public sealed class AttachmentIntake(IFileStorage storage, ILogger<AttachmentIntake> logger)
{
    private const int BufferSize = 81_920;

    /// <summary>
    /// Checks and stores <paramref name="content"/>. Throws <see cref="DomainException"/> about <see cref="Field.File"/>
    /// for the user when the file is refused. <paramref name="fileName"/> is only the name to show: one with folders,
    /// control or format characters is refused before a byte is read (<see cref="UploadedFileName"/>); otherwise the
    /// domain cleans it and gives it the extension of the type the content really is.
    /// </summary>
    public async Task<AttachmentFile> AcceptAsync(Guid tenantId, Stream content, string? fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureAcceptableName(tenantId, fileName);

        // A private temporary file rather than memory: several 25 MB uploads at once should not cost the
        // server 25 MB of memory each. DeleteOnClose removes it however this method ends.
        var buffer = new FileStream(Path.Combine(Path.GetTempPath(), $"remiss-upload-{Guid.NewGuid():N}.tmp"), new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous | FileOptions.DeleteOnClose,
        });
        await using (buffer.ConfigureAwait(false))
        {
            var size = await CopyAtMostAsync(content, buffer, AttachmentFile.MaxSizeBytes + 1, cancellationToken).ConfigureAwait(false);
            if (size == 0)
            {
                throw Refuse(tenantId, "the file is empty", RefusalKey.FileEmpty);
            }

            if (size > AttachmentFile.MaxSizeBytes)
            {
                throw Refuse(tenantId, $"the file is larger than {AttachmentFile.MaxSizeBytes} bytes", RefusalKey.FileTooLarge);
            }

            var detection = await FileTypeDetector.DetectAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (detection.Type is not { } type)
            {
                var key = detection.Refusal == FileTypeRefusal.UnknownType ? RefusalKey.UnsupportedFileType : RefusalKey.UnreadableFile;
                throw Refuse(tenantId, $"{detection.Refusal}: {detection.Reason}", key);
            }

            buffer.Position = 0;
            var stored = await storage.SaveAsync(tenantId, buffer, cancellationToken).ConfigureAwait(false);
            try
            {
                return AttachmentFile.Create(fileName, type, stored.SizeBytes, stored.StorageKey, stored.Sha256);
            }
            catch
            {
                // Nothing refers to the file yet, so it must not outlive the refusal.
                await storage.DeleteAsync(tenantId, stored.StorageKey, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>
    /// Refuses, and logs, a file name with folders, control or format characters: for the uploads that are not
    /// bilagor (the CSV import) as for those that are.
    /// </summary>
    public void EnsureAcceptableName(Guid tenantId, string? fileName)
    {
        if (UploadedFileName.Problem(fileName) is { } problem)
        {
            throw Refuse(tenantId, problem, RefusalKey.UnsafeFileName);
        }
    }

    /// <summary>Copies until the end or until <paramref name="limit"/> bytes, whichever comes first; a declared length is never asked.</summary>
    private static async Task<long> CopyAtMostAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[BufferSize];
        long copied = 0;
        while (copied < limit)
        {
            var wanted = (int)Math.Min(chunk.Length, limit - copied);
            var read = await source.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            await target.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            copied += read;
        }

        return copied;
    }

    /// <summary>A refusal about the uploaded file (<see cref="Field.File"/>), so a page shows it next to the file field.</summary>
    private DomainException Refuse(Guid tenantId, string reason, string key)
    {
        // The tenant and why, never the name or the bytes: both come from the uploader.
        logger.LogWarning("Refused a bilaga for tenant {TenantId}: {Reason}", tenantId, reason);
        return new DomainException(Field.File, key);
    }
}
