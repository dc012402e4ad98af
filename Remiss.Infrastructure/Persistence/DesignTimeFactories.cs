namespace Remiss.Infrastructure.Persistence;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Remiss.Infrastructure.Tenancy;

/// <summary>Lets <c>dotnet ef</c> build each context without the web host, and without a SQL Server.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design-time.db").Options, new TenantContext());
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args) =>
        new(
            new DbContextOptionsBuilder<SqlServerAppDbContext>()
                .UseSqlServer(Environment.GetEnvironmentVariable("ConnectionStrings__Remiss") ?? "Server=localhost;Database=Remiss;Integrated Security=true;TrustServerCertificate=true")
                .Options,
            new TenantContext());
}
