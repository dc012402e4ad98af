namespace Remiss.Tests.Web;

using Remiss.Tests.TestSupport;

/// <summary>Swedish by default, English when the user asks for it, remembered across pages.</summary>
public sealed class LanguageTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    [Fact]
    public async Task ChoosingEnglishInTheFooter_KeepsTheInterfaceInEnglishOnTheNextPages()
    {
        using var session = factory.NewSession();
        var (_, swedish) = await session.GetPageAsync("/konto/logga-in");
        Assert.Equal("In English", swedish.QuerySelector("footer button")!.TextContent.Trim());

        var switched = await session.SubmitAsync(swedish, new Dictionary<string, string> { ["culture"] = "en" }, "footer form");
        var (_, english) = await session.FollowAsync(switched);

        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", english.QuerySelector("h1")!.TextContent.Trim());
        var (_, again) = await session.GetPageAsync("/konto/logga-in");
        Assert.Equal("Sign in", again.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("På svenska", again.QuerySelector("footer button")!.TextContent.Trim());
    }

    [Fact]
    public async Task AReturnAddressOfAnotherSite_LeadsHomeInstead()
    {
        using var session = factory.NewSession();
        var (_, page) = await session.GetPageAsync("/konto/logga-in");

        var response = await session.SubmitAsync(page, new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "https://evil.example/" }, "footer form");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
