namespace Remiss.Tests.Features.Audit;

using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Tenancy;
using Remiss.Tests.TestSupport;

/// <summary>The log's filtered query translates to SQL Server's SQL, under the tenant filter.</summary>
public sealed class AuditQueryTranslationTests
{
    [Fact]
    public void TheFilteredLog_TranslatesWithTheTenantFilter()
    {
        using var db = TestDatabase.SqlServerContext(Guid.CreateVersion7());
        var filter = new AuditFilter(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), AuditAction.SignInFailed, "grundskola", "lösenord");

        var sql = new AuditQueries(db, new TenantContext()).Query(filter).ToQueryString();

        Assert.Contains("FROM [AuditEntries]", sql, StringComparison.Ordinal);
        Assert.Contains("[TenantId] = @", sql, StringComparison.Ordinal);
        Assert.Contains("LIKE", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [a].[OccurredAt] DESC", sql, StringComparison.Ordinal);
    }
}
