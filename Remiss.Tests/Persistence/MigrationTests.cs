namespace Remiss.Tests.Persistence;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Remiss.Tests.TestSupport;

/// <summary>Both providers' migrations are complete and valid; SQL Server is checked without a server.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task SqliteContext_HasNoPendingModelChanges()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext(null);

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last SQLite migration: add one with dotnet ef.");
    }

    [Fact]
    public void SqlServerContext_HasNoPendingModelChanges()
    {
        using var db = TestDatabase.SqlServerContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last SQL Server migration: add one with dotnet ef.");
    }

    [Fact]
    public async Task SqliteMigrations_ApplyToAnEmptyFileDatabase()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext(null);

        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in new[] { "Tenants", "Organisations", "Memberships", "Remisser", "Questions", "Recipients", "Extensions", "Responses", "Answers", "Attachments", "AspNetUsers", "AspNetRoles", "DataProtectionKeys", "OutboxMessages" })
        {
            Assert.Contains(table, tables);
        }
    }

    [Fact]
    public void SqlServerIdempotentMigrationScript_ParsesWithZeroErrors()
    {
        using var db = TestDatabase.SqlServerContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        Assert.NotNull(fragment);
        Assert.Contains("CREATE TABLE [Remisser]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Remisser_TenantId_Diarienummer]", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlServerMigrationScript_MovesEachAnswersValueIntoTheJsonColumn_BeforeDroppingTheOldColumns()
    {
        using var db = TestDatabase.SqlServerContext();
        var script = db.GetService<IMigrator>().GenerateScript(fromMigration: "IndexRecipientsByRemiss");

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        var added = script.IndexOf("ADD [Value] nvarchar(max) NULL", StringComparison.Ordinal);
        var moved = script.IndexOf("UPDATE a SET [Value]", StringComparison.Ordinal);
        var dropped = script.IndexOf("DROP COLUMN [Choices]", StringComparison.Ordinal);
        Assert.True(added >= 0 && added < moved && moved < dropped, script);
        Assert.Contains("OPENJSON(a.[Choices])", script, StringComparison.Ordinal);
        Assert.Contains("\"$type\":\"TrafficLightAnswer\"", script, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlServerModel_UsesSwedishCollation()
    {
        using var db = TestDatabase.SqlServerContext();

        Assert.Equal("Finnish_Swedish_CI_AS", db.GetService<IDesignTimeModel>().Model.GetCollation());
    }
}
