namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Tests.TestSupport;

/// <summary>Tenants: a kommun or region addressed by its slug, with its time zone, reminder schedule and standard sections.</summary>
public sealed class TenantTests
{
    // ---- Create ----------------------------------------------------------------------------------------

    [Fact]
    public void Create_WithDefaults_IsActiveInStockholmWithTheDefaultScheduleAndSections()
    {
        var tenant = Tenant.Create("malmo", "  Malmö stad  ", A.Now);

        Assert.Equal("malmo", tenant.Slug);
        Assert.Equal("Malmö stad", tenant.Name);
        Assert.Equal("Europe/Stockholm", tenant.TimeZoneId);
        Assert.Equal(A.Now, tenant.CreatedAt);
        Assert.False(tenant.IsSuspended);
        Assert.False(tenant.PublishesSubmittedResponses);
        Assert.Equal([14, 7, 2], tenant.ReminderDaysBefore);
        Assert.Equal(["Barnperspektiv", "Jämställdhet", "Ekonomiska konsekvenser"], tenant.StandardSections);
        Assert.NotEqual(Guid.Empty, tenant.Id);
    }

    [Theory]
    [InlineData("lund")]
    [InlineData("ab")]
    [InlineData("region-skane")]
    [InlineData("malmo2")]
    [InlineData("a123456789012345678901234567890123456789")]
    public void Create_WithAValidSlug_KeepsIt(string slug)
    {
        Assert.Equal(slug, Tenant.Create(slug, "Kund", A.Now).Slug);
    }

    [Fact]
    public void Create_TrimsTheSlug()
    {
        Assert.Equal("lund", Tenant.Create("  lund ", "Lunds kommun", A.Now).Slug);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a")]
    [InlineData("Malmo")]
    [InlineData("malmö")]
    [InlineData("1malmo")]
    [InlineData("-malmo")]
    [InlineData("malmo stad")]
    [InlineData("malmo_stad")]
    [InlineData("malmo/stad")]
    [InlineData("malmo.se")]
    [InlineData("a1234567890123456789012345678901234567890")]
    public void Create_WithAnInvalidSlug_IsRefused(string slug)
    {
        var e = Assert.Throws<DomainException>(() => Tenant.Create(slug, "Kund", A.Now));
        e.AssertRefused(Field.Slug, RefusalKey.InvalidSlug);
    }

    [Fact]
    public void Create_WithEverythingWrong_RefusesSlugNameAndTimeZoneAtOnce()
    {
        var e = Assert.Throws<DomainException>(() => Tenant.Create("Admin!", " ", A.Now, "Mars/Olympus"));

        Assert.Equal(3, e.Refusals.Count);
        e.AssertRefused(Field.Slug, RefusalKey.InvalidSlug);
        e.AssertRefused(Field.Name, RefusalKey.Required);
        e.AssertRefused(Field.TimeZone, RefusalKey.UnknownTimeZone, "Mars/Olympus");
    }

    [Theory]
    [InlineData("Helsingborg", "helsingborg")]
    [InlineData("helsingborg", "helsingborg")]
    [InlineData("Malmö stad", "malmo-stad")]
    [InlineData("Ängelholms kommun", "angelholms-kommun")]
    [InlineData("Östra Göinge", "ostra-goinge")]
    [InlineData("  Region   Skåne ", "region-skane")]
    [InlineData("Upplands-Bro", "upplands-bro")]
    [InlineData("Lilla Edet – kommunen", "lilla-edet-kommunen")]
    [InlineData("S:t Olof", "st-olof")]
    [InlineData("Malmö_stad", "malmo-stad")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void SlugFrom_MakesLowerCaseLettersWithoutAccents_AndDashesForSpaces(string? text, string slug)
    {
        Assert.Equal(slug, Tenant.SlugFrom(text));
    }

    [Fact]
    public void SlugFrom_ALongName_IsCutToTheLongestSlug_WithoutATrailingDash()
    {
        var slug = Tenant.SlugFrom("Gemensamma nämnden för upphandling och kommunalförbund i Skåne");

        Assert.True(slug.Length <= Tenant.SlugMaxLength);
        Assert.False(slug.EndsWith('-'));
        Assert.Equal(slug, Tenant.Create(slug, "Nämnden", A.Now).Slug);
    }

    [Fact]
    public void SlugFrom_ANameThatStartsWithADigit_StillNeedsALetterFirst()
    {
        var e = Assert.Throws<DomainException>(() => Tenant.Create(Tenant.SlugFrom("1 kommun"), "Kommunen", A.Now));

        e.AssertRefused(Field.Slug, RefusalKey.InvalidSlug);
    }

    [Fact]
    public void Create_WithoutSlug_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => Tenant.Create(null!, "Kund", A.Now));
        e.AssertRefused(Field.Slug, RefusalKey.InvalidSlug);
    }

    [Theory]
    [InlineData("konto")]
    [InlineData("plattform")]
    [InlineData("admin")]
    [InlineData("api")]
    [InlineData("hangfire")]
    [InlineData("healthz")]
    [InlineData("css")]
    public void Create_WithAReservedSlug_IsRefused(string slug)
    {
        var e = Assert.Throws<DomainException>(() => Tenant.Create(slug, "Kund", A.Now));
        e.AssertRefused(Field.Slug, RefusalKey.ReservedSlug, slug);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WithoutName_IsRefused(string name)
    {
        var e = Assert.Throws<DomainException>(() => Tenant.Create("malmo", name, A.Now));
        e.AssertRefused(Field.Name, RefusalKey.Required);
    }

    [Fact]
    public void Create_WithTooLongName_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => Tenant.Create("malmo", new string('x', Tenant.NameMaxLength + 1), A.Now));
        e.AssertRefused(Field.Name, RefusalKey.MaxLength, 200);
    }

    [Theory]
    [InlineData("Europe/Helsinki")]
    [InlineData("UTC")]
    public void Create_WithAnotherKnownTimeZone_KeepsIt(string timeZoneId)
    {
        var tenant = Tenant.Create("kund", "Kund", A.Now, timeZoneId);

        Assert.Equal(timeZoneId, tenant.TimeZoneId);
        Assert.Equal(timeZoneId, tenant.Calendar().TimeZone.Id);
    }

    [Theory]
    [InlineData("Europe/Atlantis")]
    [InlineData("")]
    [InlineData("europe/stockholm ")]
    [InlineData("../../etc/passwd")]
    public void Create_WithAnUnknownTimeZone_IsRefused(string timeZoneId)
    {
        var e = Assert.Throws<DomainException>(() => Tenant.Create("malmo", "Malmö stad", A.Now, timeZoneId));
        e.AssertRefused(Field.TimeZone, RefusalKey.UnknownTimeZone);
    }

    [Fact]
    public void Create_WithoutTimeZone_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => Tenant.Create("malmo", "Malmö stad", A.Now, null!));
        e.AssertRefused(Field.TimeZone, RefusalKey.UnknownTimeZone);
    }

    // ---- Rename, time zone, publication ----------------------------------------------------------------

    [Fact]
    public void Rename_ChangesTheName()
    {
        var tenant = A.Tenant();

        tenant.Rename(" Malmö kommun ");

        Assert.Equal("Malmö kommun", tenant.Name);
    }

    [Fact]
    public void Rename_ToBlank_IsRefused()
    {
        var tenant = A.Tenant();

        var e = Assert.Throws<DomainException>(() => tenant.Rename(" "));
        e.AssertRefused(Field.Name, RefusalKey.Required);
        Assert.Equal("Malmö stad", tenant.Name);
    }

    [Fact]
    public void ATenantInHelsinki_EndsItsDeadlineDayAtHelsinkiMidnight()
    {
        var tenant = Tenant.Create("helsingfors", "Helsingfors stad", A.Now, "Europe/Helsinki");

        Assert.Equal("Europe/Helsinki", tenant.TimeZoneId);
        Assert.Equal(new DateTime(2023, 11, 30, 21, 59, 59, DateTimeKind.Utc), tenant.Calendar().EndOfDayUtc(new DateOnly(2023, 11, 30)));
    }

    [Fact]
    public void Calendar_IsInTheTenantsTimeZone()
    {
        var calendar = A.Tenant().Calendar();

        Assert.Equal(new DateTime(2023, 11, 30, 22, 59, 59, DateTimeKind.Utc), calendar.EndOfDayUtc(new DateOnly(2023, 11, 30)));
    }

    [Fact]
    public void SetPublication_TurnsPublicationOnAndOff()
    {
        var tenant = A.Tenant();

        tenant.SetPublication(true);
        Assert.True(tenant.PublishesSubmittedResponses);

        tenant.SetPublication(false);
        Assert.False(tenant.PublishesSubmittedResponses);
    }

    // ---- Suspend, reactivate ---------------------------------------------------------------------------

    [Fact]
    public void Suspend_AnActiveTenant_SuspendsIt()
    {
        var tenant = A.Tenant();

        tenant.Suspend();

        Assert.True(tenant.IsSuspended);
    }

    [Fact]
    public void Suspend_Twice_IsRefused()
    {
        var tenant = A.Tenant();
        tenant.Suspend();

        var e = Assert.Throws<DomainException>(tenant.Suspend);
        e.AssertRefused(Field.Form, RefusalKey.TenantAlreadySuspended);
        Assert.True(tenant.IsSuspended);
    }

    [Fact]
    public void Reactivate_ASuspendedTenant_ReactivatesIt()
    {
        var tenant = A.Tenant();
        tenant.Suspend();

        tenant.Reactivate();

        Assert.False(tenant.IsSuspended);
    }

    [Fact]
    public void Reactivate_AnActiveTenant_IsRefused()
    {
        var tenant = A.Tenant();

        var e = Assert.Throws<DomainException>(tenant.Reactivate);
        e.AssertRefused(Field.Form, RefusalKey.TenantNotSuspended);
        Assert.False(tenant.IsSuspended);
    }

    // ---- Reminder schedule -----------------------------------------------------------------------------

    [Fact]
    public void SetReminderSchedule_SortsTheDaysLargestFirst()
    {
        var tenant = A.Tenant();

        tenant.SetReminderSchedule([3, 21, 10, 1]);

        Assert.Equal([21, 10, 3, 1], tenant.ReminderDaysBefore);
    }

    [Fact]
    public void SetReminderSchedule_WithTheLimits_IsAllowed()
    {
        var tenant = A.Tenant();

        tenant.SetReminderSchedule([1, ReminderSchedule.MaxDaysBefore]);

        Assert.Equal([90, 1], tenant.ReminderDaysBefore);
    }

    [Fact]
    public void SetReminderSchedule_Empty_TurnsRemindersOff()
    {
        var tenant = A.Tenant();

        tenant.SetReminderSchedule([]);

        Assert.Empty(tenant.ReminderDaysBefore);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(91)]
    public void SetReminderSchedule_WithADayOutsideOneToNinety_IsRefused(int day)
    {
        var tenant = A.Tenant();

        var e = Assert.Throws<DomainException>(() => tenant.SetReminderSchedule([14, day]));
        e.AssertRefused(Field.ReminderDays, RefusalKey.ReminderDaysOutOfRange, 90);
        Assert.Equal([14, 7, 2], tenant.ReminderDaysBefore);
    }

    [Fact]
    public void SetReminderSchedule_WithTheSameDayTwice_IsRefused()
    {
        var tenant = A.Tenant();

        var e = Assert.Throws<DomainException>(() => tenant.SetReminderSchedule([7, 14, 7]));
        e.AssertRefused(Field.ReminderDays, RefusalKey.ReminderDaysRepeated);
        Assert.Equal([14, 7, 2], tenant.ReminderDaysBefore);
    }

    [Fact]
    public void ReminderSchedule_Validate_ReturnsANewSortedList()
    {
        Assert.Equal([30, 14, 2], ReminderSchedule.Validate([2, 30, 14]));
    }

    // ---- Standard sections -----------------------------------------------------------------------------

    [Fact]
    public void SetStandardSections_KeepsTheOrderGivenTrimmed()
    {
        var tenant = A.Tenant();

        tenant.SetStandardSections([" Ekonomiska konsekvenser ", "Barnperspektiv", "Miljöperspektiv"]);

        Assert.Equal(["Ekonomiska konsekvenser", "Barnperspektiv", "Miljöperspektiv"], tenant.StandardSections);
    }

    [Fact]
    public void SetStandardSections_Empty_IsAllowed()
    {
        var tenant = A.Tenant();

        tenant.SetStandardSections([]);

        Assert.Empty(tenant.StandardSections);
    }

    [Fact]
    public void SetStandardSections_WithTheSameNameTwice_IsRefusedWhateverTheCase()
    {
        var tenant = A.Tenant();

        var e = Assert.Throws<DomainException>(() => tenant.SetStandardSections(["Barnperspektiv", "barnperspektiv"]));
        e.AssertRefused(Field.StandardSections, RefusalKey.SectionNamesRepeated);
        Assert.Equal(Tenant.DefaultStandardSections, tenant.StandardSections);
    }

    [Fact]
    public void SetStandardSections_WithABlankName_IsRefused()
    {
        var tenant = A.Tenant();

        var e = Assert.Throws<DomainException>(() => tenant.SetStandardSections(["Barnperspektiv", " "]));
        e.AssertRefused(Field.SectionName, RefusalKey.Required);
    }

    [Fact]
    public void SetStandardSections_WithTooLongName_IsRefused()
    {
        var tenant = A.Tenant();

        var e = Assert.Throws<DomainException>(() => tenant.SetStandardSections([new string('x', 101)]));
        e.AssertRefused(Field.SectionName, RefusalKey.MaxLength, 100);
    }

    [Fact]
    public void SetStandardSections_Twenty_IsAllowed()
    {
        var tenant = A.Tenant();

        tenant.SetStandardSections(Enumerable.Range(1, 20).Select(i => $"Avsnitt {i}"));

        Assert.Equal(20, tenant.StandardSections.Count);
    }

    [Fact]
    public void SetStandardSections_MoreThanTwenty_IsRefused()
    {
        var tenant = A.Tenant();

        var e = Assert.Throws<DomainException>(() => tenant.SetStandardSections(Enumerable.Range(1, 21).Select(i => $"Avsnitt {i}")));
        e.AssertRefused(Field.StandardSections, RefusalKey.TooManySections, 20);
    }

    [Fact]
    public void DefaultStandardSections_AreTheOnesMalmoRequires()
    {
        Assert.Equal(["Barnperspektiv", "Jämställdhet", "Ekonomiska konsekvenser"], Tenant.DefaultStandardSections);
        Assert.Equal([14, 7, 2], Tenant.DefaultReminderDays);
    }
}
