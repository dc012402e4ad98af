namespace Remiss.Tests.Persistence;

using Microsoft.SqlServer.TransactSql.ScriptDom;
using Remiss.Tests.TestSupport;

/// <summary>
/// The production logins script (infra/sql/logins.sql) cannot be run here, so it is held to what can be checked: SQL
/// Server's own parser reads it without an error, and the app's login is given rows to read and write and nothing more.
/// </summary>
public sealed class InfraSqlTests
{
    private static readonly string Script = File.ReadAllText(Path.Combine(Repository.Root.FullName, "infra", "sql", "logins.sql"));

    [Fact]
    public void TheLoginsScript_Parses_AsTSql()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);

        using var reader = new StringReader(Script);
        parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"{e.Line}: {e.Message}"));
    }

    [Fact]
    public void TheAppsLogin_ReadsAndWritesRows_AndNothingMore()
    {
        var grants = Script.Split('\n').Where(l => l.Contains("ADD MEMBER [remiss_app]", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();

        Assert.Equal(["ALTER ROLE [db_datareader] ADD MEMBER [remiss_app];", "ALTER ROLE [db_datawriter] ADD MEMBER [remiss_app];"], grants);
        Assert.DoesNotContain("GRANT", Script, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheCompose_File_NeverConnectsTheAppAsSa()
    {
        var compose = File.ReadAllText(Path.Combine(Repository.Root.FullName, "infra", "compose.yaml"));

        Assert.DoesNotContain("User Id=sa;", compose, StringComparison.Ordinal);
        Assert.Contains("User Id=remiss_app;", compose, StringComparison.Ordinal);
        Assert.Contains("User Id=remiss_migrator;", compose, StringComparison.Ordinal);
    }
}
