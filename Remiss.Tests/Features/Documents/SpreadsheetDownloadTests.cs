namespace Remiss.Tests.Features.Documents;

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Remisser;
using Remiss.Tests.Features.Responses;

/// <summary>
/// "Ladda ner som Excel" through the real app with real SQLite: the owner gets the .xlsx from the remiss page, with
/// the submitted answer and nothing of a draft; recipients, other tenants and visitors get no file.
/// </summary>
public sealed class SpreadsheetDownloadTests(SentDemoAppFactory factory) : IClassFixture<SentDemoAppFactory>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task The_owner_downloads_the_Excel_export_from_the_remiss_page_with_the_submitted_answer_and_no_draft()
    {
        var remiss = await factory.CopyOfDemoAsync();
        await SubmitAsync(remiss.Id, remiss.Asn, "<p>Asn svarar om <strong>trygghet</strong>.</p><ul><li>Först</li></ul>");
        await Kit.SaveCompleteDraftAsync(factory, remiss.Id, remiss.Grundskola, summary: "<p>Ett utkast.</p>");
        await RaisePointAsync(remiss.Id, remiss.Asn);
        using var owner = await factory.SignedInAsync(Kit.Owner);

        var (_, page) = await owner.GetPageAsync(remiss.Url);
        var link = page.QuerySelectorAll("main a").Single(a => Kit.Text(a) == "Ladda ner som Excel");
        using var response = await owner.GetAsync(link.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal($"Remissvar {remiss.Title.Split('(', ')')[1]}.xlsx", disposition.FileNameStar);

        using var sheet = new SpreadsheetInspection(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(sheet.ValidationErrors());
        var rows = sheet.Rows("Svar").Skip(1).ToList();
        var asn = rows.Single(r => r[0] == "1" && r[2] == Kit.AsnName);
        Assert.Equal(("Inkommet", "Asn svarar om trygghet.\n- Först"), (asn[4], asn[6]));
        Assert.Equal("Tillstyrker", rows.Single(r => r[0] == "3" && r[2] == Kit.AsnName)[5]);
        var grundskola = rows.Where(r => r[2] == Kit.GrundskolaName).ToList();
        Assert.NotEmpty(grundskola);
        Assert.All(grundskola, r => Assert.Equal(["Påbörjat"], r.Skip(4)));
        Assert.DoesNotContain(rows, r => r.Any(c => c.Contains("Rosengård", StringComparison.Ordinal)));
        Assert.Equal(remiss.Recipients.Keys.Order(SwedishOrder.Comparer), sheet.Rows("Remissinstanser").Skip(1).Select(r => r[0]));
        Assert.Equal([Kit.AsnName, "1", string.Empty, "Trygghet först.", "Trygghet", "Vi tar med det.", "Beaktas delvis"], sheet.Rows("Synpunkter")[1]);
    }

    [Fact]
    public async Task Svar_per_fraga_offers_the_same_Excel_download()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var owner = await factory.SignedInAsync(Kit.Owner);

        var (_, page) = await owner.GetPageAsync($"{remiss.Url}/fragor");
        var link = page.QuerySelectorAll("main a").Single(a => Kit.Text(a) == "Ladda ner som Excel").GetAttribute("href")!;
        using var response = await owner.GetAsync(link);

        Assert.Equal($"{remiss.Url}/excel", link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(Kit.AsnUser)]
    [InlineData(Kit.GrundskolaUser)]
    [InlineData(Kit.LundUser)]
    public async Task Anyone_but_the_owners_gets_404_for_the_Excel_export(string email)
    {
        using var session = await factory.SignedInAsync(email);
        using var response = await session.GetAsync($"/malmo/remisser/{factory.DemoId}/excel");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_recipient_sees_no_Excel_link_on_the_remiss_page()
    {
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync($"/malmo/remisser/{factory.DemoId}");
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => Kit.Text(a) == "Ladda ner som Excel");
    }

    [Fact]
    public async Task The_Excel_export_of_another_tenants_remiss_is_not_found_even_by_its_id()
    {
        using var lund = await factory.SignedInAsync(Kit.LundUser);
        using var response = await lund.GetAsync($"/lund/remisser/{factory.DemoId}/excel");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_is_sent_to_sign_in_and_gets_no_spreadsheet()
    {
        using var anonymous = factory.NewSession();
        using var response = await anonymous.GetAsync($"/malmo/remisser/{factory.DemoId}/excel");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logga-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>The office takes a synpunkt on question 1 from the recipient's submitted answer, under the theme Trygghet.</summary>
    private Task<int> RaisePointAsync(Guid remissId, Guid recipientId) =>
        factory.InTenantAsync("malmo", async (db, services) =>
        {
            var reader = services.GetRequiredService<RemissReader>();
            var remiss = (await reader.FindAsync(remissId, CancellationToken.None))!;
            var recipient = (await reader.FindRecipientAsync(recipientId, CancellationToken.None))!;
            var theme = Theme.Create(remiss, "Trygghet", []);
            db.Themes.Add(theme);
            db.RaisedPoints.Add(RaisedPoint.Raise(
                remiss, recipient, PointSource.Question(1), new PointContent("Trygghet först.", "Vi tar med det.", Disposition.PartlyConsidered, [theme.Id]), [theme], await Kit.UserIdAsync(db, Kit.Owner), factory.Clock.UtcNow));
            return await db.SaveChangesAsync();
        });

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
