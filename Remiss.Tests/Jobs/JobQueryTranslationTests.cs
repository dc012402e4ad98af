namespace Remiss.Tests.Jobs;

using Microsoft.EntityFrameworkCore;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Reminders;
using Remiss.Tests.TestSupport;

/// <summary>The chaser's and the sender's queries translate to SQL Server's SQL, where production runs them.</summary>
public sealed class JobQueryTranslationTests
{
    [Fact]
    public void The_chasers_open_recipients_translate_with_the_tenant_filter_and_the_deadline_after_anstånd()
    {
        using var db = TestDatabase.SqlServerContext(Guid.CreateVersion7());

        var sql = DeadlineChaser.OpenRecipientsDueBy(db, new DateOnly(2026, 12, 14)).ToQueryString();

        Assert.Contains("FROM [Recipients]", sql, StringComparison.Ordinal);
        Assert.Contains("[ExtendedDeadline]", sql, StringComparison.Ordinal);
        Assert.Contains("[TenantId] = @", sql, StringComparison.Ordinal);
        Assert.Contains("N'Sent'", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void The_steps_already_taken_translate_as_one_join()
    {
        using var db = TestDatabase.SqlServerContext(Guid.CreateVersion7());

        var sql = DeadlineChaser.StepsTakenFor(db, DeadlineChaser.OpenRecipientsDueBy(db, new DateOnly(2026, 12, 14))).ToQueryString();

        Assert.Contains("FROM [Reminders]", sql, StringComparison.Ordinal);
        Assert.Contains("INNER JOIN", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sweeps_due_messages_translate_across_tenants()
    {
        using var db = TestDatabase.SqlServerContext(Guid.CreateVersion7());

        var sql = OutboxJobs.DueMessages(db, new DateTime(2026, 11, 16, 7, 0, 0, DateTimeKind.Utc), 500).ToQueryString();

        Assert.Contains("FROM [OutboxMessages]", sql, StringComparison.Ordinal);
        Assert.Contains("TOP(@", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("[TenantId] = @", sql, StringComparison.Ordinal);
    }
}
