namespace Remiss.Infrastructure.Files;

using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Remiss.Domain.Remisser;

/// <summary>
/// Recognises a bilaga's type from its bytes alone. The name and the browser's content type are whatever the
/// sender says they are, so neither is ever asked. Office and OpenDocument files are ZIPs: their directory is
/// checked against zip bombs before any entry is looked at, and only the tiny <c>mimetype</c> entry is ever
/// unpacked.
/// </summary>
public static class FileTypeDetector
{
    public const int MaxEntries = 10_000;
    public const long MaxTotalUncompressedBytes = 250L * 1024 * 1024;
    public const int MaxCompressionRatio = 200;

    /// <summary>Entries below this size may be packed as tightly as they like: small XML parts full of repeated markup legitimately reach high ratios.</summary>
    public const long RatioCheckedFromBytes = 1024 * 1024;

    private const string OdtMimeType = "application/vnd.oasis.opendocument.text";

    // End of central directory record: signature, then the total entry count at offset 10. The record is
    // 22 bytes plus a comment of at most 65,535 bytes, so it is always within the last 65,557 bytes.
    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const int EndOfCentralDirectoryLength = 22;
    private const int EndOfCentralDirectorySearch = EndOfCentralDirectoryLength + ushort.MaxValue;

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    private static ReadOnlySpan<byte> ZipMagic => [(byte)'P', (byte)'K', 0x03, 0x04];

    /// <summary>Reads <paramref name="content"/> from its start; it must be seekable (a buffered upload).</summary>
    public static async Task<FileTypeDetection> DetectAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek || !content.CanRead)
        {
            throw new ArgumentException("The content must be a readable, seekable stream.", nameof(content));
        }

        content.Position = 0;
        var head = new byte[5];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var start = head.AsSpan(0, read);

        if (start.StartsWith(PdfMagic))
        {
            return FileTypeDetection.Recognised(AttachmentFileType.Pdf);
        }

        if (start.StartsWith(ZipMagic))
        {
            return await DetectZipAsync(content, cancellationToken).ConfigureAwait(false);
        }

        return FileTypeDetection.Unknown("the content is neither a PDF nor a ZIP");
    }

    private static async Task<FileTypeDetection> DetectZipAsync(Stream content, CancellationToken cancellationToken)
    {
        // ZipArchive reads the whole central directory into objects as soon as its entries are asked for; a
        // 25 MB file can declare over half a million entries, so the count the archive declares is checked first.
        var declaredEntries = await DeclaredEntryCountAsync(content, cancellationToken).ConfigureAwait(false);
        if (declaredEntries > MaxEntries)
        {
            return FileTypeDetection.Unsafe($"the archive declares {declaredEntries} entries (at most {MaxEntries})");
        }

        try
        {
            content.Position = 0;
            var archive = await ZipArchive.CreateAsync(content, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
            await using (archive.ConfigureAwait(false))
            {
                var entries = archive.Entries;
                if (entries.Count > MaxEntries)
                {
                    return FileTypeDetection.Unsafe($"the archive has {entries.Count} entries (at most {MaxEntries})");
                }

                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                long total = 0;
                ZipArchiveEntry? mimetype = null;
                foreach (var entry in entries)
                {
                    if (entry.IsEncrypted)
                    {
                        return FileTypeDetection.Damaged("the archive has an encrypted entry");
                    }

                    if (entry.Length < 0 || entry.CompressedLength < 0)
                    {
                        return FileTypeDetection.Damaged("the archive declares a negative size");
                    }

                    // Checked one by one before adding, so the sum can never overflow.
                    if (entry.Length > MaxTotalUncompressedBytes - total)
                    {
                        return FileTypeDetection.Unsafe($"the archive unpacks to more than {MaxTotalUncompressedBytes} bytes");
                    }

                    total += entry.Length;
                    if (entry.Length > RatioCheckedFromBytes && (double)entry.Length / Math.Max(1, entry.CompressedLength) > MaxCompressionRatio)
                    {
                        return FileTypeDetection.Unsafe($"an entry of {entry.Length} bytes is packed into {entry.CompressedLength} (more than {MaxCompressionRatio}:1)");
                    }

                    names.Add(entry.FullName);
                    if (entry.FullName == "mimetype")
                    {
                        mimetype = entry;
                    }
                }

                // Part names in Office files are case-insensitive (OPC); the ODF mimetype entry is not.
                if (names.Contains("[Content_Types].xml") && names.Contains("word/document.xml"))
                {
                    return FileTypeDetection.Recognised(AttachmentFileType.Docx);
                }

                if (names.Contains("[Content_Types].xml") && names.Contains("xl/workbook.xml"))
                {
                    return FileTypeDetection.Recognised(AttachmentFileType.Xlsx);
                }

                if (mimetype is not null)
                {
                    return await IsOdtMimeTypeAsync(mimetype, cancellationToken).ConfigureAwait(false)
                        ? FileTypeDetection.Recognised(AttachmentFileType.Odt)
                        : FileTypeDetection.Unknown("an OpenDocument file that is not a text document");
                }

                return FileTypeDetection.Unknown("a ZIP without the parts of a DOCX, XLSX or ODT");
            }
        }
        catch (InvalidDataException)
        {
            return FileTypeDetection.Damaged("the archive is damaged or uses a method that cannot be read");
        }
    }

    private static async Task<bool> IsOdtMimeTypeAsync(ZipArchiveEntry entry, CancellationToken cancellationToken)
    {
        var expected = Encoding.ASCII.GetBytes(OdtMimeType);
        if (entry.Length != expected.Length)
        {
            return false;
        }

        // One byte more than expected, so trailing data the directory did not declare is noticed.
        var buffer = new byte[expected.Length + 1];
        var stream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return buffer.AsSpan(0, read).SequenceEqual(expected);
        }
    }

    /// <summary>The total entry count in the end of central directory record, or -1 when there is none or it defers to ZIP64.</summary>
    private static async Task<long> DeclaredEntryCountAsync(Stream content, CancellationToken cancellationToken)
    {
        var length = (int)Math.Min(content.Length, EndOfCentralDirectorySearch);
        if (length < EndOfCentralDirectoryLength)
        {
            return -1;
        }

        var tail = new byte[length];
        content.Position = content.Length - length;
        await content.ReadExactlyAsync(tail, cancellationToken).ConfigureAwait(false);
        for (var at = length - EndOfCentralDirectoryLength; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) == EndOfCentralDirectorySignature)
            {
                var count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));

                // 0xFFFF means "see the ZIP64 record"; the archive's own count is then checked after opening.
                return count == ushort.MaxValue ? -1 : count;
            }
        }

        return -1;
    }
}
