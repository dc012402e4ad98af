namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;

/// <summary>The one way of saying counts, dates and file sizes in Swedish (Språkrådet): "1 remiss", "1 december 2026 kl. 22.52", "594 kB".</summary>
public sealed class SwedishWordsTests
{
    [Theory]
    [InlineData(0, "0 remisser")]
    [InlineData(1, "1 remiss")]
    [InlineData(2, "2 remisser")]
    [InlineData(1200, "1\u00a0200 remisser")]
    public void Count_AgreesWithTheNumber(long count, string said)
    {
        Assert.Equal(said, SwedishPlural.Count(count, "remiss", "remisser"));
    }

    [Fact]
    public void Word_IsSingularOnlyForOne()
    {
        Assert.Equal("remissinstans", SwedishPlural.Word(1, "remissinstans", "remissinstanser"));
        Assert.Equal("remissinstanser", SwedishPlural.Word(0, "remissinstans", "remissinstanser"));
        Assert.Equal("remissinstanser", SwedishPlural.Word(15, "remissinstans", "remissinstanser"));
    }

    [Fact]
    public void DateAndTime_IsTheDayInWords_AndTheClockWithAFullStopAfterKl()
    {
        Assert.Equal("1 december 2026 kl. 22.52", SwedishDates.DateAndTime(new DateTime(2026, 12, 1, 22, 52, 0)));
        Assert.Equal("9 januari 2027 kl. 08.05", SwedishDates.DateAndTime(new DateTime(2027, 1, 9, 8, 5, 0)));
    }

    [Fact]
    public void Date_HasNoLeadingZeroAndTheMonthInFull()
    {
        Assert.Equal("1 december 2026", SwedishDates.Date(new DateOnly(2026, 12, 1)));
        Assert.Equal("30 maj 2027", SwedishDates.Date(new DateOnly(2027, 5, 30)));
    }

    [Theory]
    [InlineData(1, "1 kB")]
    [InlineData(594, "1 kB")]
    [InlineData(1024, "1 kB")]
    [InlineData(1025, "2 kB")]
    [InlineData(340 * 1024, "340 kB")]
    [InlineData((1024 * 1024) + (205 * 1024), "1,2 MB")]
    [InlineData(25L * 1024 * 1024, "25,0 MB")]
    public void FileSize_IsInKilobytesOrMegabytes_NeverInBytes(long bytes, string said)
    {
        Assert.Equal(said, FileSize.Format(bytes));
    }
}
