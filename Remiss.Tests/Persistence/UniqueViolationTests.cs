namespace Remiss.Tests.Persistence;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Remiss.Infrastructure.Persistence;

/// <summary>A save that fails on a unique index is told apart by SQLite's error code, not by the words of its message.</summary>
public sealed class UniqueViolationTests
{
    [Fact]
    public void ADuplicateInAUniqueColumn_IsAUniqueViolation()
    {
        var error = SqliteErrorOf("INSERT INTO t (code, name) VALUES ('STK-1', 'a'); INSERT INTO t (code, name) VALUES ('STK-1', 'b');");

        Assert.True(UniqueViolation.Is(new DbUpdateException("save failed", error)));
    }

    [Fact]
    public void ADuplicatePrimaryKey_IsAUniqueViolation()
    {
        var error = SqliteErrorOf("INSERT INTO t (id, code, name) VALUES (1, 'A', 'a'); INSERT INTO t (id, code, name) VALUES (1, 'B', 'b');");

        Assert.True(UniqueViolation.Is(new DbUpdateException("save failed", error)));
    }

    [Fact]
    public void AMissingRequiredValue_IsNotAUniqueViolation()
    {
        var error = SqliteErrorOf("INSERT INTO t (code, name) VALUES ('STK-1', NULL);");

        Assert.False(UniqueViolation.Is(new DbUpdateException("save failed", error)));
    }

    [Fact]
    public void AnErrorWithoutADatabaseCause_IsNotAUniqueViolation()
    {
        Assert.False(UniqueViolation.Is(new DbUpdateException("UNIQUE constraint failed: duplicate key")));
    }

    private static SqliteException SqliteErrorOf(string sql)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL);";
            create.ExecuteNonQuery();
        }

        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
    }
}
