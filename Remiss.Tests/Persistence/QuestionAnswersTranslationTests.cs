namespace Remiss.Tests.Persistence;

using Microsoft.EntityFrameworkCore;
using Remiss.Infrastructure.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>The queries of the pages Svar per fråga and Fråga N translate to SQL Server's SQL, each one statement with the tenant filter.</summary>
public sealed class QuestionAnswersTranslationTests
{
    private static readonly Guid Tenant = Guid.CreateVersion7();

    [Fact]
    public void TheSubmittedAnswersToOneQuestion_TranslateToOneQueryOfSubmittedYttrandenOnly()
    {
        using var db = TestDatabase.SqlServerContext(Tenant);
        var sql = new QuestionAnswers(db).To(Guid.CreateVersion7(), Guid.CreateVersion7()).ToQueryString();

        Assert.Contains("FROM [Recipients]", sql, StringComparison.Ordinal);
        Assert.Contains("LEFT JOIN", sql, StringComparison.Ordinal);
        Assert.Contains("N'Submitted'", sql, StringComparison.Ordinal);
        Assert.Contains("[SubmittedAt] IS NOT NULL", sql, StringComparison.Ordinal);
        Assert.Contains("[TenantId] = @", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOverviewsAnswers_TheNotSubmittedAndTheSections_Translate()
    {
        using var db = TestDatabase.SqlServerContext(Tenant);
        var answers = new QuestionAnswers(db);
        var id = Guid.CreateVersion7();

        Assert.Contains("FROM [Answers]", answers.SubmittedTo(id, [Guid.CreateVersion7()]).ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("<> N'Submitted'", answers.NotSubmitted(id).ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("[Sections]", answers.Sections(id).ToQueryString(), StringComparison.Ordinal);
    }
}
