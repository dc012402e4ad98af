namespace Remiss.Tests.Features.Responses;

using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Email;
using Remiss.Tests.TestSupport;

/// <summary>
/// `Avstå från att yttra sig` with an optional reason, and `Begär anstånd` with a wished date and a reason: the
/// owners are told by e-mail; a decided anstånd moves this recipient's deadline on its form and start page.
/// </summary>
public sealed class DeclineAndExtensionTests(SentDemoAppFactory factory) : IClassFixture<SentDemoAppFactory>
{
    private static readonly string[] OwnerAddresses = ["handlaggare@malmo.example", "stadskontoret@malmo.example"];

    // ---- Avstå ------------------------------------------------------------------------------------------

    [Fact]
    public async Task Avsta_with_a_reason_makes_it_Avstar_tells_the_owners_and_counts_apart_from_silence()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);

        var toDecline = await PageForm.Yttrande(page).Set("Input.Summary", "Påbörjat innan vi avstod.").SubmitAsync(asn, "Avstå från att yttra sig");

        var declinePage = await asn.RedirectedToAsync(toDecline, $"{remiss.Yttrande}/avsta");
        Assert.Equal("Avstå från att yttra sig", Kit.Text(declinePage.QuerySelector("main h1")));
        Assert.Equal(("textarea", "Reason"), (Kit.Labelled(declinePage, "Anledning (frivillig)").LocalName, Kit.Labelled(declinePage, "Anledning (frivillig)").GetAttribute("name")));
        var declined = await PageForm.Of(declinePage).Set("Reason", "Frågan berör inte nämndens ansvarsområde.").SubmitAsync(asn, "Avstå från att yttra sig");

        var done = await asn.RedirectedToAsync(declined, remiss.Yttrande);
        Assert.Equal("Ni har avstått från att yttra er. Avsändaren har fått besked.", Kit.Status(done));
        Assert.Contains("Ni har avstått från att yttra er. Frågan berör inte nämndens ansvarsområde.", Kit.MainText(done), StringComparison.Ordinal);
        Assert.Contains("Avstår", Kit.Text(done.QuerySelector("main .summary-bar")), StringComparison.Ordinal);
        Assert.Null(done.QuerySelector("main form[data-response-form]"));
        var stored = await Kit.StoredAsync(factory, remiss.Id, remiss.Asn);
        Assert.Equal(RecipientStatus.Declined, stored.Status);
        Assert.Equal("Frågan berör inte nämndens ansvarsområde.", stored.DeclineReason);
        Assert.Equal(factory.Clock.UtcNow, stored.DeclinedAt);
        Assert.Equal(OwnerAddresses, (await Kit.EmailsAboutAsync(factory, remiss.Asn)).Where(e => e.Reason == EmailReason.Declined).Select(e => e.To).Order(StringComparer.Ordinal).ToList());

        using var owner = await factory.SignedInAsync(Kit.Owner);
        var (_, details) = await owner.GetPageAsync(remiss.Url);
        Assert.Equal("1 av 15 har svarat (varav 1 avstår)", Kit.Text(details.QuerySelector("main .summary-bar")));
    }

    [Fact]
    public async Task Avsta_without_a_reason_is_allowed()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, declinePage) = await asn.GetPageAsync($"{remiss.Yttrande}/avsta");

        var declined = await PageForm.Of(declinePage).SubmitAsync(asn, "Avstå från att yttra sig");

        await asn.RedirectedToAsync(declined, remiss.Yttrande);
        var stored = await Kit.StoredAsync(factory, remiss.Id, remiss.Asn);
        Assert.Equal(RecipientStatus.Declined, stored.Status);
        Assert.Null(stored.DeclineReason);
    }

    [Fact]
    public async Task Declining_after_submitting_is_refused_and_changes_nothing()
    {
        var remiss = await factory.CopyOfDemoAsync();
        await Kit.SaveCompleteDraftAsync(factory, remiss.Id, remiss.Asn);
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, form) = await asn.GetPageAsync(remiss.Yttrande);
        var (_, declinePage) = await asn.GetPageAsync($"{remiss.Yttrande}/avsta");
        var (_, confirm) = await asn.GetPageAsync($"{remiss.Yttrande}/skicka-in");
        await asn.RedirectedToAsync(await PageForm.Of(confirm).SubmitAsync(asn, "Bekräfta och skicka in"), remiss.Yttrande);
        var before = await Kit.FingerprintAsync(factory, remiss.Id, remiss.Asn);

        var declined = await PageForm.Of(declinePage).Set("Reason", "Vi ångrar oss.").SubmitAsync(asn, "Avstå från att yttra sig");
        var viaForm = await PageForm.Yttrande(form).SubmitAsync(asn, "Avstå från att yttra sig");

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var refused = await WebSession.ParseAsync(declined);
        Assert.Contains("Att avstå går inte: yttrandet är redan inskickat. Ägaren av remissen kan öppna det igen.", Kit.Errors(refused));
        Assert.Equal("Vi ångrar oss.", ((IHtmlTextAreaElement)Kit.Labelled(refused, "Anledning (frivillig)")).Value);
        Assert.Equal(HttpStatusCode.OK, viaForm.StatusCode);
        Assert.Equal(before, await Kit.FingerprintAsync(factory, remiss.Id, remiss.Asn));
        Assert.Equal(RecipientStatus.Submitted, (await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Status);
        Assert.DoesNotContain((await Kit.EmailsAboutAsync(factory, remiss.Asn)), e => e.Reason == EmailReason.Declined);
    }

    [Fact]
    public async Task After_declining_the_draft_can_no_longer_be_saved()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, form) = await asn.GetPageAsync(remiss.Yttrande);
        var (_, declinePage) = await asn.GetPageAsync($"{remiss.Yttrande}/avsta");
        await asn.RedirectedToAsync(await PageForm.Of(declinePage).SubmitAsync(asn, "Avstå från att yttra sig"), remiss.Yttrande);
        var before = await Kit.FingerprintAsync(factory, remiss.Id, remiss.Asn);

        var saved = await PageForm.Yttrande(form).Set("Input.Summary", "Efter att vi avstod.").SubmitAsync(asn, "Spara utkast");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Att skriva yttrandet går inte: ni har avstått från att yttra er.", Kit.Errors(await WebSession.ParseAsync(saved)));
        Assert.Equal(before, await Kit.FingerprintAsync(factory, remiss.Id, remiss.Asn));
    }

    // ---- Anstånd ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2027-11-30", "Ange ett datum senare än nuvarande sista svarsdag.")]
    [InlineData("2027-06-01", "Ange ett datum senare än nuvarande sista svarsdag.")]
    [InlineData("2026-11-23", "Ange ett datum efter dagens datum.")]
    [InlineData("", "Ange vilket datum ni önskar som sista svarsdag.")]
    public async Task A_date_not_after_the_current_deadline_is_refused_with_a_message_next_to_the_field(string date, string message)
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);
        var extensionPage = await asn.RedirectedToAsync(await PageForm.Yttrande(page).SubmitAsync(asn, "Begär anstånd"), $"{remiss.Yttrande}/anstand");
        Assert.Contains($"Nuvarande sista svarsdag för {Kit.AsnName} är 30 november 2027.", Kit.MainText(extensionPage), StringComparison.Ordinal);
        var before = await Kit.FingerprintAsync(factory, remiss.Id, remiss.Asn);

        var response = await PageForm.Of(extensionPage)
            .Set("RequestedDeadline", date)
            .Set("Reason", "Nämnden sammanträder i december.")
            .SubmitAsync(asn, "Begär anstånd");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await WebSession.ParseAsync(response);
        var field = Kit.Labelled(refused, "Önskad sista svarsdag");
        Assert.Equal(("date", "RequestedDeadline"), (field.GetAttribute("type"), field.GetAttribute("name")));
        Assert.Equal(message, Kit.Text(refused.GetElementById("RequestedDeadline-error")));
        Assert.Contains("RequestedDeadline-error", field.GetAttribute("aria-describedby") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(date, field.GetAttribute("value") ?? string.Empty);
        Assert.Equal("Nämnden sammanträder i december.", ((IHtmlTextAreaElement)Kit.Labelled(refused, "Motivering")).Value);
        Assert.Equal(before, await Kit.FingerprintAsync(factory, remiss.Id, remiss.Asn));
    }

    [Fact]
    public async Task A_valid_request_is_pending_on_the_form_tells_the_owners_and_a_second_request_waits()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, extensionPage) = await asn.GetPageAsync($"{remiss.Yttrande}/anstand");

        var requested = await PageForm.Of(extensionPage)
            .Set("RequestedDeadline", "2027-12-20")
            .Set("Reason", "Nämnden sammanträder den 19 december.")
            .SubmitAsync(asn, "Begär anstånd");

        var form = await asn.RedirectedToAsync(requested, remiss.Yttrande);
        Assert.Equal("Begäran om anstånd är skickad till avsändaren.", Kit.Status(form));
        Assert.Contains(
            form.QuerySelectorAll("main .status-message").Select(Kit.Text),
            t => t == "Ni har begärt anstånd till 20 december 2027. Stadskontoret har inte beslutat ännu.");
        Assert.Contains("30 november 2027", Kit.Text(form.QuerySelector("main .summary-bar")), StringComparison.Ordinal);
        var stored = await Kit.StoredAsync(factory, remiss.Id, remiss.Asn);
        var extension = Assert.Single(stored.Extensions);
        Assert.Equal((ExtensionStatus.Requested, new DateOnly(2027, 12, 20), "Nämnden sammanträder den 19 december."), (extension.Status, extension.RequestedDeadline, extension.Reason));
        Assert.Null(stored.ExtendedDeadline);
        var emails = await Kit.EmailsAboutAsync(factory, extension.Id);
        Assert.All(emails, e => Assert.Equal(EmailReason.ExtensionRequested, e.Reason));
        Assert.Equal(OwnerAddresses, emails.Select(e => e.To).Order(StringComparer.Ordinal).ToList());

        var (_, again) = await asn.GetPageAsync($"{remiss.Yttrande}/anstand");
        var second = await PageForm.Of(again).Set("RequestedDeadline", "2028-01-31").SubmitAsync(asn, "Begär anstånd");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("Det finns redan en begäran om anstånd som väntar på beslut.", Kit.Text((await WebSession.ParseAsync(second)).GetElementById("RequestedDeadline-error")));
        Assert.Single((await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Extensions);
    }

    [Fact]
    public async Task When_the_owner_grants_it_the_recipients_form_and_start_page_show_the_new_deadline_and_only_theirs_moves()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, extensionPage) = await asn.GetPageAsync($"{remiss.Yttrande}/anstand");
        await asn.RedirectedToAsync(
            await PageForm.Of(extensionPage).Set("RequestedDeadline", "2027-12-20").Set("Reason", "Nämndmöte i december.").SubmitAsync(asn, "Begär anstånd"),
            remiss.Yttrande);

        using var owner = await factory.SignedInAsync(Kit.Owner);
        var (_, details) = await owner.GetPageAsync(remiss.Url);
        var granted = await PageForm.Of(details, "main form[action*='handler=GrantExtension']")
            .Set("Message", "Beviljas.")
            .SubmitAsync(owner, $"Bevilja anstånd för {Kit.AsnName}");
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);

        var (_, form) = await asn.GetPageAsync(remiss.Yttrande);
        Assert.Contains("20 december 2027", Kit.Text(form.QuerySelector("main .summary-bar")), StringComparison.Ordinal);
        Assert.Contains(form.QuerySelectorAll("main .status-message").Select(Kit.Text), t => t.StartsWith("Stadskontoret har beviljat anstånd till 20 december 2027.", StringComparison.Ordinal));
        Assert.NotNull(form.QuerySelector("main form[data-response-form]"));
        var (_, start) = await asn.GetPageAsync("/malmo");
        var row = RowOf(start, remiss);
        Assert.Equal("20 december 2027", row[4]);
        Assert.Equal("392 dagar", row[5]);
        var stored = await Kit.StoredAsync(factory, remiss.Id, remiss.Asn);
        Assert.Equal(new DateOnly(2027, 12, 20), stored.Deadline);
        Assert.Equal(ExtensionStatus.Granted, Assert.Single(stored.Extensions).Status);

        using var grundskola = await factory.SignedInAsync(Kit.GrundskolaUser);
        var (_, theirStart) = await grundskola.GetPageAsync("/malmo");
        Assert.Equal("30 november 2027", RowOf(theirStart, remiss)[4]);
    }

    [Fact]
    public async Task Deciding_the_anstand_of_another_remiss_from_this_remiss_page_is_not_found_and_decides_nothing()
    {
        var remiss = await factory.CopyOfDemoAsync();
        var other = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, extensionPage) = await asn.GetPageAsync($"{other.Yttrande}/anstand");
        await asn.RedirectedToAsync(await PageForm.Of(extensionPage).Set("RequestedDeadline", "2027-12-20").SubmitAsync(asn, "Begär anstånd"), other.Yttrande);
        var foreign = Assert.Single((await Kit.StoredAsync(factory, other.Id, other.Asn)).Extensions);

        using var owner = await factory.SignedInAsync(Kit.Owner);
        var (_, details) = await owner.GetPageAsync(other.Url);
        var form = PageForm.Of(details, "main form[action*='handler=GrantExtension']");
        foreach (var handler in new[] { "GrantExtension", "RefuseExtension" })
        {
            foreach (var recipient in new[] { remiss.Asn, other.Asn })
            {
                using var response = await form.PostToAsync(owner, $"{remiss.Url}?handler={handler}&recipientId={recipient}&extensionId={foreign.Id}");

                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }
        }

        Assert.Equal(ExtensionStatus.Requested, Assert.Single((await Kit.StoredAsync(factory, other.Id, other.Asn)).Extensions).Status);
        Assert.Empty((await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Extensions);
    }

    [Fact]
    public async Task Deciding_an_anstand_that_is_already_decided_is_refused_on_the_form_with_a_message()
    {
        var (remiss, owner, details) = await AnstandRequestedAsync();
        using var signedIn = owner;
        var form = PageForm.Of(details, "main form[action*='handler=GrantExtension']");
        using var granted = await form.SubmitAsync(owner, $"Bevilja anstånd för {Kit.AsnName}");
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);

        using var again = await form.SubmitAsync(owner, $"Avslå anstånd för {Kit.AsnName}");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Begäran om anstånd är redan avgjord.", Kit.Errors(await WebSession.ParseAsync(again)));
        Assert.Equal(ExtensionStatus.Granted, Assert.Single((await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Extensions).Status);
    }

    [Fact]
    public async Task A_too_long_message_with_a_granted_anstand_is_refused_next_to_it_with_what_was_typed_kept_and_decides_nothing()
    {
        var (remiss, owner, details) = await AnstandRequestedAsync();
        using var signedIn = owner;
        var message = new string('x', 4_001);

        using var refused = await PageForm.Of(details, "main form[action*='handler=GrantExtension']")
            .Set("GrantedDeadline", "2027-12-18")
            .Set("Message", message)
            .SubmitAsync(owner, $"Bevilja anstånd för {Kit.AsnName}");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await WebSession.ParseAsync(refused);
        var field = Kit.Labelled(page, $"Meddelande till {Kit.AsnName}");
        Assert.Equal(message, ((IHtmlTextAreaElement)field).Value);
        Assert.Equal("Meddelande får vara högst 4 000 tecken.", Kit.Text(page.GetElementById(field.GetAttribute("aria-describedby")!)));
        Assert.Equal("2027-12-18", ((IHtmlInputElement)Kit.Labelled(page, $"Nytt datum för {Kit.AsnName}")).Value);
        Assert.Contains("Meddelande får vara högst 4 000 tecken.", Kit.Errors(page));
        Assert.Equal(ExtensionStatus.Requested, Assert.Single((await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Extensions).Status);
    }

    [Fact]
    public async Task The_message_with_a_granted_anstand_reaches_the_recipients_form_and_e_mail_without_control_characters()
    {
        var (remiss, owner, details) = await AnstandRequestedAsync();
        using var signedIn = owner;

        using var granted = await PageForm.Of(details, "main form[action*='handler=GrantExtension']")
            .Set("Message", "Beviljas\u001F till\u0007 nämndens möte.")
            .SubmitAsync(owner, $"Bevilja anstånd för {Kit.AsnName}");

        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        var extension = Assert.Single((await Kit.StoredAsync(factory, remiss.Id, remiss.Asn)).Extensions);
        Assert.Equal("Beviljas till nämndens möte.", extension.DecisionComment);
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, form) = await asn.GetPageAsync(remiss.Yttrande);
        Assert.Contains(form.QuerySelectorAll("main .status-message").Select(Kit.Text), t => t == "Stadskontoret har beviljat anstånd till 20 december 2027. Beviljas till nämndens möte.");
        var texts = await factory.InTenantAsync("malmo", (db, _) =>
            db.Outbox.Where(m => m.ConcernsId == remiss.Asn && m.Reason == EmailReason.ExtensionGranted).Select(m => m.TextBody).ToListAsync());
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.Contains("Beviljas till nämndens möte.", t, StringComparison.Ordinal));
    }

    private static List<string> RowOf(IHtmlDocument start, SentRemiss remiss) =>
        [.. start.QuerySelectorAll("main section[aria-labelledby=att-besvara] tbody tr")
            .Single(r => r.QuerySelector($"a[href='{remiss.Url}']") is not null)
            .QuerySelectorAll("td")
            .Select(Kit.Text)];

    /// <summary>A copy of the demo in which asn has asked for anstånd to 20 December 2027, and the owner's remiss page.</summary>
    private async Task<(SentRemiss Remiss, WebSession Owner, IHtmlDocument Details)> AnstandRequestedAsync()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using (var asn = await factory.SignedInAsync(Kit.AsnUser))
        {
            var (_, extensionPage) = await asn.GetPageAsync($"{remiss.Yttrande}/anstand");
            await asn.RedirectedToAsync(await PageForm.Of(extensionPage).Set("RequestedDeadline", "2027-12-20").SubmitAsync(asn, "Begär anstånd"), remiss.Yttrande);
        }

        var owner = await factory.SignedInAsync(Kit.Owner);
        var (_, details) = await owner.GetPageAsync(remiss.Url);
        return (remiss, owner, details);
    }
}
