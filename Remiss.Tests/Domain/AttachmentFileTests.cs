namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>Bilagor: a size limit, and a file name that is safe to store and to send back.</summary>
public sealed class AttachmentFileTests
{
    private const string Sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    // ---- Create ----------------------------------------------------------------------------------------

    [Fact]
    public void Create_KeepsTheCheckedFile()
    {
        var file = AttachmentFile.Create("Protokollsutdrag.pdf", AttachmentFileType.Pdf, 120_000, "malmo/abc", Sha256);

        Assert.Equal("Protokollsutdrag.pdf", file.FileName);
        Assert.Equal(AttachmentFileType.Pdf, file.FileType);
        Assert.Equal(120_000, file.SizeBytes);
        Assert.Equal("malmo/abc", file.StorageKey);
        Assert.Equal(Sha256, file.Sha256);
    }

    [Fact]
    public void Create_ExactlyTwentyFiveMegabytes_IsAllowed()
    {
        var file = AttachmentFile.Create("stor.pdf", AttachmentFileType.Pdf, 25L * 1024 * 1024, "k", Sha256);

        Assert.Equal(AttachmentFile.MaxSizeBytes, file.SizeBytes);
    }

    [Fact]
    public void Create_OneByteOverTwentyFiveMegabytes_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => AttachmentFile.Create("stor.pdf", AttachmentFileType.Pdf, AttachmentFile.MaxSizeBytes + 1, "k", Sha256));
        e.AssertRefused(Field.File, RefusalKey.FileTooLarge);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Create_AnEmptyFile_IsRefused(long size)
    {
        var e = Assert.Throws<DomainException>(() => AttachmentFile.Create("tom.pdf", AttachmentFileType.Pdf, size, "k", Sha256));
        e.AssertRefused(Field.File, RefusalKey.FileEmpty);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("..\\x.pdf")]
    [InlineData("C:\\Users\\anna\\Dokument\\Remissvar.pdf")]
    [InlineData("/var/tmp/budget.pdf")]
    [InlineData("uploads/")]
    [InlineData("..")]
    public void Create_ANameWithFolders_IsRefusedRatherThanCleaned(string name)
    {
        var e = Assert.Throws<DomainException>(() => AttachmentFile.Create(name, AttachmentFileType.Pdf, 10, "k", Sha256));

        e.AssertRefused(Field.File, RefusalKey.UnsafeFileName);
    }

    [Theory]
    [InlineData("rap\u0000port.pdf")]
    [InlineData("rad\r\nbrytning.pdf")]
    [InlineData("flik\tnamn.pdf")]
    [InlineData("klocka\u0007.pdf")]
    [InlineData("radera\u007F.pdf")]
    [InlineData("c1\u0085.pdf")]
    public void Create_ANameWithAControlCharacter_IsRefused(string name)
    {
        var e = Assert.Throws<DomainException>(() => AttachmentFile.Create(name, AttachmentFileType.Pdf, 10, "k", Sha256));

        e.AssertRefused(Field.File, RefusalKey.UnsafeFileName);
    }

    [Theory]
    [InlineData("faktura\u202Efdp.exe")]
    [InlineData("faktura\u202Egpj.pdf")]
    [InlineData("a\u200Bb.pdf")]
    [InlineData("\uFEFFrapport.pdf")]
    [InlineData("isolat\u2066.pdf")]
    public void Create_ANameWithAFormatCharacterSuchAsARightToLeftOverride_IsRefused(string name)
    {
        var e = Assert.Throws<DomainException>(() => AttachmentFile.Create(name, AttachmentFileType.Pdf, 10, "k", Sha256));

        e.AssertRefused(Field.File, RefusalKey.UnsafeFileName);
    }

    [Theory]
    [InlineData("Svar <fråga> 1|2?*:\".pdf", AttachmentFileType.Pdf, "Svar fråga 12.pdf")]
    [InlineData("faktura.exe", AttachmentFileType.Pdf, "faktura.pdf")]
    [InlineData("Protokoll..utdrag.docx", AttachmentFileType.Docx, "Protokoll..utdrag.docx")]
    [InlineData("  ..rapport.. .pdf", AttachmentFileType.Pdf, "rapport.pdf")]
    [InlineData(null, AttachmentFileType.Odt, "bilaga.odt")]
    public void Create_AnAwkwardButInnocentName_IsCleaned(string? name, AttachmentFileType type, string expected)
    {
        Assert.Equal(expected, AttachmentFile.Create(name, type, 10, "k", Sha256).FileName);
    }

    [Fact]
    public void Create_ALongName_IsCutToOneHundredFiftyCharacters()
    {
        Assert.Equal(new string('a', 150) + ".pdf", AttachmentFile.Create(new string('a', 300) + ".pdf", AttachmentFileType.Pdf, 10, "k", Sha256).FileName);
    }

    [Fact]
    public void Create_ANameWithFolders_IsRefusedBeforeTheSizeIsLookedAt()
    {
        var e = Assert.Throws<DomainException>(() => AttachmentFile.Create("../stor.pdf", AttachmentFileType.Pdf, AttachmentFile.MaxSizeBytes + 1, "k", Sha256));

        e.AssertRefused(Field.File, RefusalKey.UnsafeFileName);
    }

    // ---- Content types ---------------------------------------------------------------------------------

    [Theory]
    [InlineData(AttachmentFileType.Pdf, "application/pdf", ".pdf")]
    [InlineData(AttachmentFileType.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")]
    [InlineData(AttachmentFileType.Odt, "application/vnd.oasis.opendocument.text", ".odt")]
    [InlineData(AttachmentFileType.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx")]
    public void EachType_HasItsContentTypeAndExtension(AttachmentFileType type, string contentType, string extension)
    {
        Assert.Equal(contentType, AttachmentFile.ContentTypeOf(type));
        Assert.Equal(extension, AttachmentFile.ExtensionOf(type));
    }

    [Fact]
    public void AnUnknownType_HasNoContentTypeOrExtension()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AttachmentFile.ContentTypeOf((AttachmentFileType)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => AttachmentFile.ExtensionOf((AttachmentFileType)9));
    }

    // ---- CleanFileName ---------------------------------------------------------------------------------
    // Uploaded names with folders, control or format characters are refused before they are cleaned (above); the
    // cleaning still drops them from the names the product makes itself, such as a document named after a title.

    [Theory]
    [InlineData("Protokollsutdrag TN § 123.pdf", AttachmentFileType.Pdf, "Protokollsutdrag TN § 123.pdf")]
    [InlineData("Yttrande Miljönämnden.docx", AttachmentFileType.Docx, "Yttrande Miljönämnden.docx")]
    [InlineData("../../../etc/passwd", AttachmentFileType.Pdf, "passwd.pdf")]
    [InlineData("..\\..\\Windows\\system32\\config.docx", AttachmentFileType.Docx, "config.docx")]
    [InlineData("C:\\Users\\anna\\Dokument\\Remissvar.odt", AttachmentFileType.Odt, "Remissvar.odt")]
    [InlineData("/var/tmp/budget.xlsx", AttachmentFileType.Xlsx, "budget.xlsx")]
    public void CleanFileName_StripsFolders(string name, AttachmentFileType type, string expected)
    {
        Assert.Equal(expected, AttachmentFile.CleanFileName(name, type));
    }

    [Theory]
    [InlineData("faktura.exe", AttachmentFileType.Pdf, "faktura.pdf")]
    [InlineData("yttrande.PDF", AttachmentFileType.Docx, "yttrande.docx")]
    [InlineData("rapport", AttachmentFileType.Pdf, "rapport.pdf")]
    [InlineData("arkiv.tar.gz", AttachmentFileType.Xlsx, "arkiv.tar.xlsx")]
    [InlineData("yttrande.pdf", AttachmentFileType.Pdf, "yttrande.pdf")]
    public void CleanFileName_ForcesTheExtensionOfTheRealType(string name, AttachmentFileType type, string expected)
    {
        Assert.Equal(expected, AttachmentFile.CleanFileName(name, type));
    }

    [Fact]
    public void CleanFileName_RemovesARightToLeftOverride()
    {
        // "faktura‮fdp.exe" shows as "fakturaexe.pdf" in a right-to-left aware display.
        var cleaned = AttachmentFile.CleanFileName("faktura\u202Efdp.exe", AttachmentFileType.Pdf);

        Assert.Equal("fakturafdp.pdf", cleaned);
        Assert.DoesNotContain('\u202E', cleaned);
    }

    [Fact]
    public void CleanFileName_RemovesOtherFormatCharacters()
    {
        Assert.Equal("abc.pdf", AttachmentFile.CleanFileName("a\u200Bb\u202Dc\u2066.pdf", AttachmentFileType.Pdf));
    }

    [Fact]
    public void CleanFileName_RemovesControlCharacters()
    {
        Assert.Equal("rapport2023.pdf", AttachmentFile.CleanFileName("rap\u0000port\r\n20\t23\u007F.pdf", AttachmentFileType.Pdf));
    }

    [Fact]
    public void CleanFileName_RemovesCharactersWindowsRefuses()
    {
        Assert.Equal("Svar fråga 12.pdf", AttachmentFile.CleanFileName("Svar <fråga> 1|2?*:\".pdf", AttachmentFileType.Pdf));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("....pdf")]
    [InlineData("uploads/")]
    [InlineData("\u202E\u0000.pdf")]
    [InlineData("<>:|?*.pdf")]
    public void CleanFileName_OfANameWithNothingLeft_IsBilaga(string? name)
    {
        var cleaned = AttachmentFile.CleanFileName(name, AttachmentFileType.Pdf);

        Assert.Equal("bilaga.pdf", cleaned);
    }

    [Theory]
    [InlineData(".htaccess", "htaccess.pdf")]
    [InlineData(".pdf", "pdf.pdf")]
    public void CleanFileName_OfAHiddenFileName_DropsTheLeadingDot(string name, string expected)
    {
        Assert.Equal(expected, AttachmentFile.CleanFileName(name, AttachmentFileType.Pdf));
    }

    [Fact]
    public void CleanFileName_OfAnEmptyName_IsBilaga()
    {
        Assert.Equal("bilaga.docx", AttachmentFile.CleanFileName("", AttachmentFileType.Docx));
        Assert.Equal("bilaga.docx", AttachmentFile.CleanFileName(null, AttachmentFileType.Docx));
    }

    [Fact]
    public void CleanFileName_TrimsSpacesAndDotsAroundTheName()
    {
        Assert.Equal("rapport.pdf", AttachmentFile.CleanFileName("  ..rapport.. .pdf", AttachmentFileType.Pdf));
    }

    [Fact]
    public void CleanFileName_CutsALongNameToOneHundredFiftyCharactersBeforeTheExtension()
    {
        var cleaned = AttachmentFile.CleanFileName(new string('a', 300) + ".pdf", AttachmentFileType.Pdf);

        Assert.Equal(new string('a', 150) + ".pdf", cleaned);
    }

    [Fact]
    public void CleanFileName_KeepsANameOfExactlyOneHundredFiftyCharacters()
    {
        var name = new string('å', 150);

        Assert.Equal(name + ".odt", AttachmentFile.CleanFileName(name + ".odt", AttachmentFileType.Odt));
    }

    /// <summary>Bug: the cut at 150 UTF-16 code units can split a surrogate pair, leaving half an emoji in the name.</summary>
    [Fact]
    public void CleanFileName_CuttingALongName_DoesNotSplitACharacter()
    {
        var name = new string('a', 149) + "\U0001F4C4" + "rest.pdf";

        var cleaned = AttachmentFile.CleanFileName(name, AttachmentFileType.Pdf);

        Assert.DoesNotContain(cleaned, char.IsSurrogate);
        Assert.StartsWith(new string('a', 149), cleaned, StringComparison.Ordinal);
        Assert.EndsWith(".pdf", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void CleanFileName_KeepsAnEmojiThatFits()
    {
        Assert.Equal("Rapport \U0001F4C4.pdf", AttachmentFile.CleanFileName("Rapport \U0001F4C4.pdf", AttachmentFileType.Pdf));
    }

    // ---- Attachment ------------------------------------------------------------------------------------

    [Fact]
    public void Attachment_CarriesTheFilesMetadataAndContentType()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());
        var file = AttachmentFile.Create("Beslut.xlsx", AttachmentFileType.Xlsx, 2_048, "malmo/xyz", Sha256);

        var attachment = recipient.AddAttachment(file, A.Namndsekreterare, A.Now);

        Assert.Equal("Beslut.xlsx", attachment.FileName);
        Assert.Equal(AttachmentFileType.Xlsx, attachment.FileType);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", attachment.ContentType);
        Assert.Equal(2_048, attachment.SizeBytes);
        Assert.Equal("malmo/xyz", attachment.StorageKey);
        Assert.Equal(Sha256, attachment.Sha256);
        Assert.Equal(A.Now, attachment.UploadedAt);
    }
}
