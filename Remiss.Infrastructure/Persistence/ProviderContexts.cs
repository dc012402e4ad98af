namespace Remiss.Infrastructure.Persistence;

using Microsoft.EntityFrameworkCore;
using Remiss.Infrastructure.Tenancy;

/// <summary>The embedded default: a SQLite file under App_Data. Migrations in Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, ITenantContext tenantContext)
    : AppDbContext(options, tenantContext)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite cannot compare or order DateTimeOffset in SQL; the model uses UTC DateTime, and this keeps
        // the Kind right when values come back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

/// <summary>Production: SQL Server. Migrations in Migrations/SqlServer.</summary>
public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options, ITenantContext tenantContext)
    : AppDbContext(options, tenantContext)
{
    /// <summary>Swedish sorting and comparison in the database: å, ä, ö after z.</summary>
    public const string Collation = "Finnish_Swedish_CI_AS";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseCollation(Collation);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>().HaveColumnType("datetime2");
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>().HaveColumnType("datetime2");
    }
}

/// <summary>Every instant is stored as UTC and read back as <see cref="DateTimeKind.Utc"/>.</summary>
public sealed class UtcDateTimeConverter : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>
{
    public UtcDateTimeConverter()
        : base(
            v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
            v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
    {
    }
}
