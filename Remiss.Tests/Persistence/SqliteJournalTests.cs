namespace Remiss.Tests.Persistence;

using Microsoft.EntityFrameworkCore;
using Remiss.Tests.TestSupport;

/// <summary>
/// The embedded database runs with write-ahead logging, set when the app starts: readers are not held up while an
/// autosave writes, which the load command measures with 28 secretaries saving beside 4 owners reading; and two
/// writers wait for each other in SQLite, not in the driver's 150 ms sleeps.
/// </summary>
public sealed class SqliteJournalTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    [Fact]
    public async Task TheAppsSqliteDatabase_IsInWriteAheadLogMode()
    {
        var mode = await factory.InTenantAsync("malmo", async (db, _) =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode;";
                return (string?)await command.ExecuteScalarAsync();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task EveryConnectionTheAppOpens_LetsSqliteWaitForTheLockItself()
    {
        var timeout = await factory.InTenantAsync("malmo", async (db, _) =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA busy_timeout;";
                return (long?)await command.ExecuteScalarAsync();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        Assert.Equal(Remiss.Infrastructure.Persistence.SqliteBusyTimeoutInterceptor.BusyTimeoutMilliseconds, timeout);
    }
}
