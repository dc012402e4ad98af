namespace Remiss.Tests.Features.Audit;

using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Domain.Remisser;
using Remiss.Tests.Features.Admin;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// Every change of state made through the pages leaves one entry in the tenant's log, naming who, when and what, in the
/// same transaction as the change; a refused action leaves none. The owners read a remiss's history on its page.
/// </summary>
public sealed class AuditTrailTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    [Fact]
    public async Task CreatingEditingAndSendingARemiss_AreEachRecordedWithWhoAndTheRemiss()
    {
        using var owner = await AdminKit.SignedInAsync(factory, Arrange.Owner);
        var (_, newPage) = await owner.GetPageAsync("/malmo/remisser/ny");
        var created = await BrowserForm.Of(newPage).Set("Title", $"Loggad remiss {Arrange.Unique()}").SubmitAsync(owner, "Skapa utkast");
        var editPath = created.Target();
        var id = Guid.Parse(editPath.Split('/')[3]);
        var ids = await Arrange.OrganisationIdsAsync(factory);

        var (_, edit) = await owner.GetPageAsync(editPath);
        var saved = await BrowserForm.Of(edit)
            .Set("Input.Diarienummer", $"LOG-{Arrange.Unique()}").Set("Input.Deadline", "2027-03-31")
            .Set("Input.Questions[0].Text", "Vad tycker ni?").Set("Input.Questions[0].Type", "FreeText")
            .Check("Input.RecipientIds", ids[Arrange.Asn].ToString())
            .SubmitAsync(owner, "Spara utkast");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, send) = await owner.GetPageAsync($"/malmo/remisser/{id}/skicka");
        var sent = await BrowserForm.Of(send).SubmitAsync(owner, "Bekräfta och skicka");
        Assert.Equal($"/malmo/remisser/{id}", sent.Target());

        var history = await HistoryAsync(id);
        Assert.Equal([AuditAction.RemissCreated, AuditAction.RemissEdited, AuditAction.RemissSent], history.Select(e => e.Action));
        Assert.All(history, e =>
        {
            Assert.Equal(id, e.RemissId);
            Assert.StartsWith("Hanna Handläggare", e.ActorName, StringComparison.Ordinal);
            Assert.Equal(factory.Clock.UtcNow, e.OccurredAt);
        });
        Assert.Contains("1 remissinstans med sista svarsdag 31 mars 2027", history[2].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovingTheDeadline_IsRecorded_AndARefusedMoveIsNot()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true });
        using var owner = await AdminKit.SignedInAsync(factory, Arrange.Owner);
        var (_, page) = await owner.GetPageAsync(remiss.Url);

        var refused = await BrowserForm.Of(page, "form[action*='handler=MoveDeadline']").Set("NewDeadline", "2026-01-01").SubmitAsync(owner, "Flytta sista svarsdag");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain(await HistoryAsync(remiss.Id), e => e.Action == AuditAction.DeadlineMoved);

        var moved = await BrowserForm.Of(page, "form[action*='handler=MoveDeadline']").Set("NewDeadline", "2027-05-15").SubmitAsync(owner, "Flytta sista svarsdag");
        Assert.Equal(remiss.Url, moved.Target());
        var entry = Assert.Single(await HistoryAsync(remiss.Id), e => e.Action == AuditAction.DeadlineMoved);
        Assert.Equal("Sista svarsdag ändrades från 31 mars 2027 till 15 maj 2027.", entry.Summary);
    }

    [Fact]
    public async Task ClosingAndWithdrawing_AreRecorded_AndClosingTwiceIsRecordedOnce()
    {
        var closing = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true });
        var withdrawing = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true });
        using var owner = await AdminKit.SignedInAsync(factory, Arrange.Owner);

        var (_, page) = await owner.GetPageAsync($"{closing.Url}/stang");
        await BrowserForm.Of(page, "main form").SubmitAsync(owner, "Bekräfta och stäng");
        var again = await BrowserForm.Of(page, "main form").SubmitAsync(owner, "Bekräfta och stäng");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var (_, other) = await owner.GetPageAsync($"{withdrawing.Url}/aterkalla");
        await BrowserForm.Of(other, "main form").Set("WithdrawalReason", "Förslaget är inaktuellt.").SubmitAsync(owner, "Bekräfta och återkalla");

        Assert.Single(await HistoryAsync(closing.Id), e => e.Action == AuditAction.RemissClosed);
        Assert.Equal("Remissen återkallades: Förslaget är inaktuellt.", Assert.Single(await HistoryAsync(withdrawing.Id), e => e.Action == AuditAction.RemissWithdrawn).Summary);
    }

    [Fact]
    public async Task TheRecipientsActions_SavingDecliningAndAskingForAnstand_AreRecordedUnderTheRecipient()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true });
        using var asn = await AdminKit.SignedInAsync(factory, Arrange.AsnUser);
        using var mkb = await AdminKit.SignedInAsync(factory, "mkb@malmo.example");

        var (_, write) = await asn.GetPageAsync($"{remiss.Url}/yttrande");
        var saved = await BrowserForm.Of(write, "main form[data-response-form]").SubmitAsync(asn, "Spara utkast");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, extension) = await asn.GetPageAsync($"{remiss.Url}/yttrande/anstand");
        var asked = await BrowserForm.Of(extension).Set("RequestedDeadline", "2027-04-30").Set("Reason", "Nämnden sammanträder i april.").SubmitAsync(asn, "Begär anstånd");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var (_, decline) = await mkb.GetPageAsync($"{remiss.Url}/yttrande/avsta");
        var declined = await BrowserForm.Of(decline).SubmitAsync(mkb, "Avstå från att yttra sig");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);

        var history = await HistoryAsync(remiss.Id);
        var draft = Assert.Single(history, e => e.Action == AuditAction.ResponseSaved);
        Assert.Equal(remiss.Recipients[Arrange.Asn], draft.SubjectId);
        Assert.Equal($"Utkastet till yttrande från {Arrange.Asn} sparades.", draft.Summary);
        Assert.Equal($"{Arrange.Asn} begärde anstånd till 30 april 2027.", Assert.Single(history, e => e.Action == AuditAction.ExtensionRequested).Summary);
        Assert.Equal(remiss.Recipients[Arrange.Mkb], Assert.Single(history, e => e.Action == AuditAction.ResponseDeclined).SubjectId);
    }

    [Fact]
    public async Task SubmittingGrantingAndReopening_AreRecorded()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true });
        var asnRecipient = remiss.Recipients[Arrange.Asn];
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) =>
        {
            Arrange.Submit(r, asnRecipient, c);
            Arrange.RequestExtension(r, remiss.Recipients[Arrange.Tekniska], c, new DateOnly(2027, 4, 30));
        });
        using var owner = await AdminKit.SignedInAsync(factory, Arrange.Owner);

        var (_, page) = await owner.GetPageAsync(remiss.Url);
        var granted = await BrowserForm.Of(page, "section[aria-labelledby=anstand] form").Set("GrantedDeadline", "2027-04-30").SubmitAsync(owner, "Bevilja anstånd för Tekniska nämnden");
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        var (_, response) = await owner.GetPageAsync($"{remiss.Url}/yttranden/{asnRecipient}");
        var reopened = await BrowserForm.Of(response, "form[action*='handler=Reopen']").Set("ReopenReason", "Komplettera.").SubmitAsync(owner, "Öppna yttrandet igen");
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);

        var history = await HistoryAsync(remiss.Id);
        Assert.Equal("Anstånd beviljades för Tekniska nämnden till 30 april 2027.", Assert.Single(history, e => e.Action == AuditAction.ExtensionGranted).Summary);
        Assert.Equal(asnRecipient, Assert.Single(history, e => e.Action == AuditAction.ResponseReopened).SubjectId);
    }

    [Fact]
    public async Task SubmittingThroughThePage_IsRecordedOnce_AndTheLastAnswerClosesTheRemissOnRecord()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true, Recipients = [Arrange.Asn] });
        var asnRecipient = remiss.Recipients[Arrange.Asn];
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) =>
        {
            var recipient = c.Recipient(asnRecipient);
            var version = recipient.StartDrafting(c.UserId, c.Now).Version;
            recipient.SaveDraft(
                new ResponseContent("<p>Ja.</p>", null, [new AnswerContent(1, "<p>Svar.</p>"), new AnswerContent(2, "<p>Motivering.</p>", new PositionAnswer(Position.Supports))], [], null, []),
                version, c.ResponseContext, c.UserId, c.Now);
        });
        using var asn = await AdminKit.SignedInAsync(factory, Arrange.AsnUser);

        var (_, confirm) = await asn.GetPageAsync($"{remiss.Url}/yttrande/skicka-in");
        var submitted = await BrowserForm.Of(confirm).SubmitAsync(asn, "Bekräfta och skicka in");

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var history = await HistoryAsync(remiss.Id);
        Assert.Single(history, e => e.Action == AuditAction.ResponseSubmitted && e.SubjectId == asnRecipient);
        Assert.Single(history, e => e.Action == AuditAction.RemissClosed);
    }

    [Fact]
    public async Task TheOwner_SeesTheHistoryOnTheRemissPage_AndARecipientDoesNot()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true });
        using var owner = await AdminKit.SignedInAsync(factory, Arrange.Owner);
        var (_, page) = await owner.GetPageAsync(remiss.Url);
        await BrowserForm.Of(page, "form[action*='handler=MoveDeadline']").Set("NewDeadline", "2027-06-01").SubmitAsync(owner, "Flytta sista svarsdag");

        var (_, after) = await owner.GetPageAsync(remiss.Url);
        var history = after.QuerySelector("section[aria-labelledby=historik]")!;
        Assert.Equal("Historik", Html.Text(history.QuerySelector("h2")));
        var first = history.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td").Select(Html.Text).ToList();
        Assert.Equal("23 november 2026 kl. 11.00", first[0]);
        Assert.StartsWith("Hanna Handläggare", first[1], StringComparison.Ordinal);
        Assert.Equal("Sista svarsdag ändrad", first[2]);

        using var asn = await AdminKit.SignedInAsync(factory, Arrange.AsnUser);
        var (_, recipientView) = await asn.GetPageAsync(remiss.Url);
        Assert.Null(recipientView.QuerySelector("section[aria-labelledby=historik]"));
    }

    // ---- The tenant's log ------------------------------------------------------------------------------------

    [Fact]
    public async Task TheAdminsLog_FiltersByActionAndActor_AndShowsOnlyTheTenantsEntries()
    {
        await Arrange.RemissAsync(factory, new RemissSpec { Sent = true });
        using (var failing = factory.NewSession())
        {
            await failing.SignInAsync("grundskola@malmo.example", "Fel-lösenord-123!");
        }

        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);

        var (response, page) = await admin.GetPageAsync("/malmo/admin/logg?Action=SignInFailed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("main tbody tr").Select(r => r.QuerySelectorAll("td").Select(Html.Text).ToList()).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Misslyckad inloggning", r[2]));
        Assert.Contains(rows, r => r[1] == "grundskola@malmo.example");
        var (_, byActor) = await admin.GetPageAsync("/malmo/admin/logg?Actor=grundskola");
        Assert.All(byActor.QuerySelectorAll("main tbody tr"), r => Assert.Contains("grundskola", Html.Text(r.QuerySelectorAll("td")[1]), StringComparison.Ordinal));
        Assert.Equal("Händelse", Html.LabelOf(page, "Action"));

        using var lund = await AdminKit.SignedInAsync(factory, AdminKit.LundAdmin);
        var (_, lunds) = await lund.GetPageAsync("/lund/admin/logg");
        Assert.DoesNotContain("grundskola@malmo.example", Html.Text(lunds.QuerySelector("main")), StringComparison.Ordinal);
        await AdminKit.AssertRefusedAsync(lund, "/malmo/admin/logg");
        await AdminKit.AssertRefusedAsync(lund, "/malmo/admin/logg?handler=Csv");
    }

    [Fact]
    public async Task TheLogWithFromAfterTo_IsRefusedByTheField()
    {
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);

        var (_, page) = await admin.GetPageAsync("/malmo/admin/logg?From=2026-12-01&To=2026-11-01");

        Assert.Equal("Till och med kan inte vara före Från och med.", Html.FieldError(page, "To"));
        Assert.Equal("2026-12-01", page.GetElementById("From")!.GetAttribute("value"));
    }

    [Fact]
    public async Task TheCsvExport_HasEveryMatchingEntry_AndCellsThatExcelCannotRunAsFormulas()
    {
        var name = $"=HYPERLINK(\"https://evil.example\";\"Klicka\") {Arrange.Unique()}";
        using var admin = await AdminKit.SignedInAsync(factory, AdminKit.MalmoAdmin);
        var (_, form) = await admin.GetPageAsync("/malmo/admin/organisationer/ny");
        var added = await BrowserForm.Of(form).Set("Input.Name", name).SubmitAsync(admin);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var (_, log) = await admin.GetPageAsync("/malmo/admin/logg?Action=OrganisationAdded");
        var link = log.QuerySelectorAll("main a").Single(a => Html.Text(a) == "Exportera som CSV").GetAttribute("href")!;
        Assert.Contains("Action=OrganisationAdded", link, StringComparison.Ordinal);
        using var csv = await admin.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Concat(text.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        Assert.StartsWith("\"Tidpunkt\";\"Vem\";\"Händelse\";\"Vad\"", lines[0], StringComparison.Ordinal);
        Assert.Contains(text.Split('\n'), l => l.Contains("\"'=HYPERLINK(\"\"https://evil.example\"\";\"\"Klicka\"\")", StringComparison.Ordinal));
        Assert.DoesNotContain(text.Split('\n'), l => l.Contains(";\"=", StringComparison.Ordinal));
        Assert.All(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1), l => Assert.Contains("\"Organisation tillagd\"", l, StringComparison.Ordinal));
    }

    private Task<List<AuditEntry>> HistoryAsync(Guid remissId) =>
        factory.InTenantAsync("malmo", (db, _) => db.AuditEntries.Where(e => e.RemissId == remissId).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToListAsync());
}
