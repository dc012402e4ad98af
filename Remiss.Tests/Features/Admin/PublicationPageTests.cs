namespace Remiss.Tests.Features.Admin;

using System.Net;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Remisser;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// Offentlighetsprincipen: where the tenant publishes, the submitted yttranden of a remiss the owner has closed are on a
/// public page, read without signing in; drafts, declined answers and personal data beyond signatories are not.
/// </summary>
public sealed class PublicationPageTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    [Fact]
    public async Task AClosedRemiss_ListsOnlyItsSubmittedYttranden_ToAnyoneWithoutSignIn()
    {
        await PublishAsync(true);
        var remiss = await ClosedWithAnswersAsync();
        using var anonymous = factory.NewSession();

        var (response, page) = await anonymous.GetPageAsync(PublicUrl(remiss));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(remiss.Title, Html.Text(page.QuerySelector("main h1")));
        var listed = page.QuerySelectorAll("main tbody tr td:first-child").Select(Html.Text).ToList();
        Assert.Equal([Arrange.Asn], listed);
        Assert.Null(page.QuerySelector("main form"));

        var (yttrande, document) = await anonymous.GetPageAsync(page.QuerySelector("main tbody a")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, yttrande.StatusCode);
        var text = Html.Text(document.QuerySelector("main"));
        Assert.Contains("Vi ser stora behov i Rosengård.", text, StringComparison.Ordinal);
        Assert.Contains("Sara Signatär, Förvaltningschef", text, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("main form"));
        foreach (var personal in new[] { "Anna Andersson", "anna.andersson@malmo.example", "Hanna Handläggare", Arrange.AsnUser, Arrange.Owner, "Grundskolans hemliga utkast", "protokoll.pdf" })
        {
            Assert.DoesNotContain(personal, page.DocumentElement.OuterHtml + document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ADraftOrADeclinedRecipient_HasNoPublicYttrande()
    {
        await PublishAsync(true);
        var remiss = await ClosedWithAnswersAsync();
        using var anonymous = factory.NewSession();

        foreach (var name in new[] { Arrange.Grundskola, Arrange.Mkb, Arrange.Tekniska })
        {
            using var response = await anonymous.GetAsync($"{PublicUrl(remiss)}/yttranden/{remiss.Recipients[name]}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task ARemissThatIsNotClosed_IsNotPublished()
    {
        await PublishAsync(true);
        var sent = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true });
        await Arrange.ChangeAsync(factory, sent.Id, (r, c) => Arrange.Submit(r, sent.Recipients[Arrange.Asn], c));
        var draft = await Arrange.RemissAsync(factory);
        using var anonymous = factory.NewSession();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(PublicUrl(sent))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{PublicUrl(sent)}/yttranden/{sent.Recipients[Arrange.Asn]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(PublicUrl(draft))).StatusCode);
    }

    [Fact]
    public async Task ATenantThatDoesNotPublish_ShowsNothing()
    {
        var remiss = await ClosedWithAnswersAsync();
        await PublishAsync(false);
        using var anonymous = factory.NewSession();

        using var response = await anonymous.GetAsync(PublicUrl(remiss));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await PublishAsync(true);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(PublicUrl(remiss))).StatusCode);
    }

    [Fact]
    public async Task ARemissOfAnotherTenant_IsNotFoundUnderThisTenantsAddress()
    {
        await PublishAsync(true);
        await PublishAsync(true, "lund");
        var remiss = await ClosedWithAnswersAsync();
        using var anonymous = factory.NewSession();

        using var response = await anonymous.GetAsync($"/offentligt/lund/remisser/{remiss.Id}");
        using var yttrande = await anonymous.GetAsync($"/offentligt/lund/remisser/{remiss.Id}/yttranden/{remiss.Recipients[Arrange.Asn]}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, yttrande.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/offentligt/finns-inte/remisser/{remiss.Id}")).StatusCode);
    }

    [Fact]
    public async Task ASignedInUserOfAnotherTenant_CanReadThePublicPageToo()
    {
        await PublishAsync(true);
        var remiss = await ClosedWithAnswersAsync();
        using var lund = await AdminKit.SignedInAsync(factory, Arrange.LundUser);

        using var response = await lund.GetAsync(PublicUrl(remiss));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheOwner_FindsThePublicPageFromTheRemissPage()
    {
        await PublishAsync(true);
        var remiss = await ClosedWithAnswersAsync();
        using var owner = await AdminKit.SignedInAsync(factory, Arrange.Owner);

        var (_, page) = await owner.GetPageAsync(remiss.Url);

        Assert.Equal(PublicUrl(remiss), page.QuerySelectorAll("main a").Single(a => Html.Text(a) == "Offentlig sida med inkomna yttranden").GetAttribute("href"));
    }

    private static string PublicUrl(ArrangedRemiss remiss) => $"/offentligt/malmo/remisser/{remiss.Id}";

    private Task<int> PublishAsync(bool publishes, string tenant = "malmo") =>
        factory.InTenantAsync(tenant, async (db, _) =>
        {
            (await db.Tenants.SingleAsync(t => t.Id == db.CurrentTenantId)).SetPublication(publishes);
            return await db.SaveChangesAsync();
        });

    /// <summary>ASN submitted (signed by Sara Signatär), Grundskolan has a draft, MKB declined, Tekniska never started; the owner closed it.</summary>
    private async Task<ArrangedRemiss> ClosedWithAnswersAsync()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true });
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) =>
        {
            var asn = c.Recipient(remiss.Recipients[Arrange.Asn]);
            var version = asn.StartDrafting(c.UserId, c.Now).Version;
            asn.SaveDraft(
                new ResponseContent(
                    "<p>Nämnden ställer sig bakom förslaget.</p>",
                    null,
                    [new AnswerContent(1, "<p>Vi ser stora behov i Rosengård.</p>"), new AnswerContent(2, "<p>Ett långsiktigt arbete behövs.</p>", new PositionAnswer(Position.Supports))],
                    [],
                    null,
                    [new SignatoryContent("Sara Signatär", "Förvaltningschef")]),
                version,
                c.ResponseContext,
                c.UserId,
                c.Now);
            asn.Submit(c.UserId, c.Now);
            var grundskola = c.Recipient(remiss.Recipients[Arrange.Grundskola]);
            var draft = grundskola.StartDrafting(c.UserId, c.Now).Version;
            grundskola.SaveDraft(new ResponseContent("<p>Grundskolans hemliga utkast</p>", null, [], [], null, []), draft, c.ResponseContext, c.UserId, c.Now);
            Arrange.Decline(r, remiss.Recipients[Arrange.Mkb], c);
            r.Close(c.Now);
        });
        return remiss;
    }
}
