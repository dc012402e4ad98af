namespace Remiss.Tests.Features.Documents;

using DocumentFormat.OpenXml.Wordprocessing;
using Remiss.Infrastructure.Documents;

/// <summary>Stored formatted text as Word: what each tag becomes, and what becomes plain text.</summary>
public sealed class RichTextToWordTests
{
    private static WordInspection Write(string html) => WordInspection.Of(output =>
    {
        using var writer = WordDocumentWriter.Create(output, null);
        writer.RichText(html);
        writer.Finish(new WordProperties("Prov", null, null, null, TestSupport.A.Now));
    });

    [Fact]
    public void Nested_lists_get_deeper_levels_and_each_numbered_list_starts_again()
    {
        using var document = Write("<ol><li>Ett<ul><li>Under</li></ul></li><li>Två</li></ol><ol><li>Ny</li></ol>");
        Assert.Empty(document.ValidationErrors());
        var items = document.Body.Elements<Paragraph>().Select(p => (Text: WordInspection.TextOf(p), Numbering: p.ParagraphProperties?.NumberingProperties)).ToList();
        Assert.Equal(["Ett", "Under", "Två", "Ny"], items.Select(i => i.Text));
        Assert.Equal([0, 1, 0, 0], items.Select(i => i.Numbering!.NumberingLevelReference!.Val!.Value));
        Assert.Equal(items[0].Numbering!.NumberingId!.Val!.Value, items[2].Numbering!.NumberingId!.Val!.Value);
        Assert.NotEqual(items[0].Numbering!.NumberingId!.Val!.Value, items[3].Numbering!.NumberingId!.Val!.Value);
    }

    [Fact]
    public void Line_breaks_entities_and_white_space_come_out_as_a_person_reads_them()
    {
        using var document = Write("<p>  Rad ett<br>rad &amp; två\n  med   luft  </p><p></p><p>&lt;b&gt;inte fet&lt;/b&gt; 3 &lt; 5</p>");
        var paragraphs = document.Body.Elements<Paragraph>().ToList();
        Assert.Equal(2, paragraphs.Count);
        Assert.Equal("Rad ettrad & två med luft", WordInspection.TextOf(paragraphs[0]));
        Assert.Single(paragraphs[0].Descendants<Break>());
        Assert.Equal("<b>inte fet</b> 3 < 5", WordInspection.TextOf(paragraphs[1]));
        Assert.DoesNotContain(paragraphs[1].Descendants<Run>(), r => r.RunProperties?.Bold is not null);
    }

    [Fact]
    public void Only_web_and_mail_addresses_become_links_and_unknown_tags_leave_their_text()
    {
        using var document = Write("<p><a href=\"javascript:alert(1)\">klicka</a> <a href=\"mailto:registrator@malmo.se\">mejla</a> <span>kvar</span> <script>alert(2)</script></p>");
        Assert.Empty(document.ValidationErrors());
        var paragraph = Assert.Single(document.Body.Elements<Paragraph>());
        var link = Assert.Single(paragraph.Descendants<Hyperlink>());
        Assert.Equal("mejla", WordInspection.TextOf(link));
        Assert.Equal("klicka mejla kvar alert(2)", WordInspection.TextOf(paragraph));
        Assert.DoesNotContain(document.Package.MainDocumentPart!.HyperlinkRelationships, r => r.Uri.Scheme == "javascript");
    }
}
