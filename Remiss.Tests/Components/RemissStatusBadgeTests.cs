namespace Remiss.Tests.Components;

using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Remisser;
using Remiss.Web.Components;

/// <summary>The remiss's status as a word (colour is only a second signal), in Swedish and in English.</summary>
public sealed class RemissStatusBadgeTests : BunitContext
{
    public RemissStatusBadgeTests() => Services.AddLocalization();

    [Theory]
    [InlineData(RemissStatus.Draft, "Utkast", "status--draft")]
    [InlineData(RemissStatus.Sent, "Utskickad", "status--sent")]
    [InlineData(RemissStatus.Closed, "Stängd", "status--closed")]
    [InlineData(RemissStatus.Completed, "Avslutad", "status--completed")]
    [InlineData(RemissStatus.Withdrawn, "Återkallad", "status--withdrawn")]
    public void Badge_InSwedish_NamesTheStatusInWords(RemissStatus status, string label, string modifier)
    {
        var badge = InCulture("sv-SE", () => Render<RemissStatusBadge>(p => p.Add(c => c.Status, status)));

        var span = badge.Find("span.status");
        Assert.Equal(label, span.TextContent);
        Assert.Contains(modifier, span.ClassList);
        Assert.Single(badge.FindAll("span"));
    }

    [Theory]
    [InlineData(RemissStatus.Draft, "Draft")]
    [InlineData(RemissStatus.Sent, "Sent")]
    [InlineData(RemissStatus.Closed, "Closed")]
    [InlineData(RemissStatus.Completed, "Completed")]
    [InlineData(RemissStatus.Withdrawn, "Withdrawn")]
    public void Badge_InEnglish_NamesTheStatusInEnglish(RemissStatus status, string label)
    {
        var badge = InCulture("en", () => Render<RemissStatusBadge>(p => p.Add(c => c.Status, status)));

        Assert.Equal(label, badge.Find("span.status").TextContent);
    }

    [Fact]
    public void Label_HasASwedishWordForEveryStatus()
    {
        foreach (var status in Enum.GetValues<RemissStatus>())
        {
            Assert.NotEqual(status.ToString(), RemissStatusBadge.Label(status));
        }
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
