namespace Remiss.Tests.Web;

using Remiss.Infrastructure.RichText;

/// <summary>Words searched for in formatted answers are found in the text only, and marked without breaking the HTML.</summary>
public sealed class RichTextHitsTests
{
    [Fact]
    public void Words_AreSplitOnWhiteSpace_WithoutBlanksOrRepeats()
    {
        Assert.Equal(["samordning", "Rosengård"], RichTextHits.Words("  samordning \n Rosengård SAMORDNING "));
        Assert.Empty(RichTextHits.Words("   "));
        Assert.Equal(RichTextHits.MaxWords, RichTextHits.Words(string.Join(' ', Enumerable.Range(1, 30))).Count);
    }

    [Fact]
    public void HoldsAll_IsCaseInsensitive_NeedsEveryWord_AndIgnoresTagsAndEntities()
    {
        var html = "<p>Vi ser <strong>stora</strong> behov &amp; möjligheter i Rosengård.</p>";

        Assert.True(RichTextHits.HoldsAll([html], ["ROSENGÅRD", "stora"]));
        Assert.False(RichTextHits.HoldsAll([html], ["Rosengård", "Fosie"]));
        Assert.False(RichTextHits.HoldsAll([html], ["strong"]));
        Assert.False(RichTextHits.HoldsAll([html], ["amp"]));
        Assert.True(RichTextHits.HoldsAll([html, "Otryggt i centrum"], ["behov & möjligheter", "centrum"]));
    }

    [Fact]
    public void Mark_WrapsEachHitInsideItsElement_JoinsOverlaps_AndKeepsTheRestOfTheHtml()
    {
        var html = "<p>Samordning är <strong>samordningens</strong> kärna.</p><ul><li>Ingen träff</li></ul><p><a href=\"https://malmo.se\" rel=\"noopener noreferrer nofollow\">samordning</a></p>";

        var marked = RichTextHits.Mark(html, ["samordning", "ordningens"]);

        Assert.Equal(
            "<p><mark>Samordning</mark> är <strong><mark>samordningens</mark></strong> kärna.</p><ul><li>Ingen träff</li></ul><p><a href=\"https://malmo.se\" rel=\"noopener noreferrer nofollow\"><mark>samordning</mark></a></p>",
            marked);
    }

    [Fact]
    public void Mark_NeverMarksInsideATagOrAnAttribute_AndEncodesWhatItMoves()
    {
        var html = "<p><a href=\"https://example.org/mark\" rel=\"noopener noreferrer nofollow\">x</a> 1 &lt; 2 &amp; mark</p>";

        var marked = RichTextHits.Mark(html, ["mark", "<"]);

        Assert.Equal("<p><a href=\"https://example.org/mark\" rel=\"noopener noreferrer nofollow\">x</a> 1 <mark>&lt;</mark> 2 &amp; <mark>mark</mark></p>", marked);
    }

    [Fact]
    public void Mark_WithoutWords_ReturnsTheHtmlAsItWas()
    {
        Assert.Equal("<p>Text</p>", RichTextHits.Mark("<p>Text</p>", []));
        Assert.Equal(string.Empty, RichTextHits.Mark(string.Empty, ["x"]));
    }
}
