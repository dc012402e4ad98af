namespace Remiss.Infrastructure.Jobs;

using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Reminders;

public static class JobsRegistration
{
    public const string OutboxSweepJobId = "outbox-sweep";
    public const string ChaserJobId = "deadline-chaser";

    /// <summary>
    /// E-mail delivery and the deadline chaser on Hangfire. The job storage and activator are this application's own
    /// instances, not Hangfire's process-wide defaults, so that two hosts in one process (tests) never run each
    /// other's jobs.
    /// </summary>
    public static IServiceCollection AddRemissJobs(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.Section));
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();

        services.AddSingleton<IMailTransport>(sp =>
        {
            var smtp = sp.GetRequiredService<IOptions<SmtpOptions>>().Value;
            return smtp.UsesServer
                ? new SmtpMailTransport(sp.GetRequiredService<IOptions<SmtpOptions>>())
                : new PickupDirectoryMailTransport(Path.GetFullPath(Path.Combine(contentRoot, smtp.PickupDirectory)));
        });
        services.AddSingleton<IOutboxDispatcher, HangfireOutboxDispatcher>();
        services.AddSingleton<OutboxDispatchInterceptor>();
        services.AddScoped<OutboxSender>();
        services.AddScoped<OutboxAdministration>();
        services.AddTransient<OutboxJobs>();
        services.AddScoped<DeadlineChaser>();
        services.AddTransient<ChaserJobs>();

        var database = configuration.GetSection(Persistence.DatabaseOptions.Section).Get<Persistence.DatabaseOptions>() ?? new Persistence.DatabaseOptions();
        var storage = jobs.Storage ?? (database.Provider == Persistence.DatabaseProvider.SqlServer ? JobStorageKind.SqlServer : JobStorageKind.InMemory);
        services.AddSingleton<JobStorage>(sp => storage switch
        {
            JobStorageKind.SqlServer => SqlServerStorageFor(configuration.GetConnectionString(jobs.ConnectionStringName), jobs.PrepareSchema),
            _ => new InMemoryStorage(new InMemoryStorageOptions()),
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>())));
        if (jobs.ServerEnabled)
        {
            services.AddHangfireServer((_, options) =>
            {
                options.WorkerCount = Math.Max(1, jobs.WorkerCount);
                options.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        }

        services.AddSingleton(new JobStorageSchema(storage == JobStorageKind.SqlServer ? configuration.GetConnectionString(jobs.ConnectionStringName) : null));
        services.AddHostedService<RecurringJobsRegistrar>();
        return services;
    }

    private static SqlServerStorage SqlServerStorageFor(string? connectionString, bool prepareSchema)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Hangfire:Storage is SqlServer but its connection string is not set.");
        }

        return new SqlServerStorage(() => new SqlConnection(connectionString), new SqlServerStorageOptions
        {
            SchemaName = JobStorageSchema.Name,
            PrepareSchemaIfNecessary = prepareSchema,
            QueuePollInterval = TimeSpan.FromSeconds(5),
            SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
            DisableGlobalLocks = true,
        });
    }

    /// <summary>Registers (or updates) the recurring jobs when the application starts; every instance may, harmlessly.</summary>
    private sealed class RecurringJobsRegistrar(IRecurringJobManager recurring, IOptions<JobsOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var settings = options.Value;
            recurring.AddOrUpdate<OutboxJobs>(OutboxSweepJobId, j => j.SweepAsync(CancellationToken.None), settings.OutboxSweepCron);
            recurring.AddOrUpdate<ChaserJobs>(ChaserJobId, j => j.ChaseAllAsync(CancellationToken.None), settings.ChaserCron);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
