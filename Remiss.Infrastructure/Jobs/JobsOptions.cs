namespace Remiss.Infrastructure.Jobs;

/// <summary>Where Hangfire keeps its jobs.</summary>
public enum JobStorageKind
{
    /// <summary>In the process's memory: the embedded default; jobs do not survive a restart (the outbox and the chaser's records do).</summary>
    InMemory = 0,

    /// <summary>SQL Server, shared by every web instance: production.</summary>
    SqlServer = 1,
}

/// <summary>Configuration section <c>Hangfire</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Hangfire";

    /// <summary>Where jobs are kept; when not set, SQL Server if the application's database is, else in memory.</summary>
    public JobStorageKind? Storage { get; set; }

    /// <summary>The connection string's name for SQL Server storage; the application's database by default.</summary>
    public string ConnectionStringName { get; set; } = "Remiss";

    /// <summary>
    /// Whether the app creates or upgrades Hangfire's SQL Server schema when it starts. Production's web instances connect
    /// with a login that may only read and write rows, so there the one-shot <c>migrate</c> step installs the schema
    /// (<see cref="JobStorageSchema"/>) and the instances set this to false.
    /// </summary>
    public bool PrepareSchema { get; set; } = true;

    /// <summary>Whether this instance runs workers. Every web instance does in production; tests switch it off.</summary>
    public bool ServerEnabled { get; set; } = true;

    public int WorkerCount { get; set; } = 2;

    /// <summary>When the deadline chaser runs (UTC cron); hourly by default, as the reminders go out from 08:00 Swedish time.</summary>
    public string ChaserCron { get; set; } = "0 * * * *";

    /// <summary>When the outbox's safety-net sweep runs (UTC cron).</summary>
    public string OutboxSweepCron { get; set; } = "* * * * *";
}
