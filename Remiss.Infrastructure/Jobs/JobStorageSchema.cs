namespace Remiss.Infrastructure.Jobs;

using Hangfire.SqlServer;
using Microsoft.Data.SqlClient;

/// <summary>
/// Hangfire's tables in SQL Server, installed or upgraded by the one-shot <c>migrate</c> step with the migration login,
/// as the EF migrations are; the web instances' login may then only read and write rows. Nothing to do for jobs kept in memory.
/// </summary>
public sealed class JobStorageSchema(string? sqlServerConnectionString)
{
    public const string Name = "HangFire";

    public bool IsInSqlServer => !string.IsNullOrWhiteSpace(sqlServerConnectionString);

    public async Task InstallAsync(CancellationToken cancellationToken)
    {
        if (!IsInSqlServer)
        {
            return;
        }

        var connection = new SqlConnection(sqlServerConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            SqlServerObjectsInstaller.Install(connection, Name, enableHeavyMigrations: true);
        }
    }
}
