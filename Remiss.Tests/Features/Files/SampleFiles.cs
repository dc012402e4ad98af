namespace Remiss.Tests.Features.Files;

using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Logging;

/// <summary>Real, minimal files of every accepted type, and hostile ones, built in memory.</summary>
internal static class SampleFiles
{
    public const string OdtMimeType = "application/vnd.oasis.opendocument.text";

    private const string ContentTypesXml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
        </Types>
        """;

    private static readonly Lazy<byte[]> LazyZipBomb = new(() => ZipOfZeros(300L * 1024 * 1024));

    /// <summary>A one-page PDF.</summary>
    public static byte[] Pdf() => Encoding.ASCII.GetBytes("""
        %PDF-1.7
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
        trailer << /Root 1 0 R >>
        %%EOF
        """);

    /// <summary>A PDF of exactly <paramref name="size"/> bytes: the real document, then spaces (which PDF readers skip).</summary>
    public static byte[] PdfOfSize(long size)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)' ');
        Pdf().CopyTo(bytes, 0);
        return bytes;
    }

    public static byte[] Docx() => Zip(
        ("[Content_Types].xml", ContentTypesXml),
        ("_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>"""),
        ("word/document.xml", """<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Yttrande</w:t></w:r></w:p></w:body></w:document>"""));

    public static byte[] Xlsx() => Zip(
        ("[Content_Types].xml", ContentTypesXml),
        ("_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>"""),
        ("xl/workbook.xml", """<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>"""));

    /// <summary>An OpenDocument file whose <c>mimetype</c> is the first entry, stored, as the standard asks.</summary>
    public static byte[] Odt(string mimeType = OdtMimeType)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "mimetype", mimeType, CompressionLevel.NoCompression);
            Add(zip, "META-INF/manifest.xml", """<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>""", CompressionLevel.Optimal);
            Add(zip, "content.xml", """<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>""", CompressionLevel.Optimal);
        }

        return output.ToArray();
    }

    /// <summary>The start of a Linux executable.</summary>
    public static byte[] Elf() => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[120]];

    /// <summary>The start of a Windows executable, "This program cannot be run in DOS mode" and all.</summary>
    public static byte[] WindowsExecutable() => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, .. new byte[56], .. "This program cannot be run in DOS mode."u8.ToArray()];

    /// <summary>A ZIP with ordinary files and none of a document's parts.</summary>
    public static byte[] PlainZip() => Zip(("readme.txt", "Hej"), ("bild.svg", "<svg/>"));

    /// <summary>One entry of 300 MB of zeros, packed to a few hundred kilobytes. Built once per test run.</summary>
    public static byte[] ZipBomb() => LazyZipBomb.Value;

    /// <summary>A ZIP with one entry of <paramref name="size"/> zeros, packed as tightly as Deflate can.</summary>
    public static byte[] ZipOfZeros(long size, string name = "word/document.xml")
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", ContentTypesXml, CompressionLevel.Optimal);
            var zeros = new byte[1024 * 1024];
            using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            for (long written = 0; written < size; written += zeros.Length)
            {
                entry.Write(zeros, 0, (int)Math.Min(zeros.Length, size - written));
            }
        }

        return output.ToArray();
    }

    /// <summary>A ZIP with <paramref name="count"/> empty entries.</summary>
    public static byte[] ZipWithEntries(int count)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", ContentTypesXml, CompressionLevel.Optimal);
            Add(zip, "word/document.xml", "<w:document/>", CompressionLevel.Optimal);
            for (var i = 0; i < count - 2; i++)
            {
                zip.CreateEntry($"word/media/{i}.bin", CompressionLevel.NoCompression);
            }
        }

        return output.ToArray();
    }

    /// <summary>A real DOCX whose central directory claims <paramref name="declaredSize"/> bytes for word/document.xml: a bomb that costs nothing to build.</summary>
    public static byte[] DocxDeclaring(uint declaredSize) =>
        PatchCentralDirectory(Docx(), "word/document.xml", header => BinaryPrimitives.WriteUInt32LittleEndian(header[24..], declaredSize));

    /// <summary>A real DOCX whose entries are flagged as encrypted, in both the local and the central headers.</summary>
    public static byte[] EncryptedDocx()
    {
        var zip = Docx();
        for (var at = 0; at + 4 <= zip.Length; at++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at));
            if (signature == 0x04034b50)
            {
                zip[at + 6] |= 1;
            }
            else if (signature == 0x02014b50)
            {
                zip[at + 8] |= 1;
            }
        }

        return zip;
    }

    /// <summary>A ZIP cut short: the local headers are there, the central directory is not.</summary>
    public static byte[] TruncatedDocx()
    {
        var zip = Docx();
        return zip[..(zip.Length / 2)];
    }

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                Add(zip, name, content, CompressionLevel.Optimal);
            }
        }

        return output.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content, CompressionLevel level)
    {
        using var stream = zip.CreateEntry(name, level).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    private static byte[] PatchCentralDirectory(byte[] zip, string entryName, SpanAction patch)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var at = 0; at + 46 <= zip.Length; at++)
        {
            var header = zip.AsSpan(at);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) == 0x02014b50
                && BinaryPrimitives.ReadUInt16LittleEndian(header[28..]) == name.Length
                && header.Slice(46, name.Length).SequenceEqual(name))
            {
                patch(header);
                return zip;
            }
        }

        throw new InvalidOperationException($"No central directory header for {entryName}.");
    }

    private delegate void SpanAction(Span<byte> header);
}

/// <summary>A stream that claims to be tiny but never ends: a PDF header, then zeros forever.</summary>
internal sealed class EndlessPdfStream : Stream
{
    private static readonly byte[] Header = "%PDF-1.7\n"u8.ToArray();

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    /// <summary>What a hostile client might declare.</summary>
    public override long Length => 1_000;

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        buffer.Clear();
        for (var i = 0; i < buffer.Length && BytesRead + i < Header.Length; i++)
        {
            buffer[i] = Header[BytesRead + i];
        }

        BytesRead += buffer.Length;
        return buffer.Length;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A stream that breaks after some bytes, as an upload does when the connection drops.</summary>
internal sealed class BrokenStream(int failAfter) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= failAfter)
        {
            throw new IOException("The connection was reset.");
        }

        var read = Math.Min(count, failAfter - _position);
        Array.Fill(buffer, (byte)'x', offset, read);
        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Keeps what was logged, to check what a refusal tells the operator.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((logLevel, formatter(state, exception)));
}

/// <summary>A fresh folder under the temp folder, removed with everything in it.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "remiss-tests", "files-" + Guid.NewGuid().ToString("N"));

    /// <summary>Every file under the folder, relative and with forward slashes; none when it was never created.</summary>
    public IReadOnlyList<string> Files() => Directory.Exists(Path)
        ? [.. Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'))]
        : [];

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
