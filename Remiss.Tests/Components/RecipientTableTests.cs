namespace Remiss.Tests.Components;

using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Remisser;
using Remiss.Web.Components;

/// <summary>
/// The owner's table of remissinstanser: a row per recipient with its traffic light in words, its own deadline
/// (marked when an anstånd moved it), its last activity in Swedish time, the reminders sent, and a link to a
/// submitted yttrande.
/// </summary>
public sealed class RecipientTableTests : BunitContext
{
    private const string RemissUrl = "/malmo/remisser/0191a5c2-0000-7000-8000-0000000000aa";
    private static readonly DateOnly Deadline = new(2027, 3, 31);

    public RecipientTableTests() => Services.AddLocalization();

    [Fact]
    public void Table_HasACaptionAndTheColumnsInSwedish()
    {
        var table = RenderTable([Row("Miljönämnden")]);

        Assert.Equal(["Remissinstans", "Status", "Sista svarsdag", "Senast aktiv", "Påminnelser", "Yttrande"], table.FindAll("thead th").Select(th => th.TextContent));
        Assert.All(table.FindAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.False(string.IsNullOrWhiteSpace(table.Find("caption").TextContent));
    }

    [Fact]
    public void EachRow_IsHeadedByTheRecipientsName_WithItsStatusDeadlineActivityAndReminders()
    {
        var table = RenderTable(
        [
            Row("Tekniska nämnden", RecipientStatus.Drafting, lastActivity: new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc), reminders: 2),
            Row("Miljönämnden"),
        ]);

        var rows = table.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        var tekniska = rows[0];
        Assert.Equal("Tekniska nämnden", tekniska.QuerySelector("th")!.TextContent);
        Assert.Equal("row", tekniska.QuerySelector("th")!.GetAttribute("scope"));
        Assert.Equal(["Påbörjat", "31 mars 2027", "23 november 2026 kl. 11.00", "2", "–"], Cells(tekniska));
        Assert.Equal("2027-03-31", tekniska.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal(["Ej påbörjat", "31 mars 2027", "–", "0", "–"], Cells(rows[1]));
    }

    [Fact]
    public void LastActivity_IsShownInStockholmTime_AcrossTheChangeToSummerTime()
    {
        var table = RenderTable(
        [
            Row("Före", lastActivity: new DateTime(2027, 3, 28, 0, 30, 0, DateTimeKind.Utc)),
            Row("Efter", lastActivity: new DateTime(2027, 3, 28, 1, 30, 0, DateTimeKind.Utc)),
        ]);

        Assert.Equal(["28 mars 2027 kl. 01.30", "28 mars 2027 kl. 03.30"], table.FindAll("tbody tr").Select(r => Cells(r)[2]));
    }

    [Fact]
    public void ASubmittedYttrande_IsLinkedFromItsRow()
    {
        var recipientId = Guid.CreateVersion7();
        var table = RenderTable([Row("Arbetsmarknads- och socialnämnden", RecipientStatus.Submitted, id: recipientId)]);

        var link = table.Find("tbody tr a");
        Assert.Equal("Läs yttrandet från Arbetsmarknads- och socialnämnden", link.TextContent);
        Assert.Equal($"{RemissUrl}/yttranden/{recipientId}", link.GetAttribute("href"));
        Assert.Equal("Inkommet", Cells(table.Find("tbody tr"))[0]);
    }

    [Theory]
    [InlineData("Frågan berör inte bolaget.", "Avstår: Frågan berör inte bolaget.")]
    [InlineData(null, "Avstår")]
    public void ADeclinedRecipient_ShowsAvstarWithItsReason(string? reason, string expected)
    {
        var table = RenderTable([Row("MKB", RecipientStatus.Declined, declineReason: reason)]);

        Assert.Equal(expected, Cells(table.Find("tbody tr"))[4]);
        Assert.Empty(table.FindAll("tbody a"));
    }

    [Fact]
    public void ADeadlineMovedByAnAnstand_IsMarkedSo()
    {
        var table = RenderTable([Row("Tekniska nämnden", hasExtension: true, deadline: new DateOnly(2027, 5, 10), extended: true)]);

        var cells = Cells(table.Find("tbody tr"));
        Assert.Equal("10 maj 2027 (anstånd)", cells[1]);
        Assert.Equal("Ej påbörjat, anstånd", cells[0]);
    }

    [Fact]
    public void AnOverdueRecipient_IsSaidToBeLateInWords()
    {
        var table = RenderTable([Row("Fritidsnämnden", overdue: true)]);

        var light = table.Find("tbody tr .light");
        Assert.Equal("Ej påbörjat, sen", light.TextContent);
        Assert.Contains("light--red", light.ClassList);
    }

    [Fact]
    public void WithoutRecipients_TheTableIsReplacedByASentence()
    {
        var table = RenderTable([]);

        Assert.Empty(table.FindAll("table"));
        Assert.Equal("Inga remissinstanser är valda.", table.Find("p").TextContent);
    }

    [Fact]
    public void HostileTextInANameOrReason_IsEncoded()
    {
        var table = RenderTable([Row("<script>alert(1)</script>", RecipientStatus.Declined, declineReason: "<img src=x onerror=alert(1)>")]);

        Assert.Empty(table.FindAll("script, img"));
        Assert.Equal("<script>alert(1)</script>", table.Find("tbody th").TextContent);
    }

    private IRenderedComponent<RecipientTable> RenderTable(IReadOnlyList<RecipientRow> rows)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        try
        {
            return Render<RecipientTable>(p => p.Add(c => c.Rows, rows).Add(c => c.RemissUrl, RemissUrl));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static RecipientRow Row(
        string name,
        RecipientStatus status = RecipientStatus.NotStarted,
        bool overdue = false,
        bool hasExtension = false,
        DateOnly? deadline = null,
        bool extended = false,
        DateTime? lastActivity = null,
        int reminders = 0,
        string? declineReason = null,
        Guid? id = null) =>
        new(id ?? Guid.CreateVersion7(), name, status, overdue, hasExtension, deadline ?? Deadline, extended, lastActivity, reminders, declineReason);

    private static List<string> Cells(IElement row) =>
        [.. row.QuerySelectorAll("td").Select(td => string.Join(' ', td.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))];
}
