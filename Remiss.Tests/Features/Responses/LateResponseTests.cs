namespace Remiss.Tests.Features.Responses;

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// After the sista svarsdag (30 November 2027 for the demo) the form still opens and says the answer is late;
/// the start page lists overdue remisser first and marks them "Sen". The clock of this app stands on
/// 3 December 2027.
/// </summary>
public sealed class LateResponseTests(LateResponseTests.Factory factory) : IClassFixture<LateResponseTests.Factory>
{
    [Fact]
    public async Task The_form_still_opens_after_the_deadline_says_the_answer_is_late_and_still_saves()
    {
        using var asn = await factory.SignedInAsync(Kit.AsnUser);

        var (response, page) = await asn.GetPageAsync($"/malmo/remisser/{factory.DemoId}/yttrande");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            "Sista svarsdag har passerat. Ni kan fortfarande svara; avsändaren avgör hur ett sent svar hanteras.",
            Kit.Text(page.QuerySelector("main .warning-message")));
        var bar = Kit.Text(page.QuerySelector("main .summary-bar"));
        Assert.Contains("Sen", bar, StringComparison.Ordinal);
        Assert.Contains("30 november 2027", bar, StringComparison.Ordinal);

        var saved = await PageForm.Yttrande(page).Set("Input.Answers[1].Text", "Sent men ändå.").SubmitAsync(asn, "Spara utkast");

        var again = await asn.RedirectedToAsync(saved, $"/malmo/remisser/{factory.DemoId}/yttrande");
        Assert.Equal("Sent men ändå.", PageForm.Yttrande(again).Value("Input.Answers[1].Text"));
        Assert.NotNull(again.QuerySelector("main .warning-message"));
    }

    [Fact]
    public async Task The_start_page_lists_the_overdue_remiss_first_and_marks_it_Sen_in_words()
    {
        using var asn = await factory.SignedInAsync(Kit.AsnUser);

        var (_, page) = await asn.GetPageAsync("/malmo");

        var rows = page.QuerySelectorAll("main section[aria-labelledby=att-besvara] tbody tr").ToList();
        Assert.Equal(4, rows.Count);
        Assert.NotNull(rows[0].QuerySelector($"a[href='/malmo/remisser/{factory.DemoId}']"));
        var first = rows[0].QuerySelectorAll("td").Select(Kit.Text).ToList();
        Assert.Equal(["Påbörjat", "Sen"], rows[0].QuerySelectorAll("td")[3].QuerySelectorAll(".status").Select(Kit.Text).ToList());
        Assert.Equal("30 november 2027", first[4]);
        Assert.Equal("Sen med 3 dagar", first[5]);
        Assert.NotNull(rows[0].QuerySelector(".status--overdue"));

        // Every overdue row comes before the others: the answered remiss has the earliest deadline of all, yet comes
        // after them, and is not "Sen".
        var overdue = rows.Select(r => r.QuerySelector(".status--overdue") is not null).ToList();
        Assert.Equal(overdue.OrderByDescending(o => o).ToList(), overdue);
        var answered = rows.Single(r => r.QuerySelector($"a[href='/malmo/remisser/{factory.Answered}']") is not null);
        Assert.True(rows.IndexOf(answered) >= overdue.Count(o => o));
        var cells = answered.QuerySelectorAll("td").Select(Kit.Text).ToList();
        Assert.Equal("Inkommet", cells[3]);
        Assert.Equal("–", cells[5]);
        Assert.Null(answered.QuerySelector(".status--overdue"));
    }

    [Fact]
    public async Task The_status_cell_reads_Sen_as_a_word_of_its_own_not_glued_to_the_status()
    {
        using var asn = await factory.SignedInAsync(Kit.AsnUser);

        var (_, page) = await asn.GetPageAsync("/malmo");

        var row = page.QuerySelectorAll("main section[aria-labelledby=att-besvara] tbody tr")
            .Single(r => r.QuerySelector($"a[href='/malmo/remisser/{factory.DemoId}']") is not null);

        // The accessible text of the cell is its text content: "PåbörjatSen" is read as one word.
        Assert.Equal("Påbörjat Sen", row.QuerySelectorAll("td")[3].TextContent.Trim());
    }

    [Fact]
    public async Task One_day_late_is_written_in_the_singular()
    {
        using var asn = await factory.SignedInAsync(Kit.AsnUser);

        var (_, page) = await asn.GetPageAsync("/malmo");

        var row = page.QuerySelectorAll("main section[aria-labelledby=att-besvara] tbody tr")
            .Single(r => r.QuerySelector($"a[href='/malmo/remisser/{factory.OneDayLate}']") is not null);
        Assert.Equal("Sen med 1 dag", Kit.Text(row.QuerySelectorAll("td")[5]));
    }

    [Fact]
    public async Task A_late_answer_can_still_be_submitted_and_the_confirmation_says_it_is_registered_as_late()
    {
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var yttrande = $"/malmo/remisser/{factory.LateToSubmit}/yttrande";
        var (_, page) = await asn.GetPageAsync(yttrande);
        var form = PageForm.Yttrande(page)
            .Set("Input.Answers[0].Text", "Sent svar på fråga 1.")
            .Set("Input.Answers[2].Position", "Opposes");

        var confirm = await asn.RedirectedToAsync(await form.SubmitAsync(asn, "Skicka in yttrande"), $"{yttrande}/skicka-in");
        Assert.Contains("Sista svarsdag har passerat. Svaret registreras som sent.", Kit.MainText(confirm), StringComparison.Ordinal);
        var done = await asn.RedirectedToAsync(await PageForm.Of(confirm).SubmitAsync(asn, "Bekräfta och skicka in"), yttrande);

        Assert.Contains("Yttrandet skickades in 3 december 2027", Kit.MainText(done), StringComparison.Ordinal);
        Assert.DoesNotContain("Sen", Kit.Text(done.QuerySelector("main .summary-bar")), StringComparison.Ordinal);
    }

    /// <summary>
    /// The sent demo (due 30 November 2027) and three copies for asn: one answered, due 30 June 2027; one due
    /// 2 December 2027; one due 1 December 2027 to submit late. Then the clock moves to 3 December 2027.
    /// </summary>
    public sealed class Factory : SentDemoAppFactory
    {
        public Guid Answered { get; private set; }

        public Guid OneDayLate { get; private set; }

        public Guid LateToSubmit { get; private set; }

        protected override async Task InitializeMoreAsync()
        {
            var answered = await CopyOfDemoAsync(new DateOnly(2027, 6, 30));
            await Kit.SaveCompleteDraftAsync(this, answered.Id, answered.Asn);
            await InTenantAsync("malmo", async (db, services) =>
            {
                var recipient = (await services.GetRequiredService<RemissReader>().FindRecipientAsync(answered.Asn, CancellationToken.None))!;
                recipient.Submit(await Kit.UserIdAsync(db, Kit.AsnUser), Clock.UtcNow);
                return await db.SaveChangesAsync();
            });
            Answered = answered.Id;
            OneDayLate = (await CopyOfDemoAsync(new DateOnly(2027, 12, 2))).Id;
            LateToSubmit = (await CopyOfDemoAsync(new DateOnly(2027, 12, 1))).Id;

            // A draft of the demo, so the demo's row says Påbörjat.
            await Kit.SaveCompleteDraftAsync(this, DemoId, DemoRecipients[Kit.AsnName]);
            Clock.Set(new DateTimeOffset(2027, 12, 3, 10, 0, 0, TimeSpan.Zero));
        }
    }
}
