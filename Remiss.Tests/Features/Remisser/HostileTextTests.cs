namespace Remiss.Tests.Features.Remisser;

using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Email;
using Remiss.Tests.TestSupport;

/// <summary>
/// A hostile <c>&lt;script&gt;</c>, an <c>onerror</c> image or a <c>javascript:</c> link typed into any text of
/// the remiss is stored sanitised (formatted text) or as plain text, and every page that shows it renders it
/// inert: encoded, never run.
/// </summary>
public sealed class HostileTextTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(1)>";
    private const string Link = "<a href=\"javascript:alert(1)\">klicka här</a>";

    [Fact]
    public async Task HostileTextTypedIntoTheForm_IsStoredSanitised_AndRenderedInertOnEveryPage()
    {
        var word = Arrange.Unique();
        var title = $"{Script} Områdeslyft {word} {Image}";
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Recipients = [Arrange.Asn] });
        using var owner = factory.NewSession();
        await owner.SignInAsync(Arrange.Owner);
        var (_, edit) = await owner.GetPageAsync($"{remiss.Url}/redigera");

        using var saved = await BrowserForm.Of(edit)
            .Set("Input.Title", title)
            .Set("Input.Description", $"<p>Inledning {Image} {Link} <a href=\"https://malmo.se/omradeslyft\">Läs mer</a></p>{Script}<p onclick=\"alert(1)\">Slut</p>")
            .Set("Input.ContactName", "<b onmouseover=alert(1)>Anna</b>")
            .Set("Input.Questions[0].Text", $"{Script}Vilka utmaningar ser ni?")
            .Set("Input.Questions[1].Text", $"Välj {Link}")
            .Set("Input.Questions[1].Type", "Choice")
            .Set("Input.Questions[1].Options", $"{Image}\r\nJa")
            .Set("Input.Questions[2].Text", "Bedöm")
            .Set("Input.Questions[2].Type", "TrafficLight")
            .Set("Input.Questions[2].Items", "<svg onload=alert(1)>\r\nTrygghet")
            .SubmitAsync(owner, "Spara utkast");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.Equal(title, stored.Title);
        Assert.DoesNotContain("<script", stored.Description, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", stored.Description, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", stored.Description, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", stored.Description, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Inledning", stored.Description, StringComparison.Ordinal);
        Assert.Contains("href=\"https://malmo.se/omradeslyft\"", stored.Description, StringComparison.Ordinal);

        foreach (var path in new[] { $"{remiss.Url}/redigera", remiss.Url, $"{remiss.Url}/forhandsgranska", $"/malmo/remisser?q={word}", $"{remiss.Url}/skicka" })
        {
            var (status, html, page) = await RawAsync(owner, path);
            Assert.True(status == HttpStatusCode.OK, $"{path}: {(int)status}");
            AssertInert(path, html, page);
            Assert.Contains(title, page.Body!.TextContent, StringComparison.Ordinal);
        }

        var (_, _, details) = await RawAsync(owner, remiss.Url);
        Assert.Equal(title, Html.Text(details.QuerySelector("main h1")));
        Assert.Contains("Läs mer", Html.Text(details.QuerySelector("main section[aria-labelledby=beskrivning]")), StringComparison.Ordinal);
        Assert.Equal($"{Script}Vilka utmaningar ser ni?", Html.Text(details.QuerySelector("main ol.questions li .question-text")));
        var (_, _, preview) = await RawAsync(owner, $"{remiss.Url}/forhandsgranska");
        Assert.Equal(title, Html.Text(preview.QuerySelector("main h1")));
        Assert.Contains($"Alternativ: {Image}, Ja", Html.Text(preview.QuerySelector("main ol.questions")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileTextOfASentRemiss_IsInertForTheRecipient_AndInTheInvitation()
    {
        var word = Arrange.Unique();
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec
        {
            Title = $"{Script} Mottagarsida {word} {Image}",
            Description = $"<p>Text {Image}{Link}</p>{Script}",
            Recipients = [Arrange.Asn],
            Questions = [QuestionDefinition.FreeText($"{Script}Fråga {Image}", required: true)],
        });
        using var owner = factory.NewSession();
        await owner.SignInAsync(Arrange.Owner);
        var (_, confirmation) = await owner.GetPageAsync($"{remiss.Url}/skicka");
        using var sent = await BrowserForm.Of(confirmation).SubmitAsync(owner, "Bekräfta och skicka");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        using var recipient = factory.NewSession();
        await recipient.SignInAsync(Arrange.AsnUser);

        foreach (var path in new[] { remiss.Url, "/malmo" })
        {
            var (status, html, page) = await RawAsync(recipient, path);
            Assert.True(status == HttpStatusCode.OK, $"{path}: {(int)status}");
            AssertInert(path, html, page);
        }

        var invitations = await factory.InTenantAsync("malmo", (db, _) =>
        {
            var ids = remiss.Recipients.Values.ToList();
            return db.Outbox.Where(m => m.Reason == EmailReason.Invitation && ids.Contains(m.ConcernsId)).ToListAsync();
        });
        Assert.NotEmpty(invitations);
        foreach (var message in invitations)
        {
            var body = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(message.HtmlBody, CancellationToken.None);
            AssertInert($"e-post till {message.ToAddress}", message.HtmlBody, body);
            Assert.Contains(remiss.Title, body.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HostileTextInAnYttrande_IsInertOnTheOwnersYttrandePage()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true, Recipients = [Arrange.Asn] });
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) => Arrange.Submit(r, remiss.Recipients[Arrange.Asn], c, $"<p>Vårt svar {Image}{Link}</p>{Script}"));
        using var owner = factory.NewSession();
        await owner.SignInAsync(Arrange.Owner);

        var (status, html, page) = await RawAsync(owner, $"{remiss.Url}/yttranden/{remiss.Recipients[Arrange.Asn]}");

        Assert.Equal(HttpStatusCode.OK, status);
        AssertInert("yttrandet", html, page);
        Assert.Contains("Vårt svar", Html.Text(page.QuerySelector("main article.answer")), StringComparison.Ordinal);
    }

    private static void AssertInert(string where, string html, IHtmlDocument page)
    {
        Assert.True(Html.ActiveContent(page).Count == 0, $"{where} runs: {string.Join(" ", Html.ActiveContent(page))}");
        Assert.DoesNotContain(Script, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<(HttpStatusCode Status, string Html, IHtmlDocument Page)> RawAsync(WebSession session, string path)
    {
        using var response = await session.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        var page = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(html, CancellationToken.None);
        return (response.StatusCode, html, page);
    }
}
