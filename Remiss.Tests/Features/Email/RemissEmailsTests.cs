namespace Remiss.Tests.Features.Email;

using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Tenancy;
using Remiss.Tests.TestSupport;

/// <summary>The Swedish e-mails: the facts a reader needs, a link to the right page, and nothing a title could inject.</summary>
public sealed partial class RemissEmailsTests
{
    private const string BaseUrl = "https://remiss.example.se";
    private static readonly DateOnly Deadline = new(2027, 11, 30);

    private readonly Tenant _tenant = A.Tenant();
    private readonly CurrentTenant _current;
    private readonly Remiss _remiss;
    private readonly RemissEmails _emails = new(Options.Create(new EmailOptions { BaseUrl = BaseUrl + "/" }));

    public RemissEmailsTests()
    {
        _current = new CurrentTenant(_tenant.Id, _tenant.Slug, _tenant.Name, _tenant.TimeZoneId);
        _remiss = A.SentRemiss(A.Owner(_tenant), [A.Organisation(_tenant, "Tekniska nämnden")], Deadline);
    }

    private string RemissLink => $"{BaseUrl}/malmo/remisser/{_remiss.Id}";

    private string ResponseLink => $"{RemissLink}/yttrande";

    public static TheoryData<string> EveryEmail => ["Invitation", "DeadlineMoved", "Withdrawn", "ExtensionRequested", "ExtensionGranted", "ExtensionRefused", "Reopened"];

    [Fact]
    public void SwedishDate_WritesTheDayTheMonthInWordsAndTheYear()
    {
        Assert.Equal("30 november 2027", SwedishDates.Date(new DateOnly(2027, 11, 30)));
        Assert.Equal("1 januari 2028", SwedishDates.Date(new DateOnly(2028, 1, 1)));
        Assert.Equal("15 augusti 2027", SwedishDates.Date(new DateOnly(2027, 8, 15)));
    }

    [Fact]
    public void TheInvitation_NamesTheRemissItsDiarienummerSenderDeadlineContactAndLink()
    {
        var email = _emails.Invitation(_current, _remiss, "Stadskontoret", "Tekniska nämnden");

        Assert.Equal("Remiss: Definiera och starta ett långsiktigt och strategiskt områdeslyft (STK-2023-137)", email.Subject);
        foreach (var part in new[] { email.TextBody, email.HtmlBody })
        {
            Assert.Contains("Definiera och starta ett långsiktigt och strategiskt områdeslyft", part, StringComparison.Ordinal);
            Assert.Contains("STK-2023-137", part, StringComparison.Ordinal);
            Assert.Contains("Stadskontoret", part, StringComparison.Ordinal);
            Assert.Contains("Tekniska nämnden", part, StringComparison.Ordinal);
            Assert.Contains("30 november 2027", part, StringComparison.Ordinal);
            Assert.Contains("Anna Andersson, anna.andersson@malmo.se", part, StringComparison.Ordinal);
            Assert.Contains(RemissLink, part, StringComparison.Ordinal);
        }

        Assert.Contains("Sista svarsdag: 30 november 2027", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void TheInvitation_ListsTheQuestionsByNumber()
    {
        var email = _emails.Invitation(_current, _remiss, "Stadskontoret", "Tekniska nämnden");

        Assert.Contains("Remissfrågor\n1. Vilka är de viktigaste utmaningarna i områdena?\n2. Tillstyrker ni förslaget", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("5. Hur går arbetet inom respektive område?", email.TextBody, StringComparison.Ordinal);
        var numbers = QuestionNumberCell().Matches(email.HtmlBody).Select(m => m.Groups[1].Value);
        Assert.Equal(["1", "2", "3", "4", "5"], numbers);
        Assert.Contains("Vilken nämnd eller vilket bolag bör samordna arbetet?", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void DeadlineMoved_GivesTheOldAndTheNewDate()
    {
        var email = _emails.DeadlineMoved(_current, _remiss, "Stadskontoret", Deadline, new DateOnly(2027, 12, 15));

        Assert.Equal("Ny sista svarsdag: Definiera och starta ett långsiktigt och strategiskt områdeslyft (STK-2023-137)", email.Subject);
        Assert.Contains("Tidigare sista svarsdag: 30 november 2027", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ny sista svarsdag: 15 december 2027", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("15 december 2027", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(RemissLink, email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Withdrawn_GivesTheReason()
    {
        _remiss.Withdraw("Ärendet har utgått efter beslut i kommunstyrelsen.", A.Now);

        var email = _emails.Withdrawn(_current, _remiss, "Stadskontoret");

        Assert.StartsWith("Remissen har återkallats: ", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Anledning:\nÄrendet har utgått efter beslut i kommunstyrelsen.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ärendet har utgått efter beslut i kommunstyrelsen.", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Stadskontoret har återkallat remissen", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtensionRequested_SaysWhoAsksForWhichDateAndWhy()
    {
        var email = _emails.ExtensionRequested(
            _current, _remiss, "Tekniska nämnden", "Eva Svensson", Deadline, new DateOnly(2027, 12, 20), "Nämnden sammanträder den 20 december.");

        Assert.StartsWith("Begäran om anstånd: ", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Remissinstans: Tekniska nämnden", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Begärt av: Eva Svensson", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Nuvarande sista svarsdag: 30 november 2027", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Önskad sista svarsdag: 20 december 2027", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Motivering:\nNämnden sammanträder den 20 december.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(RemissLink + "\n", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtensionGranted_GivesTheNewDeadlineAndTheMessage_AndLinksToTheYttrande()
    {
        var email = _emails.ExtensionGranted(_current, _remiss, "Stadskontoret", new DateOnly(2027, 12, 20), "Välkommen med ert svar efter nämndens sammanträde.");

        Assert.StartsWith("Anstånd beviljat: ", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Ny sista svarsdag: 20 december 2027", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Välkommen med ert svar efter nämndens sammanträde.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(ResponseLink, email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ResponseLink}\"", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtensionRefused_GivesTheMessageAndTheDeadlineThatStands()
    {
        var email = _emails.ExtensionRefused(_current, _remiss, "Stadskontoret", Deadline, "Sammanställningen ska till kommunstyrelsen i december.");

        Assert.StartsWith("Anstånd avslaget: ", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Sista svarsdag är fortfarande den 30 november 2027", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Motivering:\nSammanställningen ska till kommunstyrelsen i december.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(ResponseLink, email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Reopened_GivesTheReason_AndSaysTheYttrandeCanBeChangedAgain()
    {
        var email = _emails.Reopened(_current, _remiss, "Stadskontoret", "Svaret på fråga 2 saknar motivering.");

        Assert.StartsWith("Yttrandet har öppnats igen: ", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Svaret på fråga 2 saknar motivering.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("går att ändra på nytt", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(ResponseLink, email.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryEmail))]
    public void EveryEmail_IsSwedishSelfContainedHtml_LinkingOnlyToTheApp(string which)
    {
        var email = Compose(which);

        Assert.Contains("<html lang=\"sv\">", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<h1", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        var hrefs = Href().Matches(email.HtmlBody).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href => Assert.StartsWith(RemissLink, href, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EveryEmail))]
    public void EveryEmail_EndsWithTheFooterNamingTheTenant_InBothParts(string which)
    {
        var email = Compose(which);
        const string footer = "Det här meddelandet skickades av Remiss för Malmö stad. Svara inte på det här meddelandet.";

        Assert.Contains(footer, email.TextBody, StringComparison.Ordinal);
        Assert.Contains(footer, email.HtmlBody, StringComparison.Ordinal);
        Assert.EndsWith(footer + "\n", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", email.Subject, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryEmail))]
    public void AHostileTitle_ComesOutInertInTheHtml(string which)
    {
        var remiss = A.DraftRemiss(A.Owner(_tenant), "<script>alert(1)</script> & \"citat\"");
        remiss.UpdateDetails(remiss.Title, "STK-2023-137", null, Deadline, A.Today, "<i>Anna</i>", "anna.andersson@malmo.se");
        remiss.AddQuestion(QuestionDefinition.FreeText("<svg onload=alert(4)>"));
        A.AddRecipient(remiss, A.Organisation(_tenant));
        A.Send(remiss, A.Today, A.Now);
        remiss.Withdraw("<img src=x onerror=alert(2)>", A.Now);

        var email = Compose(which, remiss, hostile: "<b onclick=\"alert(3)\">Eva</b>");

        Assert.DoesNotContain("<script", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<i>", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;", email.HtmlBody, StringComparison.Ordinal);

        // The plain text part is shown as text by every client: the title stays as typed.
        Assert.Contains("<script>alert(1)</script>", email.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void AMultiLineReason_KeepsItsLineBreaks_InBothParts()
    {
        var email = _emails.Reopened(_current, _remiss, "Stadskontoret", "Första raden.\r\nAndra raden.");

        Assert.Contains("Första raden.\nAndra raden.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Första raden.<br>\nAndra raden.", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_AreAbsolute_UnderTheConfiguredBaseUrlAndTheTenantSlug()
    {
        var emails = new RemissEmails(Options.Create(new EmailOptions { BaseUrl = "https://remiss.lund.se/app/" }));
        var id = Guid.Parse("0193a5c2-0000-7000-8000-000000000042");

        Assert.Equal("https://remiss.lund.se/app/lund/remisser/0193a5c2-0000-7000-8000-000000000042", emails.RemissUrl("lund", id).AbsoluteUri);
        Assert.Equal("https://remiss.lund.se/app/lund/remisser/0193a5c2-0000-7000-8000-000000000042/yttrande", emails.ResponseUrl("lund", id).AbsoluteUri);
        Assert.Equal("http://localhost:5080", new EmailOptions().BaseUrl);
    }

    private EmailContent Compose(string which, Remiss? remiss = null, string hostile = "Eva Svensson")
    {
        remiss ??= _remiss;
        return which switch
        {
            "Invitation" => _emails.Invitation(_current, remiss, hostile, hostile),
            "DeadlineMoved" => _emails.DeadlineMoved(_current, remiss, hostile, Deadline, Deadline.AddDays(14)),
            "Withdrawn" => _emails.Withdrawn(_current, remiss, hostile),
            "ExtensionRequested" => _emails.ExtensionRequested(_current, remiss, hostile, hostile, Deadline, Deadline.AddDays(20), hostile),
            "ExtensionGranted" => _emails.ExtensionGranted(_current, remiss, hostile, Deadline.AddDays(20), hostile),
            "ExtensionRefused" => _emails.ExtensionRefused(_current, remiss, hostile, Deadline, hostile),
            "Reopened" => _emails.Reopened(_current, remiss, hostile, hostile),
            _ => throw new ArgumentOutOfRangeException(nameof(which), which, null),
        };
    }

    [GeneratedRegex("""href\s*=\s*["']?([^"'\s>]*)""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    [GeneratedRegex("""font-weight:bold;">(\d+)\.</td>""", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionNumberCell();
}
