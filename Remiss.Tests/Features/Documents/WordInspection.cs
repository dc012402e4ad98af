namespace Remiss.Tests.Features.Documents;

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Remiss.Infrastructure.Documents;

/// <summary>A generated .docx opened with the OpenXml SDK, as a test reads it: validation errors, paragraphs, headings, tables.</summary>
internal sealed class WordInspection : IDisposable
{
    private readonly MemoryStream _bytes;

    public WordInspection(byte[] bytes)
    {
        _bytes = new MemoryStream(bytes, writable: false);
        Package = WordprocessingDocument.Open(_bytes, false);
        Body = Package.MainDocumentPart!.Document!.Body!;
        var styles = Package.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().ToList();
        StyleNames = styles.Where(s => s.StyleId?.Value is not null).ToDictionary(s => s.StyleId!.Value!, s => s.StyleName?.Val?.Value ?? string.Empty);
    }

    public WordprocessingDocument Package { get; }

    public Body Body { get; }

    public IReadOnlyDictionary<string, string> StyleNames { get; }

    public string DocumentXml => Body.Parent!.OuterXml;

    public IReadOnlyList<string> ValidationErrors() =>
        [.. new OpenXmlValidator(FileFormatVersions.Office2019).Validate(Package).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];

    /// <summary>Every paragraph of the body (tables' too) with its text and its style's built-in name.</summary>
    public IReadOnlyList<(string Style, string Text)> Paragraphs() =>
        [.. Body.Descendants<Paragraph>().Select(p => (StyleOf(p), TextOf(p)))];

    /// <summary>The headings in order: level and text.</summary>
    public IReadOnlyList<(int Level, string Text)> Headings() =>
        [.. Paragraphs().Where(p => p.Style.StartsWith("heading ", StringComparison.Ordinal)).Select(p => (int.Parse(p.Style[^1..], System.Globalization.CultureInfo.InvariantCulture), p.Text))];

    public IReadOnlyList<Table> Tables => [.. Body.Descendants<Table>()];

    public static IReadOnlyList<IReadOnlyList<string>> Rows(Table table) =>
        [.. table.Elements<TableRow>().Select(r => (IReadOnlyList<string>)[.. r.Elements<TableCell>().Select(c => string.Join(" ", c.Elements<Paragraph>().Select(TextOf)))])];

    public string StyleOf(Paragraph paragraph) =>
        paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value is { } id && StyleNames.TryGetValue(id, out var name) ? name : "Normal";

    public static string TextOf(OpenXmlElement element) => string.Concat(element.Descendants<Text>().Select(t => t.Text));

    /// <summary>The text of the paragraphs after the heading <paramref name="heading"/> up to the next heading of the same or a higher level.</summary>
    public IReadOnlyList<string> Under(string heading, int level, int occurrence = 0)
    {
        var paragraphs = Body.Descendants<Paragraph>().ToList();
        var starts = paragraphs.Select((p, i) => (p, i)).Where(x => Level(x.p) == level && TextOf(x.p) == heading).Select(x => x.i).ToList();
        Assert.True(starts.Count > occurrence, $"No heading {level} \"{heading}\" (#{occurrence}). Headings: {string.Join(" | ", Headings().Select(h => $"{h.Level}:{h.Text}"))}");
        var result = new List<string>();
        for (var i = starts[occurrence] + 1; i < paragraphs.Count; i++)
        {
            if (Level(paragraphs[i]) is { } l && l <= level)
            {
                break;
            }

            result.Add(TextOf(paragraphs[i]));
        }

        return result;
    }

    public void Dispose()
    {
        Package.Dispose();
        _bytes.Dispose();
    }

    private int? Level(Paragraph paragraph) => StyleOf(paragraph) is var style && style.StartsWith("heading ", StringComparison.Ordinal)
        ? int.Parse(style[^1..], System.Globalization.CultureInfo.InvariantCulture)
        : null;

    /// <summary>Makes a document with a builder and opens it.</summary>
    public static WordInspection Of(Action<Stream> write)
    {
        using var output = new MemoryStream();
        write(output);
        return new WordInspection(output.ToArray());
    }

    public static DocumentContext Context(IReadOnlyDictionary<Guid, string> names, ReadOnlyMemory<byte>? template = null) =>
        new("Malmö stad", names, Remiss.Domain.Common.TenantCalendar.Stockholm(), TestSupport.A.Now.AddDays(2), template);
}
