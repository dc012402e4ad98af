namespace Remiss.Tests.Features.Files;

using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Files;
using Remiss.Tests.TestSupport;

/// <summary>An upload is read within the limit, recognised by its bytes and only then stored; a refusal stores nothing.</summary>
public sealed class AttachmentIntakeTests : IDisposable
{
    private static readonly Guid Tenant = Guid.Parse("0191a5c2-0000-7000-8000-00000000000a");

    private readonly TempFolder _folder = new();
    private readonly LocalFileStorage _storage;
    private readonly ListLogger<AttachmentIntake> _log = new();
    private readonly AttachmentIntake _intake;

    public AttachmentIntakeTests()
    {
        _storage = new LocalFileStorage(_folder.Path, new FakeClock());
        _intake = new AttachmentIntake(_storage, _log);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Accept_APdf_StoresItAndDescribesIt()
    {
        var content = SampleFiles.Pdf();

        var file = await AcceptAsync(content, "Remisshandling STK-2023-137.pdf");

        Assert.Equal("Remisshandling STK-2023-137.pdf", file.FileName);
        Assert.Equal(AttachmentFileType.Pdf, file.FileType);
        Assert.Equal(content.Length, file.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), file.Sha256);
        Assert.Equal(content, await ReadStoredAsync(file));
        Assert.DoesNotContain(_log.Entries, e => e.Level >= LogLevel.Warning);
    }

    public static TheoryData<string, byte[], AttachmentFileType, string> Documents => new()
    {
        { "Yttrande.docx", SampleFiles.Docx(), AttachmentFileType.Docx, "Yttrande.docx" },
        { "Protokollsutdrag.odt", SampleFiles.Odt(), AttachmentFileType.Odt, "Protokollsutdrag.odt" },
        { "Uppföljning.xlsx", SampleFiles.Xlsx(), AttachmentFileType.Xlsx, "Uppföljning.xlsx" },
        { "rapport.pdf", SampleFiles.Docx(), AttachmentFileType.Docx, "rapport.docx" },
        { "utan-ändelse", SampleFiles.Odt(), AttachmentFileType.Odt, "utan-ändelse.odt" },
        { "tabell.XLSX", SampleFiles.Xlsx(), AttachmentFileType.Xlsx, "tabell.xlsx" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Accept_ADocument_IsStoredWithTheExtensionOfWhatItReallyIs(string name, byte[] content, AttachmentFileType type, string storedName)
    {
        var file = await AcceptAsync(content, name);

        Assert.Equal(type, file.FileType);
        Assert.Equal(storedName, file.FileName);
        Assert.Equal(content, await ReadStoredAsync(file));
    }

    public static TheoryData<string, byte[]> Executables => new()
    {
        { "ELF", SampleFiles.Elf() },
        { "MZ", SampleFiles.WindowsExecutable() },
    };

    [Theory]
    [MemberData(nameof(Executables))]
    public async Task Accept_AnExecutableRenamedToPdf_IsRefusedAndNothingIsStored(string kind, byte[] content)
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => AcceptAsync(content, "rapport.pdf"));

        Assert.True(refusal.Said() == "Filtypen stöds inte. Bifoga PDF, Word (.docx), OpenDocument-text (.odt) eller Excel (.xlsx).", kind);
        Assert.Equal("Filtypen stöds inte. Bifoga PDF, Word (.docx), OpenDocument-text (.odt) eller Excel (.xlsx).", refusal.Said());
        Assert.Empty(_folder.Files());
    }

    [Fact]
    public async Task Accept_AZipWithoutOfficePartsNamedDocx_IsRefusedAndNothingIsStored()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => AcceptAsync(SampleFiles.PlainZip(), "Yttrande.docx"));

        Assert.Equal("Filtypen stöds inte. Bifoga PDF, Word (.docx), OpenDocument-text (.odt) eller Excel (.xlsx).", refusal.Said());
        Assert.Empty(_folder.Files());
    }

    [Fact]
    public async Task Accept_AZipBomb_IsRefusedAsUnreadableAndNothingIsStored()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => AcceptAsync(SampleFiles.ZipBomb(), "Yttrande.docx"));

        Assert.Equal("Filen kunde inte läsas som ett giltigt dokument.", refusal.Said());
        Assert.Empty(_folder.Files());
    }

    [Fact]
    public async Task Accept_AnEncryptedDocx_IsRefusedAsUnreadable()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => AcceptAsync(SampleFiles.EncryptedDocx(), "Yttrande.docx"));

        Assert.Equal("Filen kunde inte läsas som ett giltigt dokument.", refusal.Said());
        Assert.Empty(_folder.Files());
    }

    [Fact]
    public async Task Accept_OneByteOver25Mb_IsRefusedAndNothingIsStored()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => AcceptAsync(SampleFiles.PdfOfSize(AttachmentFile.MaxSizeBytes + 1), "stor.pdf"));

        Assert.Equal("Filen är för stor. En bilaga får vara högst 25 MB.", refusal.Said());
        Assert.Empty(_folder.Files());
    }

    [Fact]
    public async Task Accept_Exactly25Mb_IsAccepted()
    {
        var file = await AcceptAsync(SampleFiles.PdfOfSize(AttachmentFile.MaxSizeBytes), "stor.pdf");

        Assert.Equal(25L * 1024 * 1024, file.SizeBytes);
        Assert.Single(_folder.Files());
    }

    [Fact]
    public async Task Accept_AStreamThatClaimsToBeSmallButNeverEnds_IsReadNoFurtherThanTheLimitAndRefused()
    {
        var endless = new EndlessPdfStream();

        var refusal = await Assert.ThrowsAsync<DomainException>(() => _intake.AcceptAsync(Tenant, endless, "liten.pdf", CancellationToken.None));

        Assert.Equal("Filen är för stor. En bilaga får vara högst 25 MB.", refusal.Said());
        Assert.Equal(AttachmentFile.MaxSizeBytes + 1, endless.BytesRead);
        Assert.Empty(_folder.Files());
    }

    [Fact]
    public async Task Accept_AnEmptyFile_IsRefusedAndNothingIsStored()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => AcceptAsync([], "tom.pdf"));

        Assert.Equal("Filen är tom.", refusal.Said());
        Assert.Empty(_folder.Files());
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("..\\..\\Windows\\system.ini.pdf")]
    [InlineData("faktura\u202Efdp.exe")]
    [InlineData("faktura\u202Egpj.pdf")]
    [InlineData("rad\r\nbrytning\0.pdf")]
    [InlineData("\u200B")]
    public async Task Accept_ANameWithFoldersOrControlOrFormatCharacters_IsRefusedAndNothingIsStored(string name)
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => AcceptAsync(SampleFiles.Pdf(), name));

        Assert.Equal("Filnamnet får inte innehålla mappar eller kontrolltecken. Byt namn på filen och försök igen.", refusal.Said());
        Assert.Equal(Field.File, Assert.Single(refusal.Refusals).Subject.Field);
        Assert.Empty(_folder.Files());
    }

    [Fact]
    public async Task Accept_ANameWithFolders_IsRefusedBeforeTheContentIsRead()
    {
        using var content = new UnreadableStream();

        await Assert.ThrowsAsync<DomainException>(() => _intake.AcceptAsync(Tenant, content, "../x.pdf", CancellationToken.None));
    }

    [Fact]
    public async Task Accept_ARefusedName_LogsAWarningWithTheTenantAndWhyButNotTheName()
    {
        await Assert.ThrowsAsync<DomainException>(() => AcceptAsync(SampleFiles.Pdf(), "../hemlig-rapport.pdf"));

        var warning = Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains(Tenant.ToString(), warning.Message, StringComparison.Ordinal);
        Assert.Contains("path separator", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hemlig", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>.pdf", "script.pdf")]
    [InlineData("Svar: \"fråga 1\"?.pdf", "Svar fråga 1.pdf")]
    [InlineData(null, "bilaga.pdf")]
    public async Task Accept_AnAwkwardButInnocentName_IsCleaned(string? name, string storedName)
    {
        var file = await AcceptAsync(SampleFiles.Pdf(), name);

        Assert.Equal(storedName, file.FileName);
        Assert.True(LocalFileStorage.IsStorageKey(file.StorageKey), file.StorageKey);
        Assert.Equal([$"{Tenant:N}/{file.StorageKey}"], _folder.Files());
    }

    [Fact]
    public async Task Accept_ARefusal_LogsAWarningWithTheTenantAndTheReasonButNotTheName()
    {
        await Assert.ThrowsAsync<DomainException>(() => AcceptAsync(SampleFiles.Elf(), "hemlig-rapport.pdf"));

        var warning = Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains(Tenant.ToString(), warning.Message, StringComparison.Ordinal);
        Assert.Contains("UnknownType", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hemlig", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_AZipBomb_LogsThatTheArchiveWasUnsafe()
    {
        await Assert.ThrowsAsync<DomainException>(() => AcceptAsync(SampleFiles.ZipBomb(), "Yttrande.docx"));

        var warning = Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("UnsafeArchive", warning.Message, StringComparison.Ordinal);
    }

    private async Task<AttachmentFile> AcceptAsync(byte[] content, string? name)
    {
        using var stream = new MemoryStream(content, writable: false);
        return await _intake.AcceptAsync(Tenant, stream, name, CancellationToken.None);
    }

    private async Task<byte[]> ReadStoredAsync(AttachmentFile file)
    {
        await using var stream = await _storage.OpenReadAsync(Tenant, file.StorageKey, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A body that fails the test if anything reads it.</summary>
    private sealed class UnreadableStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The content was read.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw new InvalidOperationException("The content was read.");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw new InvalidOperationException("The content was read.");
    }
}
