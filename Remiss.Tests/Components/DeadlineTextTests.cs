namespace Remiss.Tests.Components;

using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Web.Components;

/// <summary>A sista svarsdag written the Swedish way inside a machine-readable &lt;time&gt;.</summary>
public sealed class DeadlineTextTests : BunitContext
{
    public DeadlineTextTests() => Services.AddLocalization();

    [Theory]
    [InlineData(2027, 11, 30, "30 november 2027", "2027-11-30")]
    [InlineData(2023, 11, 30, "30 november 2023", "2023-11-30")]
    [InlineData(2027, 1, 1, "1 januari 2027", "2027-01-01")]
    [InlineData(2026, 3, 29, "29 mars 2026", "2026-03-29")]
    [InlineData(2026, 10, 25, "25 oktober 2026", "2026-10-25")]
    [InlineData(2028, 2, 29, "29 februari 2028", "2028-02-29")]
    public void Deadline_IsWrittenInSwedishWithAMachineReadableDate(int year, int month, int day, string text, string iso)
    {
        var rendered = Render<DeadlineText>(p => p.Add(c => c.Date, new DateOnly(year, month, day)));

        var time = rendered.Find("time");
        Assert.Equal(text, time.TextContent);
        Assert.Equal(iso, time.GetAttribute("datetime"));
        Assert.Equal(text, DeadlineText.Format(new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("en")]
    [InlineData("ar-SA")]
    public void Deadline_StaysSwedishAndGregorian_WhateverTheThreadsCulture(string culture)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var rendered = Render<DeadlineText>(p => p.Add(c => c.Date, new DateOnly(2027, 11, 30)));

            Assert.Equal("30 november 2027", rendered.Find("time").TextContent);
            Assert.Equal("2027-11-30", rendered.Find("time").GetAttribute("datetime"));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Fact]
    public void Deadline_IsTheOnlyElementRendered()
    {
        var rendered = Render<DeadlineText>(p => p.Add(c => c.Date, new DateOnly(2027, 11, 30)));

        Assert.Equal("30 november 2027", rendered.Find("time").TextContent);
        Assert.Single(rendered.Nodes.OfType<AngleSharp.Dom.IElement>());
    }
}
