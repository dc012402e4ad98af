namespace Remiss.Tests.Features.Documents;

using Remiss.Infrastructure.Documents;

/// <summary>Stored formatted text as one spreadsheet cell holds it: lines for blocks, marks for list items, no tags.</summary>
public sealed class RichTextToPlainTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("  ", "")]
    [InlineData("<p></p>", "")]
    [InlineData("<p>Ett</p><p>Två</p>", "Ett\nTvå")]
    [InlineData("<p>Rad ett<br>rad två</p>", "Rad ett\nrad två")]
    [InlineData("<p>  Mycket\n   luft  </p>", "Mycket luft")]
    [InlineData("<p><strong>Fet</strong> och <em>kursiv</em> och <a href=\"https://malmo.se\" rel=\"noopener\">länk</a>.</p>", "Fet och kursiv och länk.")]
    [InlineData("<ul><li>A</li><li>B<ul><li>B1</li></ul></li></ul><p>Sist</p>", "- A\n- B\n  - B1\nSist")]
    [InlineData("<ol><li>Ett</li><li>Två</li></ol>", "1. Ett\n2. Två")]
    [InlineData("<h3>Rubrik</h3><blockquote>Citat</blockquote>", "Rubrik\nCitat")]
    [InlineData("<p>&lt;b&gt; &amp; &quot;citat&quot; 3 &lt; 5</p>", "<b> & \"citat\" 3 < 5")]
    [InlineData("Bara text < 5 och > 2", "Bara text < 5 och > 2")]
    [InlineData("<p>Före<!-- kommentar -->efter</p>", "Föreefter")]
    public void Formatted_text_becomes_plain_lines(string? html, string expected) =>
        Assert.Equal(expected, new RichTextToPlain().Convert(html));

    [Fact]
    public void One_converter_serves_many_texts_without_carrying_anything_over()
    {
        var converter = new RichTextToPlain();

        Assert.Equal("- A", converter.Convert("<ul><li>A"));
        Assert.Equal("B", converter.Convert("<p>B</p>"));
    }
}
