namespace Remiss.Infrastructure.Persistence;

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

/// <summary>
/// Lets SQLite itself wait for the write lock, in steps of a few milliseconds, when two saves meet. Without it,
/// Microsoft.Data.Sqlite answers a busy database by sleeping 150 ms before it tries again, so an autosave that meets
/// another one waits 150 ms or 300 ms even when the other is done after two. The timeout is set on the native handle
/// (no statement), each time EF opens the connection, so pooled connections have it too.
/// </summary>
public sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    /// <summary>How long SQLite waits for a lock before it reports the database busy (the driver then retries until the command timeout).</summary>
    public const int BusyTimeoutMilliseconds = 5_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => SetBusyTimeout(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SetBusyTimeout(connection);
        return Task.CompletedTask;
    }

    private static void SetBusyTimeout(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, BusyTimeoutMilliseconds);
        }
    }
}
