namespace Remiss.Tests.Features.Review;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Audit;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Remisser;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>The owner's work on the answers through <see cref="RemissReview"/>, on real SQLite: stored, audited, never lost between two editors.</summary>
public sealed class RemissReviewTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    private static readonly PointContent Content = new("Samordningen behöver stärkas.", "Förslaget förtydligas.", Disposition.PartlyConsidered, []);

    [Fact]
    public async Task Raise_StoresThePoint_WithNewThemes_AndWritesTheHistory()
    {
        var remiss = await AnsweredAsync();

        var point = await ReviewAsync(remiss.Id, (review, r) =>
            review.RaiseAsync(r, remiss.Recipients[Arrange.Asn], PointSource.Question(1), Content, ["Samordning", " "], CancellationToken.None));

        var snapshot = await ReadAsync(remiss.Id);
        var stored = Assert.Single(snapshot.Points);
        Assert.Equal(point.Id, stored.Id);
        Assert.Equal("Förslaget förtydligas.", stored.Reply);
        Assert.Equal(Disposition.PartlyConsidered, stored.Disposition);
        Assert.Equal(["Samordning"], snapshot.ThemeNamesOf(stored));
        Assert.Single(snapshot.PointsOn(1));
        Assert.Empty(snapshot.PointsOutsideQuestions);
        var history = await HistoryAsync(remiss.Id);
        Assert.Contains(history, e => e.Action == AuditAction.PointRaised && e.Summary.Contains(Arrange.Asn, StringComparison.Ordinal) && e.Summary.Contains("fråga 1", StringComparison.Ordinal));
        Assert.Contains(history, e => e.Action == AuditAction.ThemeAdded && e.Summary.Contains("Samordning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Raise_WithAThemeNameTheRemissHasInAnotherCase_FilesItUnderThatTheme()
    {
        var remiss = await AnsweredAsync();
        var ekonomi = await ReviewAsync(remiss.Id, (review, r) => review.AddThemeAsync(r, "Ekonomi", CancellationToken.None));

        await ReviewAsync(remiss.Id, (review, r) =>
            review.RaiseAsync(r, remiss.Recipients[Arrange.Asn], PointSource.Question(1), Content, ["ekonomi"], CancellationToken.None));

        var snapshot = await ReadAsync(remiss.Id);
        Assert.Equal([ekonomi.Id], Assert.Single(snapshot.Points).ThemeIds);
        Assert.Single(snapshot.Themes);
    }

    [Fact]
    public async Task Raise_FromADraftingRecipient_IsRefused_AndNothingIsStored()
    {
        var remiss = await AnsweredAsync();

        var e = await Assert.ThrowsAsync<DomainException>(() => ReviewAsync(remiss.Id, (review, r) =>
            review.RaiseAsync(r, remiss.Recipients[Arrange.Grundskola], PointSource.Question(1), Content, ["Nytt"], CancellationToken.None)));

        e.AssertRefused(Field.Point, RefusalKey.PointOnlyFromSubmitted);
        var snapshot = await ReadAsync(remiss.Id);
        Assert.Empty(snapshot.Points);
        Assert.Empty(snapshot.Themes);
    }

    [Fact]
    public async Task Raise_FromARecipientOfAnotherRemiss_IsRefused()
    {
        var remiss = await AnsweredAsync();
        var other = await AnsweredAsync();

        var e = await Assert.ThrowsAsync<DomainException>(() => ReviewAsync(remiss.Id, (review, r) =>
            review.RaiseAsync(r, other.Recipients[Arrange.Asn], PointSource.Question(1), Content, [], CancellationToken.None)));

        e.AssertRefused(Field.Form, RefusalKey.NotARecipient);
    }

    [Fact]
    public async Task Raise_InAnotherTenant_DoesNotFindTheRecipient()
    {
        var remiss = await AnsweredAsync();
        var lund = await factory.InTenantAsync("lund", async (_, services) =>
            await services.GetRequiredService<RemissReader>().FindAsync(remiss.Id, CancellationToken.None));

        Assert.Null(lund);
    }

    [Fact]
    public async Task Revise_ByTwoPeopleOnTheSameVersion_KeepsTheFirst_AndTellsTheSecond()
    {
        var remiss = await AnsweredAsync();
        var point = await ReviewAsync(remiss.Id, (review, r) =>
            review.RaiseAsync(r, remiss.Recipients[Arrange.Asn], PointSource.Question(1), Content, [], CancellationToken.None));

        await ReviewAsync(remiss.Id, async (review, r) =>
        {
            await review.ReviseAsync(r, point.Id, Content with { Reply = "Första personens bemötande." }, [], 1, CancellationToken.None);
            return 0;
        });
        var e = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => ReviewAsync(remiss.Id, async (review, r) =>
        {
            await review.ReviseAsync(r, point.Id, Content with { Reply = "Andra personens bemötande." }, ["Nytt tema"], 1, CancellationToken.None);
            return 0;
        }));

        Assert.Equal(RefusalKey.PointSavedMeanwhile, e.Refusal.Key);
        Assert.Equal(2, e.CurrentVersion);
        var snapshot = await ReadAsync(remiss.Id);
        Assert.Equal("Första personens bemötande.", Assert.Single(snapshot.Points).Reply);
        Assert.Empty(snapshot.Themes);
    }

    [Fact]
    public async Task Revise_WhenAnotherSaveLandsBetweenLoadAndSave_IsAConflict_NotAnOverwrite()
    {
        var remiss = await AnsweredAsync();
        var point = await ReviewAsync(remiss.Id, (review, r) =>
            review.RaiseAsync(r, remiss.Recipients[Arrange.Asn], PointSource.Question(1), Content, [], CancellationToken.None));

        var e = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => ReviewAsync(remiss.Id, async (review, r, db) =>
        {
            // The other save, in its own connection, after this request has read version 1 into its context.
            await db.RaisedPoints.Where(p => p.Id == point.Id).ToListAsync();
            await factory.InTenantAsync("malmo", (other, _) => other.RaisedPoints.Where(p => p.Id == point.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Reply, "Den andras bemötande.").SetProperty(p => p.Version, 2)));
            await review.ReviseAsync(r, point.Id, Content with { Reply = "Mitt bemötande." }, [], 1, CancellationToken.None);
            return 0;
        }));

        Assert.Equal(2, e.CurrentVersion);
        Assert.Equal("Den andras bemötande.", Assert.Single((await ReadAsync(remiss.Id)).Points).Reply);
    }

    [Fact]
    public async Task Remove_DeletesThePoint_AndWritesTheHistory()
    {
        var remiss = await AnsweredAsync();
        var point = await ReviewAsync(remiss.Id, (review, r) =>
            review.RaiseAsync(r, remiss.Recipients[Arrange.Asn], PointSource.InSection(PointSource.SummarySection), Content, [], CancellationToken.None));

        await ReviewAsync(remiss.Id, async (review, r) =>
        {
            await review.RemoveAsync(r, point.Id, CancellationToken.None);
            return 0;
        });

        Assert.Empty((await ReadAsync(remiss.Id)).Points);
        Assert.Contains(await HistoryAsync(remiss.Id), e => e.Action == AuditAction.PointRemoved && e.Summary.Contains("Sammanfattning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Comment_FirstThenRevised_IsOnePerQuestion_AndAStaleSaveIsAConflict()
    {
        var remiss = await AnsweredAsync();

        await SaveCommentAsync(remiss.Id, 2, "De flesta tillstyrker.", 0);
        await SaveCommentAsync(remiss.Id, 2, "Alla tillstyrker.", 1);
        var e = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SaveCommentAsync(remiss.Id, 2, "Min gamla text.", 1));
        var first = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SaveCommentAsync(remiss.Id, 2, "Också en första text.", 0));

        Assert.Equal(new Subject(Field.Comment, 2), e.Refusal.Subject);
        Assert.Equal(2, e.CurrentVersion);
        Assert.Equal(RefusalKey.CommentSavedMeanwhile, first.Refusal.Key);
        var snapshot = await ReadAsync(remiss.Id);
        Assert.Equal("Alla tillstyrker.", Assert.Single(snapshot.Comments).Text);
        Assert.Equal("Alla tillstyrker.", snapshot.CommentOn(2)!.Text);
        Assert.Null(snapshot.CommentOn(1));
        Assert.False(snapshot.IsEmpty);
    }

    [Fact]
    public async Task Themes_RenamedAndMerged_KeepEveryPointFiled()
    {
        var remiss = await AnsweredAsync();
        var point = await ReviewAsync(remiss.Id, (review, r) =>
            review.RaiseAsync(r, remiss.Recipients[Arrange.Asn], PointSource.Question(1), Content, ["Pengar", "Ekonomi"], CancellationToken.None));
        var other = await ReviewAsync(remiss.Id, (review, r) =>
            review.RaiseAsync(r, remiss.Recipients[Arrange.Asn], PointSource.Question(2), Content, ["Pengar"], CancellationToken.None));
        var themes = (await ReadAsync(remiss.Id)).Themes.ToDictionary(t => t.Name, t => t.Id);

        await ReviewAsync(remiss.Id, async (review, r) =>
        {
            await review.RenameThemeAsync(r, themes["Ekonomi"], "Ekonomi och budget", CancellationToken.None);
            await review.MergeThemesAsync(r, themes["Pengar"], themes["Ekonomi"], CancellationToken.None);
            return 0;
        });

        var snapshot = await ReadAsync(remiss.Id);
        var theme = Assert.Single(snapshot.Themes);
        Assert.Equal("Ekonomi och budget", theme.Name);
        Assert.All(snapshot.Points, p => Assert.Equal([theme.Id], p.ThemeIds));
        Assert.Equal(2, snapshot.PointsUnder(theme).Count);
        var history = await HistoryAsync(remiss.Id);
        Assert.Contains(history, e => e.Action == AuditAction.ThemeRenamed);
        Assert.Contains(history, e => e.Action == AuditAction.ThemesMerged);
        Assert.NotEqual(point.Id, other.Id);
    }

    [Fact]
    public async Task Theme_AddedTwice_IsRefusedTheSecondTime()
    {
        var remiss = await AnsweredAsync();
        await ReviewAsync(remiss.Id, (review, r) => review.AddThemeAsync(r, "Ekonomi", CancellationToken.None));

        var e = await Assert.ThrowsAsync<DomainException>(() => ReviewAsync(remiss.Id, (review, r) => review.AddThemeAsync(r, "EKONOMI", CancellationToken.None)));

        e.AssertRefused(Field.ThemeName, RefusalKey.ThemeNameTaken, "EKONOMI");
    }

    [Fact]
    public async Task Read_OrdersQuestionsFirst_ThenSectionsBySwedishName()
    {
        var remiss = await AnsweredAsync();
        foreach (var source in new[] { PointSource.InSection(PointSource.SummarySection), PointSource.Question(2), PointSource.Question(1) })
        {
            await ReviewAsync(remiss.Id, (review, r) => review.RaiseAsync(r, remiss.Recipients[Arrange.Asn], source, Content, [], CancellationToken.None));
        }

        var snapshot = await ReadAsync(remiss.Id);

        Assert.Equal([1, 2, null], snapshot.Points.Select(p => p.QuestionNumber));
        Assert.Equal(PointSource.SummarySection, Assert.Single(snapshot.PointsOutsideQuestions).Section);
    }

    /// <summary>A sent remiss whose Arbetsmarknads- och socialnämnd has submitted and Grundskolenämnden drafts.</summary>
    private async Task<ArrangedRemiss> AnsweredAsync()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true });
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) =>
        {
            Arrange.Submit(r, remiss.Recipients[Arrange.Asn], c);
            Arrange.StartDrafting(r, remiss.Recipients[Arrange.Grundskola], c);
        });
        return remiss;
    }

    private Task<T> ReviewAsync<T>(Guid remissId, Func<RemissReview, Remiss, Task<T>> work) =>
        ReviewAsync(remissId, (review, remiss, _) => work(review, remiss));

    /// <summary>Works as the remiss's handläggare would through the pages: the service made for that person in a tenant scope.</summary>
    private Task<T> ReviewAsync<T>(Guid remissId, Func<RemissReview, Remiss, AppDbContext, Task<T>> work) =>
        factory.InTenantAsync("malmo", async (db, services) =>
        {
            var actor = new Handlaggare(await Arrange.UserIdAsync(db, Arrange.Owner));
            var review = ActivatorUtilities.CreateInstance<RemissReview>(services, actor, ActivatorUtilities.CreateInstance<AuditLog>(services, actor));
            var remiss = (await services.GetRequiredService<RemissReader>().FindAsync(remissId, CancellationToken.None))!;
            return await work(review, remiss, db);
        });

    private Task<int> SaveCommentAsync(Guid remissId, int number, string text, int basedOn) =>
        ReviewAsync(remissId, async (review, r) =>
        {
            await review.SaveCommentAsync(r, number, text, basedOn, CancellationToken.None);
            return 0;
        });

    private Task<ReviewSnapshot> ReadAsync(Guid remissId) =>
        factory.InTenantAsync("malmo", (_, services) => services.GetRequiredService<RemissReview>().ReadAsync(remissId, CancellationToken.None));

    private Task<List<AuditEntry>> HistoryAsync(Guid remissId) =>
        factory.InTenantAsync("malmo", (db, _) => db.AuditEntries.Where(e => e.RemissId == remissId).ToListAsync());

    private sealed class Handlaggare(Guid userId) : IAuditActor
    {
        public Guid? UserId => userId;

        public string? Name => "Hanna Handläggare";
    }
}
