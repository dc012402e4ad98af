namespace Remiss.Tests.Features.Account;

using Remiss.Infrastructure.Identity;

/// <summary>What a person types as a code is read as the app's code or a recovery code, however it is spaced.</summary>
public sealed class TwoStepCodeTests
{
    [Theory]
    [InlineData("123456", "123456")]
    [InlineData(" 123 456 ", "123456")]
    [InlineData("abcde-fghjk", "ABCDE-FGHJK")]
    [InlineData("ABCDEFGHJK", "ABCDE-FGHJK")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalise_RemovesSpaces_AndGivesARecoveryCodeItsCapitalsAndDash(string? typed, string expected) =>
        Assert.Equal(expected, TwoStepVerification.Normalise(typed));

    [Theory]
    [InlineData("123 456", true)]
    [InlineData("12345", false)]
    [InlineData("1234567", false)]
    [InlineData("ABCDE-FGHJK", false)]
    public void IsAppCode_OnlyForSixDigits(string typed, bool expected) => Assert.Equal(expected, TwoStepVerification.IsAppCode(typed));

    [Fact]
    public void Readable_GroupsTheKeyInFours() => Assert.Equal("ABCD EFGH IJ", TwoStepVerification.Readable("ABCDEFGHIJ"));

    [Fact]
    public void AuthenticatorUri_NamesRemissAsIssuer_AndTheAccount() =>
        Assert.Equal(
            "otpauth://totp/Remiss%3Aasa%40malmo.example?secret=ABCD&issuer=Remiss&digits=6",
            TwoStepVerification.AuthenticatorUri("asa@malmo.example", "ABCD"));
}
