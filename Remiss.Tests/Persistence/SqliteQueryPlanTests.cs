namespace Remiss.Tests.Persistence;

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Infrastructure.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// The remiss pages' queries find a remiss's recipients, and a recipient's anstånd, through an index on both, not by
/// reading everything the tenant has. SQLite has no statistics to go by and took the tenant's index: on a tenant with
/// 41 remisser and 12,300 recipients the follow-up query took 23 ms instead of 1 ms, and the start page counted every
/// recipient of the tenant once per remiss. The plans are read from the app's own migrated database.
/// </summary>
public sealed partial class SqliteQueryPlanTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    private static readonly Guid Remiss = Guid.CreateVersion7();
    private static readonly Guid[] Organisations = [Guid.CreateVersion7()];

    public static TheoryData<string> Queries => ["OwnedBy", "SentTo", "FollowUp", "PendingExtensions", "NotYetRecipients", "RecipientNames", "RecipientEntries"];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task TheQuery_ReadsOnlyTheRemisssRecipientsAndTheirAnstand(string name)
    {
        var plan = await PlanAsync(name);

        Assert.False(TenantWideRead().IsMatch(plan), plan);
        Assert.DoesNotMatch(FullScan(), plan);
    }

    [Fact]
    public async Task TheFollowUpQuery_FindsTheRecipientsByTenantAndRemiss()
    {
        var plan = await PlanAsync("FollowUp");

        Assert.Contains("IX_Recipients_TenantId_RemissId (TenantId=? AND RemissId=?)", plan, StringComparison.Ordinal);
        Assert.Contains("IX_Extensions_TenantId_RecipientId_Status (TenantId=? AND RecipientId=? AND Status=?)", plan, StringComparison.Ordinal);
    }

    /// <summary>SQLite's plan for one of <see cref="RemissQueries"/>' queries, a line per step.</summary>
    private Task<string> PlanAsync(string name) =>
        factory.InTenantAsync("malmo", async (db, services) =>
        {
            var queries = services.GetRequiredService<RemissQueries>();
            IQueryable query = name switch
            {
                "OwnedBy" => queries.OwnedBy(Organisations),
                "SentTo" => queries.SentTo(Organisations),
                "FollowUp" => queries.FollowUp(Remiss),
                "PendingExtensions" => queries.PendingExtensions([Guid.CreateVersion7(), Guid.CreateVersion7()]),
                "NotYetRecipients" => queries.NotYetRecipients(Remiss, Organisations[0]),
                "RecipientNames" => queries.RecipientNames(Remiss),
                "RecipientEntries" => services.GetRequiredService<RemissReader>().RecipientEntries(Remiss),
                _ => throw new ArgumentOutOfRangeException(nameof(name)),
            };

            // ToQueryString() puts the parameters first, as ".param set" lines for SQLite's shell; the plan needs none.
            var sql = string.Join('\n', query.ToQueryString().Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
            // Each row of the plan is one step; its fourth column says what the step reads and how.
            return string.Join('\n', await TestDatabase.ColumnAsync(db, "EXPLAIN QUERY PLAN " + sql, column: 3));
        });

    /// <summary>Recipients or anstånd found by the tenant alone (or the tenant and a status): all of the tenant's.</summary>
    [GeneratedRegex(@"INDEX IX_(Recipients|Extensions)_\w+ \(TenantId=\?( AND Status=\?)?\)")]
    private static partial Regex TenantWideRead();

    [GeneratedRegex(@"SCAN (Recipients|Extensions|r|e)\b(?! USING)")]
    private static partial Regex FullScan();
}
