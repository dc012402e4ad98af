namespace Remiss.Tests.Features.Documents;

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Remisser;
using Remiss.Tests.Features.Responses;

/// <summary>
/// The downloads through the real app: the owner's "Ladda ner sammanställning", and "Ladda ner yttrande" for the
/// owners and the recipient's own members. Anyone else, another tenant too, gets 404.
/// </summary>
public sealed class DocumentDownloadTests(SentDemoAppFactory factory) : IClassFixture<SentDemoAppFactory>
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Fact]
    public async Task The_owner_downloads_the_summary_from_the_remiss_page_with_every_recipient_and_the_submitted_answer()
    {
        var remiss = await factory.CopyOfDemoAsync();
        await SubmitAsync(remiss.Id, remiss.Asn, "<p>Asn svarar om <strong>trygghet</strong>.</p>");
        using var owner = await factory.SignedInAsync(Kit.Owner);

        var (_, page) = await owner.GetPageAsync(remiss.Url);
        var link = page.QuerySelectorAll("main a").Single(a => Kit.Text(a) == "Ladda ner sammanställning");
        using var response = await owner.GetAsync(link.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocxType, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal($"Sammanställning {remiss.Title.Split('(', ')')[1]}.docx", disposition.FileNameStar);
        using var document = new WordInspection(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(document.ValidationErrors());
        var names = WordInspection.Rows(document.Tables[0]).Skip(1).Select(r => r[0]).ToList();
        Assert.Equal(remiss.Recipients.Keys.Order(SwedishOrder.Comparer), names);
        Assert.Contains("Asn svarar om trygghet.", document.Under(Kit.AsnName, 3));
        Assert.Contains(document.Paragraphs(), p => p.Text == "Preliminär 23 november 2026");
    }

    [Fact]
    public async Task With_bilagor_the_summary_ends_with_every_yttrande_in_full()
    {
        var remiss = await factory.CopyOfDemoAsync();
        await SubmitAsync(remiss.Id, remiss.Asn, "<p>Asn i sin helhet.</p>");
        using var owner = await factory.SignedInAsync(Kit.Owner);
        var (_, page) = await owner.GetPageAsync(remiss.Url);
        var link = page.QuerySelectorAll("main a").Single(a => Kit.Text(a) == "Ladda ner sammanställning med alla yttranden som bilaga");

        using var response = await owner.GetAsync(link.GetAttribute("href")!);
        Assert.Equal($"Sammanställning med yttranden {remiss.Title.Split('(', ')')[1]}.docx", response.Content.Headers.ContentDisposition!.FileNameStar);

        using var document = new WordInspection(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Nämnden ställer sig bakom förslaget.", document.Under($"Yttrande från {Kit.AsnName}", 2));
        Assert.Empty(document.ValidationErrors());
    }

    [Theory]
    [InlineData(Kit.AsnUser)]
    [InlineData(Kit.GrundskolaUser)]
    [InlineData(Kit.LundUser)]
    public async Task Anyone_but_the_owners_gets_404_for_the_summary(string email)
    {
        using var session = await factory.SignedInAsync(email);
        using var response = await session.GetAsync($"/malmo/remisser/{factory.DemoId}/sammanstallning");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_is_sent_to_sign_in_and_gets_no_document()
    {
        using var anonymous = factory.NewSession();
        using var response = await anonymous.GetAsync($"/malmo/remisser/{factory.DemoId}/sammanstallning");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logga-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_recipient_and_the_owner_download_the_yttrande_laid_out_like_a_Malmo_yttrande()
    {
        var remiss = await factory.CopyOfDemoAsync();
        await SubmitAsync(remiss.Id, remiss.Asn, "<p>Asn svarar på fråga 1.</p><ol><li>Ett</li><li>Två</li></ol>");
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        using var owner = await factory.SignedInAsync(Kit.Owner);
        var (_, ownPage) = await asn.GetPageAsync(remiss.Yttrande);
        var (_, ownerPage) = await owner.GetPageAsync(remiss.AsnForOwner);
        var ownLink = ownPage.QuerySelectorAll("main a").Single(a => Kit.Text(a) == "Ladda ner yttrande").GetAttribute("href")!;
        var ownerLink = ownerPage.QuerySelectorAll("main a").Single(a => Kit.Text(a) == "Ladda ner yttrande").GetAttribute("href")!;
        Assert.Equal(ownLink, ownerLink);

        foreach (var session in new[] { asn, owner })
        {
            using var response = await session.GetAsync(ownLink);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(DocxType, response.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith($"Yttrande {Kit.AsnName} STK-TEST-", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
            using var document = new WordInspection(await response.Content.ReadAsByteArrayAsync());
            Assert.Empty(document.ValidationErrors());
            var texts = document.Paragraphs().Select(p => p.Text).ToList();
            Assert.Equal("Malmö stad", texts[0]);
            Assert.Equal(Kit.AsnName, texts[1]);
            Assert.Contains("Datum: 23 november 2026", texts);
            Assert.Contains($"Diarienummer: {remiss.Title.Split('(', ')')[1]}", texts);
            Assert.Contains(document.Paragraphs(), p => p.Style == "Title" && p.Text.Contains(remiss.Title, StringComparison.Ordinal));
            Assert.Equal(
                ["Sammanfattning", "Svar på remissfrågorna", "Ansvariga"],
                document.Headings().Where(h => h.Level == 1).Select(h => h.Text));
            Assert.Contains("Asn svarar på fråga 1.", document.Under(document.Headings().First(h => h.Level == 2).Text, 2));
            Assert.Contains("Anna Chef, Förvaltningschef", document.Under("Ansvariga", 1));
        }
    }

    [Theory]
    [InlineData(Kit.GrundskolaUser)]
    [InlineData(Kit.LundUser)]
    public async Task A_member_of_another_recipient_or_tenant_gets_404_for_the_yttrande(string email)
    {
        var remiss = await factory.CopyOfDemoAsync();
        await SubmitAsync(remiss.Id, remiss.Asn, "<p>Hemligt tills vidare.</p>");
        using var session = await factory.SignedInAsync(email);
        using var response = await session.GetAsync($"{remiss.Url}/yttranden/{remiss.Asn}/word");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_recipient_without_an_yttrande_has_nothing_to_download()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var owner = await factory.SignedInAsync(Kit.Owner);
        using var response = await owner.GetAsync($"{remiss.Url}/yttranden/{remiss.Grundskola}/word");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Asn's colleague saved a draft; it is completed with <paramref name="answer"/> to question 1 and submitted.</summary>
    private async Task SubmitAsync(Guid remissId, Guid recipientId, string answer)
    {
        await Kit.SaveCompleteDraftAsync(factory, remissId, recipientId);
        await factory.InTenantAsync("malmo", async (db, services) =>
            {
                var recipient = (await services.GetRequiredService<RemissReader>().FindRecipientAsync(recipientId, CancellationToken.None))!;
                var user = await Kit.UserIdAsync(db, Kit.AsnUser);
                var context = new ResponseContext(["Barnperspektiv", "Jämställdhet", "Ekonomiska konsekvenser"], []);
                recipient.SaveDraft(
                    ResponseContent.Empty with
                    {
                        Summary = "<p>Nämnden ställer sig bakom förslaget.</p>",
                        Answers = [new AnswerContent(1, answer), new AnswerContent(3, "<p>Ett långsiktigt arbete behövs.</p>", new PositionAnswer(Position.Supports))],
                        Signatories = [new SignatoryContent("Anna Chef", "Förvaltningschef")],
                    },
                    recipient.Response!.Version,
                    context,
                    user,
                    factory.Clock.UtcNow);
                recipient.Submit(user, factory.Clock.UtcNow);
                return await db.SaveChangesAsync();
            });
    }
}
