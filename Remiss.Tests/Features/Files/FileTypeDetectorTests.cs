namespace Remiss.Tests.Features.Files;

using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Files;

/// <summary>The type comes from the bytes; ZIPs are checked for bombs before anything in them is believed.</summary>
public sealed class FileTypeDetectorTests
{
    [Fact]
    public async Task Detect_APdf_IsPdf()
    {
        var detection = await DetectAsync(SampleFiles.Pdf());

        Assert.Equal(AttachmentFileType.Pdf, detection.Type);
        Assert.Equal(FileTypeRefusal.None, detection.Refusal);
    }

    [Fact]
    public async Task Detect_ADocx_IsDocx()
    {
        Assert.Equal(AttachmentFileType.Docx, (await DetectAsync(SampleFiles.Docx())).Type);
    }

    [Fact]
    public async Task Detect_AnXlsx_IsXlsx()
    {
        Assert.Equal(AttachmentFileType.Xlsx, (await DetectAsync(SampleFiles.Xlsx())).Type);
    }

    [Fact]
    public async Task Detect_AnOdt_IsOdt()
    {
        Assert.Equal(AttachmentFileType.Odt, (await DetectAsync(SampleFiles.Odt())).Type);
    }

    [Theory]
    [InlineData("application/vnd.oasis.opendocument.spreadsheet")]
    [InlineData("application/vnd.oasis.opendocument.text ")]
    [InlineData("application/vnd.oasis.opendocument.texts")]
    [InlineData("")]
    public async Task Detect_AnOpenDocumentThatIsNotExactlyText_IsNotRecognised(string mimeType)
    {
        var detection = await DetectAsync(SampleFiles.Odt(mimeType));

        Assert.Null(detection.Type);
        Assert.Equal(FileTypeRefusal.UnknownType, detection.Refusal);
    }

    [Fact]
    public async Task Detect_TheOfficePartsInAnotherCase_AreStillFound()
    {
        var docx = SampleFiles.Zip(("[CONTENT_TYPES].XML", "<Types/>"), ("Word/Document.xml", "<w:document/>"));

        Assert.Equal(AttachmentFileType.Docx, (await DetectAsync(docx)).Type);
    }

    public static TheoryData<string, byte[]> NotDocuments => new()
    {
        { "ELF executable", SampleFiles.Elf() },
        { "Windows executable", SampleFiles.WindowsExecutable() },
        { "plain text", "Hej, detta är en text."u8.ToArray() },
        { "PDF header not at the start", [(byte)' ', .. SampleFiles.Pdf()] },
        { "PNG image", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0] },
        { "four bytes", "%PDF"u8.ToArray() },
        { "empty", [] },
        { "ZIP without document parts", SampleFiles.PlainZip() },
        { "ZIP with content types only", SampleFiles.Zip(("[Content_Types].xml", "<Types/>")) },
        { "ZIP with word/document.xml only", SampleFiles.Zip(("word/document.xml", "<w:document/>")) },
    };

    [Theory]
    [MemberData(nameof(NotDocuments))]
    public async Task Detect_ContentThatIsNotAnAcceptedDocument_IsNotRecognised(string what, byte[] content)
    {
        var detection = await DetectAsync(content);

        Assert.True(detection.Type is null, what);
        Assert.Equal(FileTypeRefusal.UnknownType, detection.Refusal);
    }

    [Fact]
    public async Task Detect_ABombOf300MbOfZeros_IsRefusedAsUnsafe()
    {
        var bomb = SampleFiles.ZipBomb();
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb is {bomb.Length} bytes packed");

        var detection = await DetectAsync(bomb);

        Assert.Null(detection.Type);
        Assert.Equal(FileTypeRefusal.UnsafeArchive, detection.Refusal);
    }

    [Fact]
    public async Task Detect_AnEntryPackedMoreThan200To1_IsRefusedAsUnsafeEvenWhenTheTotalIsSmall()
    {
        var detection = await DetectAsync(SampleFiles.ZipOfZeros(20L * 1024 * 1024));

        Assert.Equal(FileTypeRefusal.UnsafeArchive, detection.Refusal);
        Assert.Contains("200:1", detection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_ASmallPartPackedTightly_IsAllowed()
    {
        // Under 1 MB a high ratio is ordinary: repeated markup in styles.xml packs far beyond 200:1.
        var docx = SampleFiles.Zip(
            ("[Content_Types].xml", "<Types/>"),
            ("word/document.xml", "<w:document/>"),
            ("word/styles.xml", new string(' ', 1000 * 1024)));

        Assert.Equal(AttachmentFileType.Docx, (await DetectAsync(docx)).Type);
    }

    [Fact]
    public async Task Detect_AnArchiveDeclaringAHugeEntry_IsRefusedWithoutUnpackingIt()
    {
        var detection = await DetectAsync(SampleFiles.DocxDeclaring(0xF000_0000));

        Assert.Equal(FileTypeRefusal.UnsafeArchive, detection.Refusal);
        Assert.Contains("unpacks to more than", detection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_MoreThanTenThousandEntries_IsRefusedAsUnsafe()
    {
        var detection = await DetectAsync(SampleFiles.ZipWithEntries(10_001));

        Assert.Equal(FileTypeRefusal.UnsafeArchive, detection.Refusal);
        Assert.Contains("10001 entries", detection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_ExactlyTenThousandEntries_IsAllowed()
    {
        Assert.Equal(AttachmentFileType.Docx, (await DetectAsync(SampleFiles.ZipWithEntries(10_000))).Type);
    }

    [Fact]
    public async Task Detect_AnEncryptedZip_IsRefusedAsDamaged()
    {
        var detection = await DetectAsync(SampleFiles.EncryptedDocx());

        Assert.Equal(FileTypeRefusal.DamagedArchive, detection.Refusal);
        Assert.Contains("encrypted", detection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_ATruncatedZip_IsRefusedAsDamaged()
    {
        var detection = await DetectAsync(SampleFiles.TruncatedDocx());

        Assert.Equal(FileTypeRefusal.DamagedArchive, detection.Refusal);
    }

    [Fact]
    public async Task Detect_ReadsFromTheStartWhereverTheStreamIs()
    {
        using var stream = new MemoryStream(SampleFiles.Docx());
        stream.Position = stream.Length;

        Assert.Equal(AttachmentFileType.Docx, (await FileTypeDetector.DetectAsync(stream, CancellationToken.None)).Type);
    }

    private static async Task<FileTypeDetection> DetectAsync(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        return await FileTypeDetector.DetectAsync(stream, CancellationToken.None);
    }
}
