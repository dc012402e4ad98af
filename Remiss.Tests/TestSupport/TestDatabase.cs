namespace Remiss.Tests.TestSupport;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>A real SQLite file database with every migration applied; contexts are made per tenant, as requests make them.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "remiss-tests", Guid.NewGuid().ToString("N"));

    private TestDatabase()
    {
        Directory.CreateDirectory(_folder);
        ConnectionString = $"Data Source={Path.Combine(_folder, "remiss.db")}";
    }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var db = database.NewContext(null);
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>A database migrated up to <paramref name="migration"/> only: for data in an older shape that a later migration moves.</summary>
    public static async Task<TestDatabase> CreateAtMigrationAsync(string migration)
    {
        var database = new TestDatabase();
        await using var db = database.NewContext(null);
        await db.GetService<IMigrator>().MigrateAsync(migration);
        return database;
    }

    /// <summary>A context acting for <paramref name="tenant"/> (null: no tenant, as before sign-in).</summary>
    public SqliteAppDbContext NewContext(Tenant? tenant)
    {
        var tenantContext = new TenantContext();
        if (tenant is not null)
        {
            tenantContext.Set(new CurrentTenant(tenant.Id, tenant.Slug, tenant.Name, tenant.TimeZoneId));
        }

        var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite(ConnectionString)
            .AddInterceptors(new TenantStampingInterceptor())
            .Options;
        return new SqliteAppDbContext(options, tenantContext);
    }

    /// <summary>Creates and saves a tenant (tenants are not tenant-owned: any context may add one).</summary>
    public async Task<Tenant> AddTenantAsync(string slug)
    {
        var tenant = Tenant.Create(slug, $"Kund {slug}", FakeClock.Start.UtcDateTime);
        await using var db = NewContext(null);
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        return tenant;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS; the folder is under temp.
        }
    }

    /// <summary>
    /// The first column of every row of <paramref name="sql"/>, run on a connection the context opens (with its
    /// interceptors): for pragmas and query plans.
    /// </summary>
    public static async Task<IReadOnlyList<object>> ColumnAsync(AppDbContext db, string sql, int column = 0)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<object>();
            while (await reader.ReadAsync())
            {
                values.Add(reader.GetValue(column));
            }

            return values;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A SQL Server context that never connects: for pending-model checks, scripts and ToQueryString.</summary>
    public static SqlServerAppDbContext SqlServerContext(Guid? tenantId = null)
    {
        var tenantContext = new TenantContext();
        if (tenantId is { } id)
        {
            tenantContext.Set(new CurrentTenant(id, "malmo", "Malmö stad", "Europe/Stockholm"));
        }

        var options = new DbContextOptionsBuilder<SqlServerAppDbContext>()
            .UseSqlServer("Server=127.0.0.1,1;Database=Remiss;User Id=sa;Password=not-used;TrustServerCertificate=True")
            .Options;
        return new SqlServerAppDbContext(options, tenantContext);
    }
}
