namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;

/// <summary>The small checks on typed text shared by every entity, and the refusals they raise.</summary>
public sealed class TextAndExceptionTests
{
    // ---- Text ------------------------------------------------------------------------------------------

    [Fact]
    public void Required_Trims()
    {
        Assert.Equal("Malmö", Text.Required("  Malmö \t", "Namn", 10));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\n ")]
    public void Required_Blank_IsRefusedNamingTheField(string? value)
    {
        var e = Assert.Throws<DomainException>(() => Text.Required(value, "Titel", 10));
        Assert.Equal("Titel måste fyllas i.", e.Message);
    }

    [Fact]
    public void Required_AtTheLimitAfterTrimming_IsAllowed()
    {
        Assert.Equal("abcde", Text.Required("  abcde  ", "Titel", 5));
    }

    [Fact]
    public void Required_TooLong_IsRefusedWithTheLimitInSwedishFormat()
    {
        var e = Assert.Throws<DomainException>(() => Text.Required(new string('x', 200_001), "Beskrivning", 200_000));
        Assert.Equal("Beskrivning får vara högst 200\u00a0000 tecken.", e.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Optional_Blank_IsNull(string? value)
    {
        Assert.Null(Text.Optional(value, "Kontaktperson", 10));
    }

    [Fact]
    public void Optional_TrimsAndRefusesTooLong()
    {
        Assert.Equal("Anna", Text.Optional(" Anna ", "Kontaktperson", 4));
        var e = Assert.Throws<DomainException>(() => Text.Optional("Annika", "Kontaktperson", 4));
        Assert.Equal("Kontaktperson får vara högst 4 tecken.", e.Message);
    }

    [Theory]
    [InlineData("registrator@malmo.se")]
    [InlineData("anna.andersson@stadskontoret.malmo.se")]
    [InlineData("kansli+remiss@lund.se")]
    public void OptionalEmail_AValidAddress_IsKept(string email)
    {
        Assert.Equal(email, Text.OptionalEmail($"  {email} ", "E-post"));
    }

    [Fact]
    public void OptionalEmail_Blank_IsNull()
    {
        Assert.Null(Text.OptionalEmail("  ", "E-post"));
    }

    [Theory]
    [InlineData("registrator")]
    [InlineData("registrator@")]
    [InlineData("@malmo.se")]
    [InlineData("registrator@malmo")]
    [InlineData("Registrator <registrator@malmo.se>")]
    [InlineData("a@b.se, c@d.se")]
    public void OptionalEmail_NotAnAddress_IsRefused(string email)
    {
        var e = Assert.Throws<DomainException>(() => Text.OptionalEmail(email, "E-post"));
        Assert.Equal("E-post måste vara en giltig e-postadress.", e.Message);
    }

    [Fact]
    public void OptionalEmail_LongerThanAnAddressCanBe_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => Text.OptionalEmail(new string('a', 250) + "@x.se", "E-post"));
        Assert.Contains("E-post får vara högst 254 tecken", e.Message);
    }

    // ---- DomainException -------------------------------------------------------------------------------

    [Fact]
    public void DomainException_WithOneMessage_HasItAsItsOnlyProblem()
    {
        var e = new DomainException("Filen är tom.");

        Assert.Equal("Filen är tom.", e.Message);
        Assert.Equal(["Filen är tom."], e.Problems);
    }

    [Fact]
    public void DomainException_WithSeveralProblems_JoinsThemInTheMessage()
    {
        var e = new DomainException(["Välj minst en remissinstans.", "Remissen behöver minst en remissfråga."]);

        Assert.Equal("Välj minst en remissinstans. Remissen behöver minst en remissfråga.", e.Message);
        Assert.Equal(2, e.Problems.Count);
    }

    [Fact]
    public void DomainException_WithoutMessage_SaysTheActionIsNotAllowed()
    {
        var e = new DomainException();

        Assert.Equal("Åtgärden är inte tillåten.", e.Message);
        Assert.Single(e.Problems);
    }

    [Fact]
    public void DomainException_WithInnerException_KeepsIt()
    {
        var inner = new InvalidOperationException("inre");

        var e = new DomainException("Yttre.", inner);

        Assert.Same(inner, e.InnerException);
        Assert.Equal(["Yttre."], e.Problems);
    }

    // ---- ConcurrencyConflictException ------------------------------------------------------------------

    [Fact]
    public void ConcurrencyConflictException_CarriesTheCurrentVersion()
    {
        var e = new ConcurrencyConflictException("Någon annan har sparat.", 7);

        Assert.Equal(7, e.CurrentVersion);
        Assert.Equal("Någon annan har sparat.", e.Message);
    }

    [Fact]
    public void ConcurrencyConflictException_WithoutArguments_HasASwedishMessage()
    {
        var e = new ConcurrencyConflictException();

        Assert.Contains("Någon annan har sparat under tiden", e.Message);
        Assert.Equal(0, e.CurrentVersion);
    }
}
