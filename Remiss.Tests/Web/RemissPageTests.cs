namespace Remiss.Tests.Web;

using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Common;
using Remiss.Infrastructure.Tenancy;
using Remiss.Tests.TestSupport;

/// <summary>
/// The remiss page /{tenant}/remisser/{id}: the owner sees everything; a recipient sees the remiss only once it
/// is sent; anyone else gets 404. One app keeps the demo as a draft, another has it sent.
/// </summary>
public sealed class RemissPageTests(RemissAppFactory draft, RemissPageTests.SentDemoRemissAppFactory sent)
    : IClassFixture<RemissAppFactory>, IClassFixture<RemissPageTests.SentDemoRemissAppFactory>
{
    private static readonly string[] RecipientNames =
    [
        "Tekniska nämnden", "Miljönämnden", "Funktionsstödsnämnden", "Förskolenämnden", "Grundskolenämnden",
        "Gymnasie- och vuxenutbildningsnämnden", "Hälsa-, vård- och omsorgsnämnden", "Arbetsmarknads- och socialnämnden",
        "Fritidsnämnden", "Kulturnämnden", "Servicenämnden", "Stadsbyggnadsnämnden", "MKB", "Parkering Malmö",
        "Parkeringsövervakning i Malmö AB",
    ];

    // ---- The draft, as its owner sees it ---------------------------------------------------------------

    [Fact]
    public async Task Owner_SeesTheTitleDiarienummerSenderStatusAndDeadline()
    {
        var (id, title, _) = await DemoRemissAsync(draft);
        using var session = draft.NewSession();
        await session.SignInAsync("handlaggare@malmo.example");

        var (response, page) = await session.GetPageAsync($"/malmo/remisser/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(title, Text(page.QuerySelector("main h1")));
        Assert.StartsWith(title, page.Title, StringComparison.Ordinal);
        var facts = Facts(page);
        Assert.Equal("STK-2023-137", facts["Diarienummer"]);
        Assert.Equal("Stadskontoret", facts["Avsändare"]);
        Assert.Equal("Utkast", facts["Status"]);
        Assert.Equal("30 november 2027", facts["Sista svarsdag"]);
        Assert.Equal("2027-11-30", page.QuerySelector("dl.facts time")!.GetAttribute("datetime"));
        Assert.Contains(
            "Genom kommunfullmäktiges budgetuppdrag 2023",
            Text(page.QuerySelector("section[aria-labelledby=beskrivning]")),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owner_SeesTheFourQuestionsInOrderWithTheirTypes()
    {
        var (id, _, questions) = await DemoRemissAsync(draft);
        using var session = draft.NewSession();
        await session.SignInAsync("handlaggare@malmo.example");

        var (_, page) = await session.GetPageAsync($"/malmo/remisser/{id}");

        var section = page.QuerySelector("main section[aria-labelledby=fragor]")!;
        Assert.Equal("Remissfrågor", Text(section.QuerySelector("h2")));
        var items = section.QuerySelectorAll("ol.questions > li").ToList();
        Assert.Equal(4, items.Count);
        Assert.Equal(questions, items.Select(li => Text(li.QuerySelector(".question-text"))).ToList());
        Assert.Equal(["Svara med egen text", "Svara med egen text", "Ta ställning och motivera", "Välj bland alternativen"], items.Select(li => Text(li.QuerySelector(".question-type"))).ToList());
        Assert.StartsWith("Vilka pågående processer", questions[0], StringComparison.Ordinal);
        Assert.StartsWith("Vilken nämnd eller bolag", questions[3], StringComparison.Ordinal);
        Assert.Contains("Välj bland kommunens organisationer", Text(items[3]), StringComparison.Ordinal);
        Assert.Contains("Obligatorisk", Text(items[0]), StringComparison.Ordinal);
        Assert.DoesNotContain("Obligatorisk", Text(items[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owner_SeesTheFifteenRecipientsInSwedishOrderEachNotStarted()
    {
        var (id, _, _) = await DemoRemissAsync(draft);
        using var session = draft.NewSession();
        await session.SignInAsync("handlaggare@malmo.example");

        var (_, page) = await session.GetPageAsync($"/malmo/remisser/{id}");

        // A draft lists its chosen recipients; the follow-up table comes once it is sent.
        var section = page.QuerySelector("main section[aria-labelledby=valda]")!;
        var names = section.QuerySelectorAll("li").Select(Text).ToList();
        Assert.Equal(15, names.Count);
        Assert.Equal(RecipientNames.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Equal(names.Order(StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), false)), names);
        Assert.Null(page.QuerySelector("main section[aria-labelledby=remissinstanser]"));
    }

    [Theory]
    [InlineData("asn@malmo.example")]
    [InlineData("grundskola@malmo.example")]
    [InlineData("mkb@malmo.example")]
    [InlineData("admin@malmo.example")]
    public async Task OthersInTheTenant_GetNotFound_WhileTheRemissIsADraft(string email)
    {
        var (id, _, _) = await DemoRemissAsync(draft);
        using var session = draft.NewSession();
        await session.SignInAsync(email);

        var (response, page) = await session.GetPageAsync($"/malmo/remisser/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Sidan finns inte", Text(page.QuerySelector("main h1")));
        Assert.DoesNotContain("STK-2023-137", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    // ---- Once sent ---------------------------------------------------------------------------------------

    [Fact]
    public async Task Recipient_AfterSending_SeesTheRemissUnderAttBesvaraAsNotStarted()
    {
        var (id, title, _) = await DemoRemissAsync(sent);
        using var session = sent.NewSession();
        await session.SignInAsync("asn@malmo.example");

        var (_, page) = await session.GetPageAsync("/malmo");

        var toAnswer = page.QuerySelector("main section[aria-labelledby=att-besvara]")!;
        var row = Assert.Single(toAnswer.QuerySelectorAll("tbody tr"));
        var cells = row.QuerySelectorAll("td").ToList();
        Assert.Equal($"/malmo/remisser/{id}", cells[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(title, Text(cells[0].QuerySelector("a")));
        Assert.Contains("STK-2023-137", Text(cells[0]), StringComparison.Ordinal);
        Assert.Equal("Stadskontoret", Text(cells[1]));
        Assert.Equal("Arbetsmarknads- och socialnämnden", Text(cells[2]));
        Assert.Equal("Ej påbörjat", Text(cells[3]));
        Assert.Equal("30 november 2027", Text(cells[4]));
        Assert.Equal("372 dagar", Text(cells[5]));
    }

    [Fact]
    public async Task Recipient_AfterSending_SeesTheRemissPageWithItsQuestions()
    {
        var (id, title, questions) = await DemoRemissAsync(sent);
        using var session = sent.NewSession();
        await session.SignInAsync("asn@malmo.example");

        var (response, page) = await session.GetPageAsync($"/malmo/remisser/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(title, Text(page.QuerySelector("main h1")));
        Assert.Equal("Utskickad", Facts(page)["Status"]);
        Assert.Equal(questions, page.QuerySelectorAll("ol.questions > li .question-text").Select(Text).ToList());
        Assert.Equal(15, page.QuerySelectorAll("section[aria-labelledby=remissinstanser] li").Length);
    }

    [Fact]
    public async Task Owner_AfterSending_SeesItAsSentWithNoAnswersYet()
    {
        var (id, _, _) = await DemoRemissAsync(sent);
        using var session = sent.NewSession();
        await session.SignInAsync("handlaggare@malmo.example");

        var (_, start) = await session.GetPageAsync("/malmo");
        var (_, remissPage) = await session.GetPageAsync($"/malmo/remisser/{id}");

        var cells = start.QuerySelectorAll("section[aria-labelledby=skickade] tbody tr td").Select(Text).ToList();
        Assert.Equal("Utskickad", cells[2]);
        Assert.Equal("0 av 15", cells[4]);
        Assert.Equal("Utskickad", Facts(remissPage)["Status"]);
    }

    [Fact]
    public async Task MemberOfNeitherOwnerNorRecipient_GetsNotFound_EvenAfterSending()
    {
        var (id, _, _) = await DemoRemissAsync(sent);
        using var session = sent.NewSession();
        await session.SignInAsync("admin@malmo.example");

        var (response, _) = await session.GetPageAsync($"/malmo/remisser/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // ---- Helpers -----------------------------------------------------------------------------------------

    private static Task<(Guid Id, string Title, List<string> Questions)> DemoRemissAsync(RemissAppFactory factory) =>
        factory.InTenantAsync("malmo", async (db, _) =>
        {
            var remiss = await db.Remisser.Include(r => r.Questions).SingleAsync();
            return (remiss.Id, remiss.Title, remiss.Questions.Select(q => q.Text).ToList());
        });

    private static Dictionary<string, string> Facts(IHtmlDocument page)
    {
        var list = page.QuerySelector("main dl.facts")!;
        return list.QuerySelectorAll("dt").ToDictionary(Text, dt => Text(dt.NextElementSibling));
    }

    private static string Text(IElement? element) =>
        element is null ? string.Empty : string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The demo app with STK-2023-137 sent on the fake clock's today, so its recipients see it.</summary>
    public sealed class SentDemoRemissAppFactory : RemissAppFactory, IAsyncLifetime
    {
        async Task IAsyncLifetime.InitializeAsync()
        {
            await InTenantAsync("malmo", async (db, services) =>
            {
                var remiss = await db.WholeRemissAsync();
                var tenant = services.GetRequiredService<ITenantContext>().Tenant!;
                var calendar = new TenantCalendar(TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZoneId));
                remiss.Send(calendar.Today(Clock.UtcNow), Clock.UtcNow);
                return await db.SaveChangesAsync();
            });
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }
}
