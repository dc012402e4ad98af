namespace Remiss.Tests.Components;

using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Remisser;
using Remiss.Web.Components;

/// <summary>A remissinstans's status in words, with "Sen" as a word of its own when it is overdue.</summary>
public sealed class RecipientStatusBadgeTests : BunitContext
{
    public RecipientStatusBadgeTests() => Services.AddLocalization();

    [Theory]
    [InlineData(RecipientStatus.NotStarted, "Ej påbörjat", "status--notstarted")]
    [InlineData(RecipientStatus.Drafting, "Påbörjat", "status--drafting")]
    [InlineData(RecipientStatus.Submitted, "Inkommet", "status--submitted")]
    [InlineData(RecipientStatus.Declined, "Avstår", "status--declined")]
    public void Badge_InSwedish_NamesTheStatusInWords(RecipientStatus status, string label, string modifier)
    {
        var badge = InCulture("sv-SE", () => Render<RecipientStatusBadge>(p => p.Add(c => c.Status, status)));

        var span = Assert.Single(badge.FindAll("span"));
        Assert.Equal(label, span.TextContent);
        Assert.Contains("status", span.ClassList);
        Assert.Contains(modifier, span.ClassList);
    }

    [Theory]
    [InlineData(RecipientStatus.NotStarted, "Ej påbörjat")]
    [InlineData(RecipientStatus.Drafting, "Påbörjat")]
    public void Badge_WhenOverdue_AddsTheWordSen(RecipientStatus status, string label)
    {
        var badge = InCulture("sv-SE", () => Render<RecipientStatusBadge>(p => p.Add(c => c.Status, status).Add(c => c.IsOverdue, true)));

        var spans = badge.FindAll("span");
        Assert.Equal(2, spans.Count);
        Assert.Equal(label, spans[0].TextContent);
        Assert.Equal("Sen", spans[1].TextContent);
        Assert.Contains("status--overdue", spans[1].ClassList);
    }

    [Fact]
    public void Badge_WhenNotOverdue_SaysNothingAboutBeingLate()
    {
        var badge = InCulture("sv-SE", () => Render<RecipientStatusBadge>(p => p.Add(c => c.Status, RecipientStatus.NotStarted).Add(c => c.IsOverdue, false)));

        Assert.DoesNotContain("Sen", badge.Markup, StringComparison.Ordinal);
        Assert.Empty(badge.FindAll(".status--overdue"));
    }

    [Theory]
    [InlineData(RecipientStatus.NotStarted, "Not started")]
    [InlineData(RecipientStatus.Drafting, "Drafting")]
    [InlineData(RecipientStatus.Submitted, "Submitted")]
    [InlineData(RecipientStatus.Declined, "Declined")]
    public void Badge_InEnglish_NamesTheStatusInEnglish(RecipientStatus status, string label)
    {
        var badge = InCulture("en", () => Render<RecipientStatusBadge>(p => p.Add(c => c.Status, status).Add(c => c.IsOverdue, true)));

        var spans = badge.FindAll("span");
        Assert.Equal(label, spans[0].TextContent);
        Assert.Equal("Late", spans[1].TextContent);
    }

    private static T InCulture<T>(string culture, Func<T> render)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return render();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
