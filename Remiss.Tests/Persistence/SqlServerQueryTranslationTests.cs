namespace Remiss.Tests.Persistence;

using Microsoft.EntityFrameworkCore;
using Remiss.Infrastructure.Platform;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Tests.TestSupport;

/// <summary>
/// The product's main queries translate to SQL Server's SQL: an untranslatable LINQ query fails here, not in
/// production. No server is needed for ToQueryString().
/// </summary>
public sealed class SqlServerQueryTranslationTests
{
    private static readonly Guid Tenant = Guid.CreateVersion7();
    private static readonly Guid[] Organisations = [Guid.CreateVersion7(), Guid.CreateVersion7()];

    [Fact]
    public void RemisserOwnedByTheUsersOrganisations_TranslateWithTheTenantFilter()
    {
        using var db = TestDatabase.SqlServerContext(Tenant);
        var sql = new RemissQueries(db, new TenantClock(new TenantContext(), new FakeClock())).OwnedBy(Organisations).ToQueryString();

        Assert.Contains("FROM [Remisser]", sql, StringComparison.Ordinal);
        Assert.Contains("[TenantId] = @", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void RemisserSentToTheUsersOrganisations_Translate()
    {
        using var db = TestDatabase.SqlServerContext(Tenant);
        var sql = new RemissQueries(db, new TenantClock(new TenantContext(), new FakeClock())).SentTo(Organisations).ToQueryString();

        Assert.Contains("FROM [Recipients]", sql, StringComparison.Ordinal);
        Assert.Contains("[Status] <> N'Draft'", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOperatorsTenantCounts_Translate()
    {
        using var db = TestDatabase.SqlServerContext();
        var sql = new TenantOverview(db).Query().ToQueryString();

        Assert.Contains("FROM [Tenants]", sql, StringComparison.Ordinal);
        Assert.Contains("COUNT(*)", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRemissAggregateWithItsParts_Translates()
    {
        using var db = TestDatabase.SqlServerContext(Tenant);
        var id = Guid.CreateVersion7();
        var sql = db.Remisser.Include(r => r.Questions).Include(r => r.Attachments)
            .Where(r => r.Id == id).ToQueryString();
        var entries = new RemissReader(db, new TenantContext()).RecipientEntries(id).ToQueryString();

        Assert.Contains("[Questions]", sql, StringComparison.Ordinal);
        Assert.Contains("[TenantId] = @", sql, StringComparison.Ordinal);
        Assert.Contains("[Recipients]", entries, StringComparison.Ordinal);
        Assert.DoesNotContain("[Responses]", entries, StringComparison.Ordinal);
        Assert.Contains("[TenantId] = @", entries, StringComparison.Ordinal);
        Assert.StartsWith("SELECT [r].[Id], [r].[OrganisationId]", entries[entries.IndexOf("SELECT", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void TheRemissinstansAggregateWithItsParts_Translates()
    {
        using var db = TestDatabase.SqlServerContext(Tenant);
        var id = Guid.CreateVersion7();
        var sql = db.Recipients.Include(r => r.Extensions).Include(r => r.Response).ThenInclude(r => r!.Answers)
            .Where(r => r.Id == id).ToQueryString();

        Assert.Contains("[Answers]", sql, StringComparison.Ordinal);
        Assert.Contains("[Extensions]", sql, StringComparison.Ordinal);
        Assert.Contains("[TenantId] = @", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void TheUsersMemberships_Translate()
    {
        using var db = TestDatabase.SqlServerContext(Tenant);
        var user = Guid.CreateVersion7();
        var sql = db.Memberships.Where(m => m.UserId == user).Select(m => m.OrganisationId).ToQueryString();

        Assert.Contains("FROM [Memberships]", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTenantBySlug_Translates()
    {
        using var db = TestDatabase.SqlServerContext();
        var sql = db.Tenants.Where(t => t.Slug == "malmo" && !t.IsSuspended).Select(t => new { t.Id, t.Name }).ToQueryString();

        Assert.Contains("[IsSuspended] = CAST(0 AS bit)", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFollowUpTable_TranslatesToOneQueryWithTheTenantFilterOnEveryPart()
    {
        using var db = TestDatabase.SqlServerContext(Tenant);
        var sql = Queries(db).FollowUp(Guid.CreateVersion7()).ToQueryString();

        Assert.Contains("FROM [Recipients]", sql, StringComparison.Ordinal);
        Assert.Contains("MAX(", sql, StringComparison.Ordinal);
        Assert.Contains("COUNT(*)", sql, StringComparison.Ordinal);
        Assert.Contains("[Reminders]", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("[Summary]", sql, StringComparison.Ordinal);
        Assert.True(CountOf("[TenantId] = @", sql) >= 5, sql);

        // FollowUpRowsAsync reads the columns by position, in the record's order.
        Assert.Matches(@"^SELECT \[r\]\.\[Id\], \[o\d*\]\.\[Name\], \[r\]\.\[Status\], \[r\]\.\[ExtendedDeadline\], \[r\]\.\[SubmittedAt\], \[r\]\.\[DeclinedAt\], \[r\]\.\[DeclineReason\], \(", sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void ThePageSideQueriesOfTheRemissPage_Translate()
    {
        using var db = TestDatabase.SqlServerContext(Tenant);
        var remiss = Guid.CreateVersion7();
        var queries = Queries(db);

        Assert.Contains("N'Requested'", queries.PendingExtensions(Organisations).ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("NOT EXISTS", queries.NotYetRecipients(remiss, Organisations[0]).ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("FROM [Recipients]", queries.RecipientNames(remiss).ToQueryString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheWaitingAnstandOfTheOwnersStartPage_Translate()
    {
        using var db = TestDatabase.SqlServerContext(Tenant);

        var sql = Queries(db).WaitingExtensions(Organisations).ToQueryString();

        Assert.Contains("N'Requested'", sql, StringComparison.Ordinal);
        Assert.Contains("N'Sent'", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [e].[RequestedAt]", sql, StringComparison.Ordinal);
        Assert.True(CountOf("[TenantId] = @", sql) >= 4, sql);
    }

    [Fact]
    public void ARecipientsOwnPartOfTheRemiss_Translates()
    {
        using var db = TestDatabase.SqlServerContext(Tenant);
        var remiss = Guid.CreateVersion7();
        var mine = Organisations.ToList();
        var sql = db.Recipients.Where(r => r.RemissId == remiss && mine.Contains(r.OrganisationId)).ToQueryString();

        Assert.Contains("[OrganisationId] IN (", sql, StringComparison.Ordinal);
    }

    private static RemissQueries Queries(Remiss.Infrastructure.Persistence.AppDbContext db) => new(db, new TenantClock(new TenantContext(), new FakeClock()));

    private static int CountOf(string part, string text) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public void TheAnswersOfSomeYttranden_TranslateReadingTheirValueFromOneColumn()
    {
        using var db = TestDatabase.SqlServerContext(Tenant);
        var responses = new[] { Guid.CreateVersion7() };
        var sql = db.Answers.Where(a => responses.Contains(a.ResponseId)).ToQueryString();

        Assert.Contains("[a].[Value]", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("[Position]", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("[Ratings]", sql, StringComparison.Ordinal);
    }
}
