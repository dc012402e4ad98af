namespace Remiss.Infrastructure.Persistence;

/// <summary>Configuration section <c>Database</c>. One switch picks the provider.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "Remiss";
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/remiss.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations when the app starts: on in the embedded default, off in production (run <c>migrate</c> instead).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
