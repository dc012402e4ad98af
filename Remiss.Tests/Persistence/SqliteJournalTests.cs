namespace Remiss.Tests.Persistence;

using Remiss.Tests.TestSupport;

/// <summary>
/// The embedded database runs with write-ahead logging, set when the app starts: readers are not held up while an
/// autosave writes, which the load command measures with 28 secretaries saving beside 4 owners reading; and two
/// writers wait for each other in SQLite, not in the driver's 150 ms sleeps.
/// </summary>
public sealed class SqliteJournalTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    [Fact]
    public async Task TheAppsSqliteDatabase_IsInWriteAheadLogMode() =>
        Assert.Equal("wal", await PragmaAsync("journal_mode"));

    [Fact]
    public async Task EveryConnectionTheAppOpens_LetsSqliteWaitForTheLockItself() =>
        Assert.Equal((long)Remiss.Infrastructure.Persistence.SqliteBusyTimeoutInterceptor.BusyTimeoutMilliseconds, await PragmaAsync("busy_timeout"));

    /// <summary>The value of a pragma on a connection the app's own DbContext opened (with its interceptors).</summary>
    private Task<object?> PragmaAsync(string pragma) =>
        factory.InTenantAsync("malmo", async (db, _) => (await TestDatabase.ColumnAsync(db, $"PRAGMA {pragma};")).SingleOrDefault());
}
