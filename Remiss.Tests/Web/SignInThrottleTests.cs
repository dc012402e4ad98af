namespace Remiss.Tests.Web;

using Remiss.Infrastructure.Identity;
using Remiss.Tests.TestSupport;

/// <summary>The throttle that replaced the lockout: per address and client, and per client; never a lock anyone else can set.</summary>
public sealed class SignInThrottleTests
{
    private readonly FakeClock _clock = new();

    [Fact]
    public void FiveFailures_ForOneAddressFromOneClient_StopThatClientTryingIt()
    {
        var throttle = new SignInThrottle(_clock);

        Fail(throttle, "anna@malmo.example", "10.0.0.1", SignInThrottle.FailuresPerAddress);

        Assert.False(throttle.Allows("ANNA@malmo.example ", "10.0.0.1"));
    }

    [Fact]
    public void AnotherClient_GuessingAtAnAddress_NeverStopsItsOwnerSigningIn()
    {
        var throttle = new SignInThrottle(_clock);

        Fail(throttle, "anna@malmo.example", "203.0.113.9", SignInThrottle.FailuresPerAddress * 3);

        Assert.True(throttle.Allows("anna@malmo.example", "10.0.0.1"));
    }

    [Fact]
    public void TheFailures_AreForgotten_WhenTheWindowHasPassed()
    {
        var throttle = new SignInThrottle(_clock);
        Fail(throttle, "anna@malmo.example", "10.0.0.1", SignInThrottle.FailuresPerAddress);

        _clock.Advance(SignInThrottle.Window + TimeSpan.FromSeconds(1));

        Assert.True(throttle.Allows("anna@malmo.example", "10.0.0.1"));
    }

    [Fact]
    public void OneClient_TryingManyAddresses_IsStoppedForAll()
    {
        var throttle = new SignInThrottle(_clock);
        for (var i = 0; i < SignInThrottle.FailuresPerClient; i++)
        {
            throttle.RecordFailure($"person{i}@malmo.example", "203.0.113.9");
        }

        Assert.False(throttle.Allows("someone.new@malmo.example", "203.0.113.9"));
        Assert.True(throttle.Allows("someone.new@malmo.example", "10.0.0.1"));
    }

    [Fact]
    public void ARightPassword_ForgetsThatAddressesFailuresFromThatClient()
    {
        var throttle = new SignInThrottle(_clock);
        Fail(throttle, "anna@malmo.example", "10.0.0.1", SignInThrottle.FailuresPerAddress - 1);

        throttle.RecordSuccess("anna@malmo.example", "10.0.0.1");
        Fail(throttle, "anna@malmo.example", "10.0.0.1", SignInThrottle.FailuresPerAddress - 1);

        Assert.True(throttle.Allows("anna@malmo.example", "10.0.0.1"));
    }

    private static void Fail(SignInThrottle throttle, string email, string client, int times)
    {
        for (var i = 0; i < times; i++)
        {
            throttle.RecordFailure(email, client);
        }
    }
}
