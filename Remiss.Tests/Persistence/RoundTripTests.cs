namespace Remiss.Tests.Persistence;

using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Tests.TestSupport;

/// <summary>What the domain builds comes back from SQLite the same: backing fields, JSON columns, enums, dates.</summary>
public sealed class RoundTripTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Tenant _tenant = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _tenant = A.Tenant();
        await using var db = _database.NewContext(null);
        db.Tenants.Add(_tenant);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ARemissWithEveryKindOfQuestionAndASubmittedYttrande_ComesBackWhole()
    {
        var remissId = await SaveSentRemissWithSubmittedAnswerAsync();

        await using var db = _database.NewContext(_tenant);
        var remiss = await LoadAsync(db, remissId);

        Assert.Equal(RemissStatus.Sent, remiss.Status);
        Assert.Equal(A.Deadline, remiss.Deadline);
        Assert.Equal(DateTimeKind.Utc, remiss.SentAt!.Value.Kind);
        Assert.Equal([QuestionType.FreeText, QuestionType.Position, QuestionType.Choice, QuestionType.Choice, QuestionType.TrafficLight], remiss.Questions.Select(q => q.Type));
        Assert.Equal(A.ChoiceOptions, remiss.Questions[2].Options);
        Assert.True(remiss.Questions[3].OptionsAreOrganisations);
        Assert.Equal(A.TrafficLightItems, remiss.Questions[4].Items);

        var recipient = await SubmittedOrDraftedAsync(db, remissId);
        Assert.Equal(RecipientStatus.Submitted, recipient.Status);
        var response = recipient.Response!;
        Assert.True(response.IsSubmitted);
        Assert.Equal("<p>Förvaltningen ställer sig positiv.</p>", response.Summary);
        Assert.Equal(Position.PartlySupports, response.AnswerTo(remiss.Questions[1])!.Position);
        Assert.Equal(["Tekniska nämnden", "MKB"], response.AnswerTo(remiss.Questions[3])!.Choices);
        Assert.All(response.AnswerTo(remiss.Questions[4])!.Ratings, r => Assert.Equal(TrafficLightColour.Yellow, r.Colour));
        Assert.Equal([new SectionText("Barnperspektiv", "<p>Barn påverkas positivt.</p>")], response.Sections);
        Assert.Equal([new Signatory("Eva Svensson", "Förvaltningschef")], response.Signatories);
        Assert.Equal(DecisionKind.PreliminaryAnswer, response.Decision!.Kind);
        Assert.Equal("Tekniska nämnden", response.Decision.DecidedBy);
    }

    [Fact]
    public async Task ATenantsSettings_ComeBack()
    {
        await using (var db = _database.NewContext(null))
        {
            var tenant = await db.Tenants.SingleAsync(t => t.Id == _tenant.Id);
            tenant.SetReminderSchedule([10, 3]);
            tenant.SetStandardSections(["Barnperspektiv", "Miljö"]);
            await db.SaveChangesAsync();
        }

        await using var again = _database.NewContext(null);
        var reloaded = await again.Tenants.SingleAsync(t => t.Id == _tenant.Id);
        Assert.Equal([10, 3], reloaded.ReminderDaysBefore);
        Assert.Equal(["Barnperspektiv", "Miljö"], reloaded.StandardSections);
    }

    [Fact]
    public async Task TwoEditorsSavingTheSameVersion_TheSecondIsRefusedAndTheFirstIsKept()
    {
        var remissId = await SaveSentRemissWithSubmittedAnswerAsync(submit: false);

        await using var first = _database.NewContext(_tenant);
        await using var second = _database.NewContext(_tenant);
        var mine = await SubmittedOrDraftedAsync(first, remissId);
        var theirs = await SubmittedOrDraftedAsync(second, remissId);
        var version = mine.Response!.Version;

        mine.SaveDraft(A.CompleteResponse() with { Summary = "<p>Min text.</p>" }, version, A.Context, A.Namndsekreterare, A.Now);
        await first.SaveChangesAsync();

        // The other editor's page was loaded before the first save; the domain notices when it reloads...
        theirs.SaveDraft(A.CompleteResponse() with { Summary = "<p>Deras text.</p>" }, version, A.Context, A.Kollega, A.Now);

        // ...and if two saves race past that check, the database's concurrency token stops the second.
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = _database.NewContext(_tenant);
        var stored = await check.Responses.SingleAsync();
        Assert.Equal("<p>Min text.</p>", stored.Summary);
    }

    [Fact]
    public async Task ASaveBasedOnAnOlderVersion_IsRefusedBeforeAnythingIsWritten()
    {
        var remissId = await SaveSentRemissWithSubmittedAnswerAsync(submit: false);
        int staleVersion;
        await using (var first = _database.NewContext(_tenant))
        {
            var recipient = await SubmittedOrDraftedAsync(first, remissId);
            staleVersion = recipient.Response!.Version;
            recipient.SaveDraft(A.CompleteResponse() with { Summary = "<p>Först.</p>" }, staleVersion, A.Context, A.Namndsekreterare, A.Now);
            await first.SaveChangesAsync();
        }

        await using var later = _database.NewContext(_tenant);
        var again = await SubmittedOrDraftedAsync(later, remissId);
        var conflict = Assert.Throws<ConcurrencyConflictException>(() =>
            again.SaveDraft(A.CompleteResponse() with { Summary = "<p>Sen.</p>" }, staleVersion, A.Context, A.Kollega, A.Now));
        Assert.Equal(staleVersion + 1, conflict.CurrentVersion);
    }

    private static async Task<Remiss> LoadAsync(AppDbContext db, Guid id) =>
        (await new RemissReader(db, new TenantContext()).FindAsync(id, CancellationToken.None))!;

    /// <summary>The one remissinstans with an yttrande, loaded whole by the reader, as the pages load it.</summary>
    private static async Task<Recipient> SubmittedOrDraftedAsync(AppDbContext db, Guid remissId)
    {
        var id = await db.Recipients.Where(r => r.RemissId == remissId && r.Response != null).Select(r => r.Id).SingleAsync();
        return (await new RemissReader(db, new TenantContext()).FindRecipientAsync(id, CancellationToken.None))!;
    }

    private async Task<Guid> SaveSentRemissWithSubmittedAnswerAsync(bool submit = true)
    {
        await using var db = _database.NewContext(_tenant);
        var owner = A.Owner(_tenant);
        var recipients = A.RecipientNames.Select(n => A.Organisation(_tenant, n)).ToList();
        db.Organisations.Add(owner);
        db.Organisations.AddRange(recipients);
        var remiss = A.SentRemiss(owner, recipients);
        if (submit)
        {
            A.Submitted(A.RecipientsOf(remiss)[0]);
        }
        else
        {
            A.Drafted(A.RecipientsOf(remiss)[0]);
        }

        db.AddRemiss(remiss);
        await db.SaveChangesAsync();
        return remiss.Id;
    }
}
