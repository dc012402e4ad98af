namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;
using Remiss.Tests.TestSupport;

/// <summary>The small checks on typed text shared by every entity, and the refusals they raise.</summary>
public sealed class TextAndExceptionTests
{
    // ---- Text ------------------------------------------------------------------------------------------

    [Fact]
    public void Required_Trims()
    {
        Assert.Equal("Malmö", Text.Required("  Malmö \t", Field.Name, 10));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\n ")]
    public void Required_Blank_IsRefusedNamingTheField(string? value)
    {
        var e = Assert.Throws<DomainException>(() => Text.Required(value, Field.Title, 10));
        e.AssertRefused(Field.Title, RefusalKey.Required);
        e.AssertRefused(Field.Title, RefusalKey.Required);
    }

    [Fact]
    public void Required_AtTheLimitAfterTrimming_IsAllowed()
    {
        Assert.Equal("abcde", Text.Required("  abcde  ", Field.Title, 5));
    }

    [Fact]
    public void Required_TooLong_IsRefusedWithTheLimitInSwedishFormat()
    {
        var e = Assert.Throws<DomainException>(() => Text.Required(new string('x', 200_001), Field.Description, 200_000));
        e.AssertRefused(Field.Description, RefusalKey.MaxLength, 200_000);
        Assert.Equal("Beskrivning får vara högst 200\u00a0000 tecken.", e.Said());
    }

    [Fact]
    public void Required_OfAFieldWithAnIndex_NamesItsRow()
    {
        var e = Assert.Throws<DomainException>(() => Text.Required(" ", new Subject(Field.SignatoryName, 2), 200));
        e.AssertRefused(new Subject(Field.SignatoryName, 2), RefusalKey.Required);
        e.AssertRefused(new Subject(Field.SignatoryName, 2), RefusalKey.Required);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Optional_Blank_IsNull(string? value)
    {
        Assert.Null(Text.Optional(value, Field.ContactName, 10));
    }

    [Fact]
    public void Optional_TrimsAndRefusesTooLong()
    {
        Assert.Equal("Anna", Text.Optional(" Anna ", Field.ContactName, 4));
        var e = Assert.Throws<DomainException>(() => Text.Optional("Annika", Field.ContactName, 4));
        e.AssertRefused(Field.ContactName, RefusalKey.MaxLength, 4);
    }

    [Theory]
    [InlineData("registrator@malmo.se")]
    [InlineData("anna.andersson@stadskontoret.malmo.se")]
    [InlineData("kansli+remiss@lund.se")]
    public void OptionalEmail_AValidAddress_IsKept(string email)
    {
        Assert.Equal(email, Text.OptionalEmail($"  {email} ", Field.Email));
    }

    [Fact]
    public void OptionalEmail_Blank_IsNull()
    {
        Assert.Null(Text.OptionalEmail("  ", Field.Email));
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
        var e = Assert.Throws<DomainException>(() => Text.OptionalEmail(email, Field.Email));
        e.AssertRefused(Field.Email, RefusalKey.InvalidEmail);
    }

    [Fact]
    public void OptionalEmail_LongerThanAnAddressCanBe_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => Text.OptionalEmail(new string('a', 250) + "@x.se", Field.Email));
        e.AssertRefused(Field.Email, RefusalKey.MaxLength, 254);
    }

    // ---- DomainException -------------------------------------------------------------------------------

    [Fact]
    public void DomainException_WithOneRefusal_HasItAsItsOnlyOne()
    {
        var e = new DomainException(Field.File, RefusalKey.FileEmpty);

        var refusal = Assert.Single(e.Refusals);
        Assert.Equal(new Subject(Field.File), refusal.Subject);
        Assert.Equal(RefusalKey.FileEmpty, refusal.Key);
        Assert.Empty(refusal.Arguments);
    }

    [Fact]
    public void DomainException_WithSeveralRefusals_NamesEachInTheMessageForTheLog()
    {
        var e = new DomainException([new Refusal(Field.Recipients, RefusalKey.NoRecipients), new Refusal(new Subject(Field.QuestionText, 3), RefusalKey.MaxLength, 4_000)]);

        Assert.Equal("NoRecipients(Recipients); MaxLength(QuestionText 3; 4000)", e.Message);
        Assert.Equal(2, e.Refusals.Count);
    }

    [Fact]
    public void DomainException_WithoutRefusals_SaysTheActionIsNotAllowed()
    {
        var e = new DomainException();

        e.AssertRefused(Subject.Form, RefusalKey.NotAllowed);
        e.AssertRefused(Field.Form, RefusalKey.NotAllowed);
    }

    [Fact]
    public void DomainException_WithAnEmptyList_CannotBeMade()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DomainException(Array.Empty<Refusal>()));
    }

    [Fact]
    public void DomainException_About_MovesEveryRefusalToTheGivenSubject()
    {
        var e = new DomainException(Field.Name, RefusalKey.Required).About(new Subject(Field.SectionName, 2));

        e.AssertRefused(new Subject(Field.SectionName, 2), RefusalKey.Required);
    }

    // ---- ConcurrencyConflictException ------------------------------------------------------------------

    [Fact]
    public void ConcurrencyConflictException_CarriesTheCurrentVersion()
    {
        var e = new ConcurrencyConflictException(new Refusal(Field.Form, RefusalKey.ResponseSavedMeanwhile), 7);

        Assert.Equal(7, e.CurrentVersion);
        Assert.Equal(RefusalKey.ResponseSavedMeanwhile, e.Refusal.Key);
        Assert.Equal("ResponseSavedMeanwhile(Form)", e.Message);
    }

    [Fact]
    public void ConcurrencyConflictException_WithoutArguments_SaysSomeoneSavedMeanwhile()
    {
        var e = new ConcurrencyConflictException();

        Assert.Equal("Någon annan har sparat under tiden.", new[] { e.Refusal }.Said().Single());
        Assert.Equal(0, e.CurrentVersion);
    }
}
