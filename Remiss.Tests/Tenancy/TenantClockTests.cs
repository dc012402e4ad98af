namespace Remiss.Tests.Tenancy;

using Remiss.Infrastructure.Tenancy;
using Remiss.Tests.TestSupport;

/// <summary>"Today" is the tenant's date, the same for every page and service, and Swedish where no tenant is set.</summary>
public sealed class TenantClockTests
{
    [Fact]
    public void Today_JustAfterMidnightInHelsinki_IsAlreadyTheNextDayThere()
    {
        var context = new TenantContext();
        context.Set(new CurrentTenant(Guid.NewGuid(), "helsinki", "Helsingfors", "Europe/Helsinki"));
        var clock = new FakeClock();
        clock.Set(new DateTimeOffset(2026, 11, 29, 22, 30, 0, TimeSpan.Zero));

        var tenantClock = new TenantClock(context, clock);

        Assert.Equal(new DateOnly(2026, 11, 30), tenantClock.Today);
        Assert.Equal("30 november 2026 kl. 00.30", tenantClock.DateAndTime(clock.UtcNow));
    }

    [Fact]
    public void Today_WithoutATenant_IsTheDateInSweden()
    {
        var clock = new FakeClock();
        clock.Set(new DateTimeOffset(2026, 11, 29, 22, 30, 0, TimeSpan.Zero));

        var tenantClock = new TenantClock(new TenantContext(), clock);

        Assert.Equal(new DateOnly(2026, 11, 29), tenantClock.Today);
        Assert.Equal("29 november 2026 kl. 23.30", tenantClock.DateAndTime(clock.UtcNow));
    }
}
