namespace Remiss.Tests.Persistence;

using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// OnePendingExtension puts a filtered unique index on a remissinstans's waiting anstånd. A database that already got two
/// waiting requests from two posts at once (the penetration test made such) migrates: the latest request waits, the
/// earlier one is closed as a duplicate.
/// </summary>
public sealed class OnePendingExtensionMigrationTests
{
    private const string Before = "20261202005203_AfterTheAnswers";

    [Fact]
    public async Task TwoWaitingRequests_AfterTheMigration_LeaveTheLatestWaiting()
    {
        var tenantId = Guid.CreateVersion7();
        var recipientId = Guid.CreateVersion7();
        var earlier = Guid.CreateVersion7();
        var later = Guid.CreateVersion7();
        var other = Guid.CreateVersion7();
        await using var database = await TestDatabase.CreateAtMigrationAsync(Before);
        await using (var db = database.NewContext(null))
        {
            await TestDatabase.ColumnAsync(db, "PRAGMA foreign_keys = OFF;\n" + Insert(tenantId, recipientId, earlier, "2026-11-24 10:00:00", "Requested")
                + Insert(tenantId, recipientId, later, "2026-11-24 10:00:01", "Requested")
                + Insert(tenantId, Guid.CreateVersion7(), other, "2026-11-24 10:00:00", "Requested"));
            await db.Database.MigrateAsync();
        }

        await using var reader = database.NewContext(null);
        var extensions = await reader.Extensions.IgnoreQueryFilters().ToDictionaryAsync(e => e.Id);

        Assert.Equal(ExtensionStatus.Refused, extensions[earlier].Status);
        Assert.Equal("Dubblett av en senare begäran om anstånd.", extensions[earlier].DecisionComment);
        Assert.Equal(ExtensionStatus.Requested, extensions[later].Status);
        Assert.Equal(ExtensionStatus.Requested, extensions[other].Status);
    }

    private static string Insert(Guid tenantId, Guid recipientId, Guid id, string requestedAt, string status) => $"""
        INSERT INTO "Extensions" ("Id", "TenantId", "RecipientId", "RequestedDeadline", "Reason", "RequestedByUserId", "RequestedAt", "Status")
        VALUES ('{Text(id)}', '{Text(tenantId)}', '{Text(recipientId)}', '2027-01-20', NULL, '{Text(Guid.Empty)}', '{requestedAt}', '{status}');

        """;

    // As EF Core stores a Guid on SQLite.
    private static string Text(Guid id) => id.ToString().ToUpperInvariant();
}
