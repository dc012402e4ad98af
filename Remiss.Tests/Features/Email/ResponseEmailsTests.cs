namespace Remiss.Tests.Features.Email;

using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Tenancy;
using Remiss.Tests.TestSupport;

/// <summary>
/// The e-mails of the recipient's journey: the kvittens to the submitter, and to the owners the submitted yttrande,
/// the nämnd's later decision and the recipient that declines. Times are written in the tenant's time zone.
/// </summary>
public sealed partial class ResponseEmailsTests
{
    private const string BaseUrl = "https://remiss.example.se";
    private const string Title = "Definiera och starta ett långsiktigt och strategiskt områdeslyft";

    /// <summary>11.00 in Stockholm (CET, UTC+1) on Monday 23 November 2026.</summary>
    private static readonly DateTime SubmittedInWinter = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>10.05 in Stockholm (CEST, UTC+2) on 15 June 2027.</summary>
    private static readonly DateTime SubmittedInSummer = new(2027, 6, 15, 8, 5, 0, DateTimeKind.Utc);

    private readonly Tenant _tenant = A.Tenant();
    private readonly CurrentTenant _current;
    private readonly Remiss _remiss;
    private readonly Guid _recipientId;
    private readonly RemissEmails _emails = new(Options.Create(new EmailOptions { BaseUrl = BaseUrl + "/" }));

    public ResponseEmailsTests()
    {
        _current = new CurrentTenant(_tenant.Id, _tenant.Slug, _tenant.Name, _tenant.TimeZoneId);
        _remiss = A.SentRemiss(A.Owner(_tenant), [A.Organisation(_tenant, "Tekniska nämnden"), A.Organisation(_tenant, "Miljönämnden")]);
        _recipientId = _remiss.Recipients[0].Id;
    }

    private string RemissLink => $"{BaseUrl}/malmo/remisser/{_remiss.Id}";

    private string ResponseLink => $"{RemissLink}/yttrande";

    private string OwnerResponseLink => $"{RemissLink}/yttranden/{_recipientId}";

    public static TheoryData<string> EveryEmail => ["Receipt", "SubmittedNotice", "DecisionConfirmed", "Declined"];

    [Fact]
    public void AnInstantInAnEmail_IsWrittenInTheTenantsTimeZone_WithAFullStopInTheClock()
    {
        Assert.Equal("23 november 2026 kl. 11.00", TenantCalendar.For("Europe/Stockholm").DateAndTime(SubmittedInWinter));
        Assert.Equal("15 juni 2027 kl. 10.05", TenantCalendar.For("Europe/Stockholm").DateAndTime(SubmittedInSummer));
        Assert.Equal("1 januari 2027 kl. 00.30", TenantCalendar.For("Europe/Stockholm").DateAndTime(new DateTime(2026, 12, 31, 23, 30, 0, DateTimeKind.Utc)));
        Assert.Equal("15 juni 2027 kl. 08.05", TenantCalendar.For("UTC").DateAndTime(SubmittedInSummer));
    }

    [Fact]
    public void TheReceipt_NamesTheRecipientTheRemissAndTheTimeOfSubmission()
    {
        var email = _emails.Receipt(_current, _remiss, "Tekniska nämnden", "Eva Svensson", SubmittedInWinter);

        Assert.Equal($"Kvittens: yttrande från Tekniska nämnden har kommit in – {Title} (STK-2023-137)", email.Subject);
        foreach (var part in new[] { email.TextBody, email.HtmlBody })
        {
            Assert.Contains(Title, part, StringComparison.Ordinal);
            Assert.Contains("STK-2023-137", part, StringComparison.Ordinal);
            Assert.Contains("Tekniska nämnden", part, StringComparison.Ordinal);
            Assert.Contains("Eva Svensson", part, StringComparison.Ordinal);
            Assert.Contains("23 november 2026 kl. 11.00", part, StringComparison.Ordinal);
        }

        Assert.Contains("Diarienummer: STK-2023-137", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Inskickat av: Eva Svensson", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Inskickat: 23 november 2026 kl. 11.00", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReceipt_SaysTheYttrandeIsReadOnly_AndThatTheOwnerCanReopenIt_AndLinksToTheYttrande()
    {
        var email = _emails.Receipt(_current, _remiss, "Tekniska nämnden", "Eva Svensson", SubmittedInWinter);

        Assert.Contains("går inte längre att ändra", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("den som skickade remissen öppna det igen", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Anna Andersson, anna.andersson@malmo.se", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(ResponseLink + "\n", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ResponseLink}\"", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReceipt_InSummer_GivesTheTimeInSummerTime()
    {
        var email = _emails.Receipt(_current, _remiss, "Tekniska nämnden", "Eva Svensson", SubmittedInSummer);

        Assert.Contains("Inskickat: 15 juni 2027 kl. 10.05", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("15 juni 2027 kl. 10.05", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReceipt_UsesTheTenantsTimeZone()
    {
        var helsinki = _current with { TimeZoneId = "Europe/Helsinki" };

        var email = _emails.Receipt(helsinki, _remiss, "Tekniska nämnden", "Eva Svensson", SubmittedInWinter);

        Assert.Contains("Inskickat: 23 november 2026 kl. 12.00", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSubmittedNotice_NamesTheRecipientTheTimeAndHowManyHaveAnswered()
    {
        var email = _emails.SubmittedNotice(_current, _remiss, _recipientId, "Tekniska nämnden", SubmittedInWinter, isPreliminary: false, answeredCount: 1, recipientCount: 2);

        Assert.Equal($"Tekniska nämnden har lämnat yttrande: {Title} (STK-2023-137)", email.Subject);
        foreach (var part in new[] { email.TextBody, email.HtmlBody })
        {
            Assert.Contains("Tekniska nämnden har lämnat yttrande", part, StringComparison.Ordinal);
            Assert.Contains(Title, part, StringComparison.Ordinal);
            Assert.Contains("23 november 2026 kl. 11.00", part, StringComparison.Ordinal);
            Assert.Contains("1 av 2 remissinstanser har svarat.", part, StringComparison.Ordinal);
        }

        Assert.Contains("Svarets status: Beslutat yttrande", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("remissinstansens beslutade svar", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("preliminär", email.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Alla remissinstanser har nu svarat", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSubmittedNotice_ForAPreliminaryAnswer_SaysTheNamndsDecisionComesLater()
    {
        var email = _emails.SubmittedNotice(_current, _remiss, _recipientId, "Tekniska nämnden", SubmittedInSummer, isPreliminary: true, answeredCount: 1, recipientCount: 2);

        Assert.Contains("Svarets status: Förvaltningens preliminära svar", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("förvaltningens preliminära svar: nämndens beslut kommer senare", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("nämndens beslut kommer senare", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Inkom: 15 juni 2027 kl. 10.05", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Beslutat yttrande", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSubmittedNotice_WhenTheLastRecipientAnswers_SaysAllHaveAnswered()
    {
        var email = _emails.SubmittedNotice(_current, _remiss, _recipientId, "Tekniska nämnden", SubmittedInWinter, isPreliminary: false, answeredCount: 2, recipientCount: 2);

        Assert.Contains("2 av 2 remissinstanser har svarat. Alla remissinstanser har nu svarat.", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSubmittedNotice_ToARemissWithOneRecipient_SpeaksOfOneRemissinstans()
    {
        var email = _emails.SubmittedNotice(_current, _remiss, _recipientId, "Tekniska nämnden", SubmittedInWinter, isPreliminary: false, answeredCount: 1, recipientCount: 1);

        Assert.Contains("1 av 1 remissinstans har svarat.", email.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(3, 2)]
    public void TheSubmittedNotice_RefusesCountsThatCannotBe(int answeredCount, int recipientCount)
    {
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() =>
            _emails.SubmittedNotice(_current, _remiss, _recipientId, "Tekniska nämnden", SubmittedInWinter, isPreliminary: false, answeredCount, recipientCount));
    }

    [Fact]
    public void TheSubmittedNotice_LinksToTheOwnersPageForThatYttrande()
    {
        var email = _emails.SubmittedNotice(_current, _remiss, _recipientId, "Tekniska nämnden", SubmittedInWinter, isPreliminary: false, answeredCount: 1, recipientCount: 2);

        Assert.Contains(OwnerResponseLink + "\n", email.TextBody, StringComparison.Ordinal);
        Assert.Equal([OwnerResponseLink, OwnerResponseLink], Hrefs(email));
    }

    [Fact]
    public void DecisionConfirmed_GivesTheNamndTheDateAndTheParagraph_AndThatTheAnswerWasPreliminary()
    {
        var email = _emails.DecisionConfirmed(_current, _remiss, _recipientId, "Tekniska nämnden", "Tekniska nämnden", new DateOnly(2026, 12, 17), "123");

        Assert.Equal($"Beslut om yttrande från Tekniska nämnden: {Title} (STK-2023-137)", email.Subject);
        Assert.Contains("Beslutat av: Tekniska nämnden", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Beslutsdatum: 17 december 2026", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Paragraf: § 123", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("den 17 december 2026, § 123", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("tidigare som förvaltningens preliminära svar", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("nämndens beslutade svar", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("17 december 2026", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(OwnerResponseLink + "\n", email.TextBody, StringComparison.Ordinal);
        Assert.Equal([OwnerResponseLink, OwnerResponseLink], Hrefs(email));
    }

    [Theory]
    [InlineData("§ 123")]
    [InlineData("§123")]
    [InlineData(" 123 ")]
    public void DecisionConfirmed_WritesTheParagraphOneWay_HoweverItWasTyped(string typed)
    {
        var email = _emails.DecisionConfirmed(_current, _remiss, _recipientId, "Tekniska nämnden", "Tekniska nämnden", new DateOnly(2026, 12, 17), typed);

        Assert.Contains("Paragraf: § 123\n", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("§ §", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void DecisionConfirmed_WithoutAParagraph_LeavesItOut()
    {
        var email = _emails.DecisionConfirmed(_current, _remiss, _recipientId, "Tekniska nämnden", "Tekniska nämnden", new DateOnly(2026, 12, 17), null);

        Assert.DoesNotContain("Paragraf", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("§", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("den 17 december 2026.", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Declined_SaysTheRecipientAbstains_AndGivesTheReason_AndLinksToTheRemiss()
    {
        var email = _emails.Declined(_current, _remiss, _recipientId, "MKB", "Frågan berör inte bolaget.");

        Assert.Equal($"MKB avstår från att yttra sig: {Title} (STK-2023-137)", email.Subject);
        Assert.Contains("MKB har meddelat att de avstår från att yttra sig", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Anledning:\nFrågan berör inte bolaget.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Frågan berör inte bolaget.", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(RemissLink + "\n", email.TextBody, StringComparison.Ordinal);
        Assert.Equal([RemissLink, RemissLink], Hrefs(email));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Declined_WithoutAReason_HasNoReasonHeading(string? reason)
    {
        var email = _emails.Declined(_current, _remiss, _recipientId, "MKB", reason);

        Assert.DoesNotContain("Anledning", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Anledning", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void AMultiLineReason_KeepsItsLineBreaks_InBothParts()
    {
        var email = _emails.Declined(_current, _remiss, _recipientId, "MKB", "Första raden.\r\nAndra raden.");

        Assert.Contains("Första raden.\nAndra raden.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Första raden.<br>\nAndra raden.", email.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryEmail))]
    public void EveryEmail_IsSwedishSelfContainedHtml_WithTheFooter_LinkingOnlyToTheRemiss(string which)
    {
        var email = Compose(which);
        const string footer = "Det här meddelandet skickades av Remiss för Malmö stad. Svara inte på det här meddelandet.";

        Assert.Contains("<html lang=\"sv\">", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<h1", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith(footer + "\n", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(footer, email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", email.Subject, StringComparison.Ordinal);
        var hrefs = Hrefs(email);
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href => Assert.StartsWith(RemissLink, href, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EveryEmail))]
    public void HostileNamesReasonsAndTitles_ComeOutInertInTheHtml(string which)
    {
        var remiss = A.DraftRemiss(A.Owner(_tenant), "<script>alert(1)</script> & \"citat\"");
        remiss.UpdateDetails(remiss.Title, "STK-2023-137", null, A.Deadline, A.Today, "<i>Anna</i>", "anna.andersson@malmo.se");
        remiss.AddQuestion(QuestionDefinition.FreeText("Vad tycker ni?"));
        A.AddRecipient(remiss, A.Organisation(_tenant));
        A.Send(remiss, A.Today, A.Now);

        var email = Compose(which, remiss, hostile: "<b onclick=\"alert(3)\">Eva</b>", reason: "<img src=x onerror=alert(2)>");

        Assert.DoesNotContain("<script", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<i>", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick=\"", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;b onclick=&quot;alert(3)&quot;&gt;Eva&lt;/b&gt;", email.HtmlBody, StringComparison.Ordinal);
        if (which == "Declined")
        {
            Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", email.HtmlBody, StringComparison.Ordinal);
        }

        // The plain text part and the subject are shown as text: names stay as typed.
        Assert.Contains("<b onclick=\"alert(3)\">Eva</b>", email.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_AreAbsolute_UnderTheConfiguredBaseUrlAndTheTenantSlug()
    {
        var emails = new RemissEmails(Options.Create(new EmailOptions { BaseUrl = "https://remiss.lund.se/app/" }));
        var lund = new CurrentTenant(Guid.CreateVersion7(), "lund", "Lunds kommun", "Europe/Stockholm");
        var remissLink = $"https://remiss.lund.se/app/lund/remisser/{_remiss.Id}";
        var ownerLink = $"{remissLink}/yttranden/{_recipientId}";

        Assert.Equal(ownerLink, emails.OwnerResponseUrl("lund", _remiss.Id, _recipientId).AbsoluteUri);
        Assert.Equal([$"{remissLink}/yttrande", $"{remissLink}/yttrande"], Hrefs(emails.Receipt(lund, _remiss, "Tekniska nämnden", "Eva Svensson", SubmittedInWinter)));
        Assert.Equal([ownerLink, ownerLink], Hrefs(emails.SubmittedNotice(lund, _remiss, _recipientId, "Tekniska nämnden", SubmittedInWinter, false, 1, 2)));
        Assert.Equal([ownerLink, ownerLink], Hrefs(emails.DecisionConfirmed(lund, _remiss, _recipientId, "Tekniska nämnden", "Tekniska nämnden", new DateOnly(2026, 12, 17), "§ 123")));
        Assert.Equal([remissLink, remissLink], Hrefs(emails.Declined(lund, _remiss, _recipientId, "MKB", null)));
        Assert.Contains("Remiss för Lunds kommun", emails.Declined(lund, _remiss, _recipientId, "MKB", null).TextBody, StringComparison.Ordinal);
    }

    private EmailContent Compose(string which, Remiss? remiss = null, string hostile = "Tekniska nämnden", string reason = "Frågan berör inte bolaget.")
    {
        remiss ??= _remiss;
        var recipientId = remiss.Recipients[0].Id;
        return which switch
        {
            "Receipt" => _emails.Receipt(_current, remiss, hostile, hostile, SubmittedInWinter),
            "SubmittedNotice" => _emails.SubmittedNotice(_current, remiss, recipientId, hostile, SubmittedInWinter, isPreliminary: true, 1, 2),
            "DecisionConfirmed" => _emails.DecisionConfirmed(_current, remiss, recipientId, hostile, hostile, new DateOnly(2026, 12, 17), hostile),
            "Declined" => _emails.Declined(_current, remiss, recipientId, hostile, reason),
            _ => throw new ArgumentOutOfRangeException(nameof(which), which, null),
        };
    }

    private static List<string> Hrefs(EmailContent email) => [.. Href().Matches(email.HtmlBody).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("""href\s*=\s*["']?([^"'\s>]*)""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Href();
}
