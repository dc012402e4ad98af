namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;
using Remiss.Tests.TestSupport;

/// <summary>
/// Deadlines are calendar dates in the tenant's time zone: on time until 23:59:59 Swedish time that day,
/// whatever daylight saving time does. Sweden is CET (UTC+1) in winter and CEST (UTC+2) in summer; in 2023
/// summer time ended on 29 October at 03:00 CEST, in 2024 it began on 31 March at 02:00 CET.
/// </summary>
public sealed class TenantCalendarTests
{
    private static readonly TenantCalendar Stockholm = TenantCalendar.Stockholm();

    private static DateTime Utc(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    // ---- EndOfDayUtc -----------------------------------------------------------------------------------

    [Fact]
    public void Stockholm_IsEuropeStockholm()
    {
        Assert.Equal("Europe/Stockholm", Stockholm.TimeZone.Id);
        Assert.Equal("Europe/Stockholm", TenantCalendar.DefaultTimeZoneId);
    }

    [Fact]
    public void EndOfDayUtc_InWinter_Is225959Utc()
    {
        // Sista svarsdag 30 november 2023 (STK-2023-137): on time until 23:59:59 CET.
        Assert.Equal(Utc(2023, 11, 30, 22, 59, 59), Stockholm.EndOfDayUtc(new DateOnly(2023, 11, 30)));
    }

    [Fact]
    public void EndOfDayUtc_InSummer_Is215959Utc()
    {
        Assert.Equal(Utc(2024, 6, 30, 21, 59, 59), Stockholm.EndOfDayUtc(new DateOnly(2024, 6, 30)));
    }

    [Fact]
    public void EndOfDayUtc_OnTheDaySummerTimeEnds_IsInWinterTime()
    {
        // 29 October 2023 began in CEST and ends in CET: 23:59:59 CET is 22:59:59 UTC.
        Assert.Equal(Utc(2023, 10, 29, 22, 59, 59), Stockholm.EndOfDayUtc(new DateOnly(2023, 10, 29)));
    }

    [Fact]
    public void EndOfDayUtc_TheDayBeforeSummerTimeEnds_IsInSummerTime()
    {
        Assert.Equal(Utc(2023, 10, 28, 21, 59, 59), Stockholm.EndOfDayUtc(new DateOnly(2023, 10, 28)));
    }

    [Fact]
    public void EndOfDayUtc_OnTheDaySummerTimeBegins_IsInSummerTime()
    {
        // 31 March 2024 began in CET and ends in CEST: 23:59:59 CEST is 21:59:59 UTC.
        Assert.Equal(Utc(2024, 3, 31, 21, 59, 59), Stockholm.EndOfDayUtc(new DateOnly(2024, 3, 31)));
    }

    [Fact]
    public void EndOfDayUtc_TheDayBeforeSummerTimeBegins_IsInWinterTime()
    {
        Assert.Equal(Utc(2024, 3, 30, 22, 59, 59), Stockholm.EndOfDayUtc(new DateOnly(2024, 3, 30)));
    }

    [Fact]
    public void EndOfDayUtc_OfTheBuildersDeadline_IsNewYearsEve225959Utc()
    {
        Assert.Equal(Utc(2026, 12, 31, 22, 59, 59), Stockholm.EndOfDayUtc(A.Deadline));
        Assert.Equal(DateTimeKind.Utc, Stockholm.EndOfDayUtc(A.Deadline).Kind);
    }

    [Fact]
    public void EndOfDayUtc_InUtc_Is235959()
    {
        var utc = new TenantCalendar(TimeZoneInfo.Utc);

        Assert.Equal(Utc(2023, 11, 30, 23, 59, 59), utc.EndOfDayUtc(new DateOnly(2023, 11, 30)));
    }

    /// <summary>
    /// Bug: in a time zone whose clocks jump forward at midnight (Chile: 8 September 2024, 00:00 → 01:00), the
    /// next midnight does not exist and <see cref="TimeZoneInfo.ConvertTimeToUtc(DateTime, TimeZoneInfo)"/> throws.
    /// A tenant may choose any time zone, so this is reachable.
    /// </summary>
    [Fact]
    public void EndOfDayUtc_WhenTheClocksJumpForwardAtMidnight_IsTheLastSecondOfTheDay()
    {
        var santiago = new TenantCalendar(TimeZoneInfo.FindSystemTimeZoneById("America/Santiago"));

        // 7 September 2024 ends at 23:59:59 -04:00.
        Assert.Equal(Utc(2024, 9, 8, 3, 59, 59), santiago.EndOfDayUtc(new DateOnly(2024, 9, 7)));
    }

    // ---- Today -----------------------------------------------------------------------------------------

    [Fact]
    public void Today_JustAfterMidnightInStockholm_IsTheNewDate()
    {
        Assert.Equal(new DateOnly(2023, 11, 30), Stockholm.Today(Utc(2023, 11, 29, 23, 0, 0)));
        Assert.Equal(new DateOnly(2023, 11, 30), Stockholm.Today(Utc(2023, 11, 29, 23, 0, 1)));
    }

    [Fact]
    public void Today_JustBeforeMidnightInStockholm_IsStillTheOldDate()
    {
        Assert.Equal(new DateOnly(2023, 11, 29), Stockholm.Today(Utc(2023, 11, 29, 22, 59, 59)));
    }

    [Fact]
    public void Today_InSummer_ChangesAtTwentyTwoUtc()
    {
        Assert.Equal(new DateOnly(2024, 6, 30), Stockholm.Today(Utc(2024, 6, 30, 21, 59, 59)));
        Assert.Equal(new DateOnly(2024, 7, 1), Stockholm.Today(Utc(2024, 6, 30, 22, 0, 0)));
    }

    [Fact]
    public void Today_OnTheDaySummerTimeEnds_IsThatDayThroughTheRepeatedHour()
    {
        Assert.Equal(new DateOnly(2023, 10, 29), Stockholm.Today(Utc(2023, 10, 28, 22, 0, 0)));
        Assert.Equal(new DateOnly(2023, 10, 29), Stockholm.Today(Utc(2023, 10, 29, 0, 30, 0)));
        Assert.Equal(new DateOnly(2023, 10, 29), Stockholm.Today(Utc(2023, 10, 29, 1, 30, 0)));
        Assert.Equal(new DateOnly(2023, 10, 30), Stockholm.Today(Utc(2023, 10, 29, 23, 0, 0)));
    }

    [Fact]
    public void Today_ForTheBuildersClock_Is23November2026()
    {
        Assert.Equal(A.Today, Stockholm.Today(A.Now));
    }

    [Fact]
    public void Today_TreatsAnUnspecifiedInstantAsUtc()
    {
        Assert.Equal(new DateOnly(2023, 11, 30), Stockholm.Today(new DateTime(2023, 11, 29, 23, 30, 0, DateTimeKind.Unspecified)));
    }

    [Fact]
    public void Today_ConvertsALocalInstantToUtcFirst()
    {
        var utc = Utc(2023, 11, 29, 23, 30, 0);

        Assert.Equal(Stockholm.Today(utc), Stockholm.Today(utc.ToLocalTime()));
    }

    // ---- When a deadline has passed: the tenant's today is after it -------------------------------------

    [Fact]
    public void ADeadline_AtItsLastSecond_HasNotPassed()
    {
        Assert.False(Stockholm.Today(Utc(2023, 11, 30, 22, 59, 59)) > new DateOnly(2023, 11, 30));
    }

    [Fact]
    public void ADeadline_AtMidnightAfterIt_HasPassed()
    {
        Assert.True(Stockholm.Today(Utc(2023, 11, 30, 23, 0, 0)) > new DateOnly(2023, 11, 30));
    }

    [Fact]
    public void ADeadline_BeforeIt_HasNotPassed()
    {
        Assert.False(Stockholm.Today(A.Now) > A.Deadline);
    }

    [Theory]
    [InlineData("2023-11-30")]
    [InlineData("2023-10-28")]
    [InlineData("2023-10-29")]
    [InlineData("2024-03-30")]
    [InlineData("2024-03-31")]
    [InlineData("2024-06-30")]
    [InlineData("2026-12-31")]
    public void Today_AgreesWithEndOfDayUtc(string date)
    {
        var deadline = DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var end = Stockholm.EndOfDayUtc(deadline);

        Assert.Equal(deadline, Stockholm.Today(end));
        Assert.Equal(deadline.AddDays(1), Stockholm.Today(end.AddSeconds(1)));
    }

    // ---- DaysLeft --------------------------------------------------------------------------------------

    [Fact]
    public void DaysLeft_FromTheBuildersToday_IsThirtyEight()
    {
        Assert.Equal(38, Stockholm.DaysLeft(A.Deadline, A.Now));
    }

    [Fact]
    public void DaysLeft_OnTheDeadlineItself_IsZero()
    {
        Assert.Equal(0, Stockholm.DaysLeft(new DateOnly(2023, 11, 30), Utc(2023, 11, 29, 23, 30, 0)));
    }

    [Fact]
    public void DaysLeft_TheEveningBefore_IsOne()
    {
        Assert.Equal(1, Stockholm.DaysLeft(new DateOnly(2023, 11, 30), Utc(2023, 11, 29, 22, 30, 0)));
    }

    [Fact]
    public void DaysLeft_AfterTheDeadline_IsNegative()
    {
        Assert.Equal(-1, Stockholm.DaysLeft(new DateOnly(2023, 11, 30), Utc(2023, 12, 1, 10, 0, 0)));
        Assert.Equal(-10, Stockholm.DaysLeft(new DateOnly(2023, 11, 30), Utc(2023, 12, 10, 10, 0, 0)));
    }

    [Fact]
    public void DaysLeft_AcrossTheChangeToWinterTime_CountsCalendarDays()
    {
        Assert.Equal(3, Stockholm.DaysLeft(new DateOnly(2023, 10, 31), Utc(2023, 10, 28, 12, 0, 0)));
    }

    // ---- One way to write a date and an instant ---------------------------------------------------------

    [Fact]
    public void DateAndTime_InWinter_IsTheLocalTimeWithAFullStop()
    {
        Assert.Equal("30 november 2023 kl. 11.05", Stockholm.DateAndTime(Utc(2023, 11, 30, 10, 5, 0)));
    }

    [Fact]
    public void DateAndTime_InSummer_IsTwoHoursAheadOfUtc()
    {
        Assert.Equal("1 juli 2024 kl. 00.30", Stockholm.DateAndTime(Utc(2024, 6, 30, 22, 30, 0)));
    }

    [Fact]
    public void SwedishDates_WriteADateInWordsAndAnInputDateInIso()
    {
        Assert.Equal("30 november 2023", SwedishDates.Date(new DateOnly(2023, 11, 30)));
        Assert.Equal("2023-11-30", SwedishDates.Iso(new DateOnly(2023, 11, 30)));
        Assert.Null(SwedishDates.Iso((DateOnly?)null));
    }

    [Fact]
    public void For_WithoutATimeZone_IsSwedishTime()
    {
        Assert.Equal(TenantCalendar.DefaultTimeZoneId, TenantCalendar.For(null).TimeZone.Id);
        Assert.Equal("Europe/Helsinki", TenantCalendar.For("Europe/Helsinki").TimeZone.Id);
    }
}
