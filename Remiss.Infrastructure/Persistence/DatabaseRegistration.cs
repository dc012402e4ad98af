namespace Remiss.Infrastructure.Persistence;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

public static class DatabaseRegistration
{
    /// <summary>Registers <see cref="AppDbContext"/> as the provider's subclass, chosen by <c>Database:Provider</c>.</summary>
    public static IServiceCollection AddRemissDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        services.AddSingleton<TenantStampingInterceptor>();

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionStringUnder(connectionString ?? DatabaseOptions.DefaultSqliteConnectionString, contentRoot);
                services.AddSingleton<SqliteBusyTimeoutInterceptor>();
                services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, db) => db
                    .UseSqlite(sqlite, o => o.MigrationsHistoryTable("__EFMigrationsHistory"))
                    .AddInterceptors(
                        sp.GetRequiredService<TenantStampingInterceptor>(),
                        sp.GetRequiredService<Email.OutboxDispatchInterceptor>(),
                        sp.GetRequiredService<SqliteBusyTimeoutInterceptor>()));
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Remiss is not set.");
                }

                services.AddDbContext<AppDbContext, SqlServerAppDbContext>((sp, db) => db
                    .UseSqlServer(connectionString, o => o.EnableRetryOnFailure())
                    .AddInterceptors(sp.GetRequiredService<TenantStampingInterceptor>(), sp.GetRequiredService<Email.OutboxDispatchInterceptor>()));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'.");
        }

        return services;
    }

    /// <summary>Makes a relative SQLite file path relative to the content root and creates its folder.</summary>
    public static string SqliteConnectionStringUnder(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.Combine(contentRoot, builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }
}
