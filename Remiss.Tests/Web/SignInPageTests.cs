namespace Remiss.Tests.Web;

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Identity;
using Remiss.Tests.TestSupport;

/// <summary>
/// The one sign-in page at /konto/logga-in: accessible, Swedish, self-contained, and leading every demo user
/// to their own start page.
/// </summary>
public sealed class SignInPageTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    private const string SignInPath = "/konto/logga-in";

    // ---- The page itself -------------------------------------------------------------------------------

    [Fact]
    public async Task SignInPage_IsInSwedishWithASkipLinkAndTheThreeLandmarks()
    {
        using var session = factory.NewSession();

        var (response, page) = await session.GetPageAsync(SignInPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sv", page.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith("Logga in", page.Title, StringComparison.Ordinal);

        var skipLink = page.Body!.QuerySelector("a");
        Assert.NotNull(skipLink);
        Assert.Equal("#innehall", skipLink.GetAttribute("href"));
        Assert.Equal("Hoppa till innehållet", Text(skipLink));

        Assert.Single(page.QuerySelectorAll("header"));
        Assert.Single(page.QuerySelectorAll("main"));
        Assert.Single(page.QuerySelectorAll("footer"));
        Assert.Equal("innehall", page.QuerySelector("main")!.Id);
        Assert.Equal("Logga in", Text(page.QuerySelector("main h1")));
    }

    [Fact]
    public async Task SignInPage_LabelsEachInputAndNamesTheButtonLoggaIn()
    {
        using var session = factory.NewSession();

        var (_, page) = await session.GetPageAsync(SignInPath);

        var email = LabelledInput(page, "E-post");
        Assert.Equal("Input.Email", email.Name);
        Assert.Equal("email", email.Type);
        Assert.Equal("username", email.GetAttribute("autocomplete"));

        var password = LabelledInput(page, "Lösenord");
        Assert.Equal("Input.Password", password.Name);
        Assert.Equal("password", password.Type);
        Assert.Equal("current-password", password.GetAttribute("autocomplete"));

        var button = Assert.Single(page.QuerySelectorAll("main form[method=post] button"));
        Assert.Equal("submit", button.GetAttribute("type"));
        Assert.Equal("Logga in", Text(button));
    }

    [Fact]
    public async Task SignInPage_LoadsNothingFromOtherSites_AndItsStylesheetIsServed()
    {
        using var session = factory.NewSession();

        var (_, page) = await session.GetPageAsync(SignInPath);

        var references = page.QuerySelectorAll("script[src], link[href], img[src], iframe[src], source[src], audio[src], video[src]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!)
            .ToList();
        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            var resolved = new Uri(session.BaseAddress, reference);
            Assert.True(
                resolved.Scheme == session.BaseAddress.Scheme && resolved.Authority == session.BaseAddress.Authority,
                $"The page loads {reference} from another site.");
        }

        var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        using var css = await session.GetAsync(stylesheet);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }

    [Fact]
    public async Task SignInPage_InEnglish_SaysSignIn()
    {
        using var session = factory.NewSession();

        var (response, page) = await session.GetPageAsync(SignInPath + "?culture=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", Text(page.QuerySelector("main h1")));
        Assert.Equal("Sign in", Text(page.QuerySelector("main form[method=post] button")));
        Assert.Equal("Email", Text(page.QuerySelector("label[for=Input_Email]")));
        Assert.Equal("Password", Text(page.QuerySelector("label[for=Input_Password]")));
    }

    // ---- Signing in --------------------------------------------------------------------------------------

    [Theory]
    [InlineData("handlaggare@malmo.example", "/malmo")]
    [InlineData("asn@malmo.example", "/malmo")]
    [InlineData("mkb@malmo.example", "/malmo")]
    [InlineData("admin@malmo.example", "/malmo")]
    [InlineData("handlaggare@lund.example", "/lund")]
    [InlineData("operator@remiss.example", "/plattform")]
    public async Task SignIn_WithADemoUser_LandsOnThatUsersStartPage(string email, string startPage)
    {
        using var session = factory.NewSession();

        var (response, page) = await session.SignInAsync(email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(startPage, response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.NotNull(page.QuerySelector("header form[action='/konto/logga-ut']"));
    }

    [Fact]
    public async Task SignIn_AsTheHandlaggareInMalmo_ShowsTheDemoRemissAsADraftTheyOwn()
    {
        using var session = factory.NewSession();

        var (_, page) = await session.SignInAsync("handlaggare@malmo.example");

        Assert.Contains("Malmö stad", Text(page.QuerySelector("header")), StringComparison.Ordinal);
        Assert.Contains("Hanna Handläggare", Text(page.QuerySelector("header")), StringComparison.Ordinal);
        var owned = page.QuerySelector("section[aria-labelledby=skickade]")!;
        Assert.Equal("Remisser vi äger", Text(owned.QuerySelector("h2")));
        var row = Assert.Single(owned.QuerySelectorAll("tbody tr"));
        var cells = row.QuerySelectorAll("td").Select(Text).ToList();
        Assert.StartsWith("Definiera och starta ett långsiktigt och strategiskt områdeslyft", cells[0], StringComparison.Ordinal);
        Assert.Equal("STK-2023-137", cells[1]);
        Assert.Equal("Utkast", cells[2]);
        Assert.Equal("30 november 2027", cells[3]);
    }

    [Fact]
    public async Task SignIn_AsTheNamndsekreterareOfASN_ShowsNothingToAnswerWhileTheDemoRemissIsADraft()
    {
        using var session = factory.NewSession();

        var (_, page) = await session.SignInAsync("asn@malmo.example");

        var toAnswer = page.QuerySelector("section[aria-labelledby=att-besvara]")!;
        Assert.Equal("Att besvara", Text(toAnswer.QuerySelector("h2")));
        Assert.Null(toAnswer.QuerySelector("table"));
        Assert.Contains("Inga remisser väntar på svar från era organisationer.", Text(toAnswer), StringComparison.Ordinal);
        Assert.DoesNotContain("STK-2023-137", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_IgnoresTheCaseOfTheEmailAddress()
    {
        using var session = factory.NewSession();

        var (response, _) = await session.SignInAsync("Handlaggare@Malmo.Example");

        Assert.Equal("/malmo", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    // ---- Refusals ----------------------------------------------------------------------------------------

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsASwedishMessageAndKeepsTheEmail()
    {
        using var session = factory.NewSession();
        var (_, form) = await session.GetPageAsync(SignInPath);

        using var response = await session.SubmitAsync(form, Fields("grundskola@malmo.example", "Fel-losenord-123!"));
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = page.QuerySelector(".error-summary");
        Assert.NotNull(summary);
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Equal("Det finns fel i formuläret", Text(summary.QuerySelector("h2")));
        Assert.Contains("Fel e-postadress eller lösenord.", Text(summary), StringComparison.Ordinal);
        Assert.Equal("grundskola@malmo.example", ((IHtmlInputElement)page.QuerySelector("#Input_Email")!).Value);
        Assert.True(string.IsNullOrEmpty(((IHtmlInputElement)page.QuerySelector("#Input_Password")!).Value));
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("Remiss.Auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_WithAnUnknownEmail_ShowsTheSameMessageAsAWrongPassword()
    {
        using var session = factory.NewSession();
        var (_, form) = await session.GetPageAsync(SignInPath);

        using var response = await session.SubmitAsync(form, Fields("finns-inte@malmo.example", WebSession.DemoPassword));
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Fel e-postadress eller lösenord.", Text(page.QuerySelector(".error-summary")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithAnEmptyForm_ShowsSwedishMessagesNextToEachFieldAndInTheSummary()
    {
        using var session = factory.NewSession();
        var (_, form) = await session.GetPageAsync(SignInPath);

        using var response = await session.SubmitAsync(form, Fields(string.Empty, string.Empty));
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertFieldError(page, "Input_Email", "Ange din e-postadress.");
        AssertFieldError(page, "Input_Password", "Ange ditt lösenord.");
    }

    [Fact]
    public async Task SignIn_WithAnInvalidEmail_SaysWhatAValidOneLooksLike()
    {
        using var session = factory.NewSession();
        var (_, form) = await session.GetPageAsync(SignInPath);

        using var response = await session.SubmitAsync(form, Fields("inte-en-adress", WebSession.DemoPassword));
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertFieldError(page, "Input_Email", "Ange en giltig e-postadress, till exempel namn@kommun.se.");
        Assert.Equal("false", page.QuerySelector("#Input_Password")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_IsThrottled_TheSameForAnAccountAndForNone_AndNothingIsLocked()
    {
        const string email = "lasse.last@malmo.example";
        var unknown = $"ingen.{Guid.NewGuid():N}@malmo.example";
        await factory.InTenantAsync("malmo", async (db, services) =>
        {
            var tenant = db.Tenants.Single(t => t.Slug == "malmo");
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Lasse Last" };
            var created = await services.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user, WebSession.DemoPassword);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            db.TenantAccesses.Add(TenantAccess.Grant(user.Id, tenant.Id, isAdmin: false, factory.Clock.UtcNow));
            db.Memberships.Add(Membership.Create(db.Organisations.Single(o => o.Name == "Kulturnämnden"), user.Id));
            return await db.SaveChangesAsync();
        });
        using var session = factory.NewSession();
        var said = new List<string>();
        foreach (var address in new[] { email, unknown })
        {
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                var (_, form) = await session.GetPageAsync(SignInPath);
                using var wrong = await session.SubmitAsync(form, Fields(address, $"Fel-losenord-{attempt}!"));
                Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            }

            var (_, last) = await session.GetPageAsync(SignInPath);
            using var response = await session.SubmitAsync(last, Fields(address, WebSession.DemoPassword));
            said.Add(Text((await WebSession.ParseAsync(response)).QuerySelector(".error-summary")));
        }

        // The same words for the account and for an address without one: the page tells nobody which exists.
        Assert.Contains("För många misslyckade försök. Vänta en stund och försök igen.", said[0], StringComparison.Ordinal);
        Assert.Equal(said[0], said[1]);
        using (var start = await session.GetAsync("/malmo"))
        {
            Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        }

        // The account itself was never locked: once the window has passed, the right password signs in.
        var now = factory.Clock.GetUtcNow();
        try
        {
            factory.Clock.Advance(SignInThrottle.Window + TimeSpan.FromSeconds(1));
            var (landed, _) = await session.SignInAsync(email);
            Assert.Equal("/malmo", landed.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Null(await factory.InTenantAsync("malmo", (db, _) => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync()));
        }
        finally
        {
            factory.Clock.Set(now);
        }
    }

    [Fact]
    public async Task SignIn_WithADeactivatedAccount_IsRefusedLikeAWrongPassword()
    {
        const string email = "slutat@malmo.example";
        await factory.InTenantAsync("malmo", async (db, services) =>
        {
            var tenant = db.Tenants.Single(t => t.Slug == "malmo");
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Sara Slutat" };
            var created = await services.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user, WebSession.DemoPassword);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            var access = TenantAccess.Grant(user.Id, tenant.Id, isAdmin: false, factory.Clock.UtcNow);
            access.IsActive = false;
            db.TenantAccesses.Add(access);
            return await db.SaveChangesAsync();
        });
        using var session = factory.NewSession();
        var (_, form) = await session.GetPageAsync(SignInPath);

        using var response = await session.SubmitAsync(form, Fields(email, WebSession.DemoPassword));
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Fel e-postadress eller lösenord.", Text(page.QuerySelector(".error-summary")), StringComparison.Ordinal);
    }

    // ---- Helpers -----------------------------------------------------------------------------------------

    private static Dictionary<string, string> Fields(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    private static IHtmlInputElement LabelledInput(IHtmlDocument page, string label)
    {
        var labelElement = Assert.Single(page.QuerySelectorAll("main label"), l => Text(l) == label);
        var id = labelElement.GetAttribute("for");
        Assert.False(string.IsNullOrEmpty(id), $"The label {label} is not bound to an input.");
        var input = page.GetElementById(id!) as IHtmlInputElement;
        Assert.NotNull(input);
        return input;
    }

    private static void AssertFieldError(IHtmlDocument page, string inputId, string message)
    {
        var input = page.GetElementById(inputId)!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        var describedBy = input.GetAttribute("aria-describedby");
        Assert.False(string.IsNullOrEmpty(describedBy), $"{inputId} does not point to its error message.");
        Assert.Equal(message, Text(page.GetElementById(describedBy!)));
        Assert.Equal(message, Text(page.QuerySelector($".error-summary a[href='#{inputId}']")));
    }

    private static string Text(IElement? element) =>
        element is null ? string.Empty : string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
