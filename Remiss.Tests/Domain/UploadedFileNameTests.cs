namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;
using Remiss.Tests.TestSupport;

/// <summary>The name an upload arrives with: folders, control and format characters are refused, not cleaned.</summary>
public sealed class UploadedFileNameTests
{
    [Theory]
    [InlineData("Protokollsutdrag TN § 123.pdf")]
    [InlineData("Yttrande Miljönämnden.docx")]
    [InlineData("Rapport \U0001F4C4.pdf")]
    [InlineData("Svar <fråga> 1|2?*:\".pdf")]
    [InlineData("arkiv.tar.gz")]
    [InlineData("Protokoll..utdrag.pdf")]
    [InlineData("...pdf")]
    [InlineData(".htaccess")]
    [InlineData("")]
    [InlineData(null)]
    public void AnOrdinaryOrMerelyAwkwardName_IsAcceptable(string? name)
    {
        Assert.Null(UploadedFileName.Problem(name));
        UploadedFileName.EnsureAcceptable(name);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("..\\x.pdf")]
    [InlineData("mapp/fil.pdf")]
    [InlineData("mapp\\fil.pdf")]
    [InlineData("/fil.pdf")]
    [InlineData("fil.pdf/")]
    [InlineData("..")]
    [InlineData(" .. ")]
    public void ANameWithFolders_IsRefused(string name)
    {
        var e = Assert.Throws<DomainException>(() => UploadedFileName.EnsureAcceptable(name));

        e.AssertRefused(Field.File, RefusalKey.UnsafeFileName);
    }

    [Fact]
    public void ANameWithAnyC0ControlCharacter_IsRefused()
    {
        for (var c = '\u0000'; c < '\u0020'; c++)
        {
            var e = Assert.Throws<DomainException>(() => UploadedFileName.EnsureAcceptable($"rap{c}port.pdf"));
            e.AssertRefused(Field.File, RefusalKey.UnsafeFileName);
        }
    }

    [Theory]
    [InlineData("radera\u007F.pdf")]
    [InlineData("nästa rad\u0085.pdf")]
    [InlineData("\u009Bcsi.pdf")]
    public void ANameWithDeleteOrAC1ControlCharacter_IsRefused(string name)
    {
        Assert.Throws<DomainException>(() => UploadedFileName.EnsureAcceptable(name));
    }

    [Theory]
    [InlineData("faktura\u202Efdp.exe")]
    [InlineData("faktura\u202Dfdp.pdf")]
    [InlineData("a\u200Bb.pdf")]
    [InlineData("\uFEFFrapport.pdf")]
    [InlineData("isolat\u2066.pdf")]
    [InlineData("mjuk\u00ADbindestreck.pdf")]
    public void ANameWithAFormatCharacter_IsRefused(string name)
    {
        Assert.Throws<DomainException>(() => UploadedFileName.EnsureAcceptable(name));
    }

    [Theory]
    [InlineData("../x.pdf", "path separator")]
    [InlineData("..", "parent-folder")]
    [InlineData("a\u0000.pdf", "control character")]
    [InlineData("a\u202E.pdf", "format character")]
    public void TheProblem_SaysWhyInWordsForTheLog_WithoutTheName(string name, string why)
    {
        var problem = UploadedFileName.Problem(name);

        Assert.NotNull(problem);
        Assert.Contains(why, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("x.pdf", problem, StringComparison.Ordinal);
    }
}
