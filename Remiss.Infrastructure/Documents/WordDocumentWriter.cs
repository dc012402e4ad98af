namespace Remiss.Infrastructure.Documents;

using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

/// <summary>Title, subject and the rest of a document's core properties, as Word's "Egenskaper" shows them.</summary>
internal sealed record WordProperties(string Title, string? Subject, string? Creator, string? Status, DateTime CreatedUtc, string? Keywords = null);

/// <summary>A piece of a paragraph: text (bold, italic, in a link, in a size of its own in half-points) or a line break.</summary>
internal readonly record struct WordSegment(string Text, bool Bold = false, bool Italic = false, string? LinkId = null, bool IsBreak = false, int? HalfPoints = null);

/// <summary>
/// Writes one .docx from top to bottom. The body part is streamed with an <see cref="XmlWriter"/>, one paragraph
/// or table row at a time, so a sammanställning of hundreds of yttranden never sits in memory as a DOM and its
/// thousands of runs cost no SDK objects; the package, styles, numbering and footer are the SDK's. The
/// package starts as the tenant's template (its styles, header, footer, logo and page set-up; its body text is
/// dropped) or as a clean A4 default; a footer with the page number is added where the template has none.
/// Every text goes through <see cref="WordText.Clean"/> into <c>w:t</c>: user text can never become a field.
/// </summary>
internal sealed class WordDocumentWriter : IDisposable
{
    /// <summary>The width of the text on an A4 page with 2.5 cm margins, in twentieths of a point.</summary>
    private const int TextWidth = 9072;

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly WordprocessingDocument _package;
    private readonly MainDocumentPart _main;
    private readonly Stream _body;
    private readonly XmlWriter _xml;
    private readonly SectionProperties _section;
    private readonly Dictionary<string, string> _hyperlinks = new(StringComparer.Ordinal);
    private readonly List<(int NumberId, int Level)> _orderedLists = [];
    private readonly int _firstAbstractNumberId;
    private readonly int _firstNumberId;
    private int? _bulletNumberId;
    private int _nextNumberId;
    private bool _finished;

    private WordDocumentWriter(WordprocessingDocument package, SectionProperties? templateSection, string? footerText)
    {
        _package = package;
        _main = package.MainDocumentPart ?? package.AddMainDocumentPart();
        _section = templateSection ?? DefaultSection();
        Styles = WordStyles.Ensure(_main);
        (_firstAbstractNumberId, _firstNumberId) = FreeNumberingIds(_main);
        _nextNumberId = _firstNumberId;
        EnsureFooter(footerText);

        _body = _main.GetStream(FileMode.Create, FileAccess.Write);
        _xml = XmlWriter.Create(_body, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
        _xml.WriteStartDocument(true);
        _xml.WriteStartElement("w", "document", WordNamespace);
        _xml.WriteAttributeString("xmlns", "r", null, RelationshipNamespace);
        _xml.WriteStartElement("w", "body", WordNamespace);
    }

    public WordStyles Styles { get; }

    /// <summary>
    /// Starts a document on <paramref name="output"/> (readable, writable and seekable), from the template's
    /// bytes or, when there are none, from the clean default.
    /// </summary>
    public static WordDocumentWriter Create(Stream output, ReadOnlyMemory<byte>? template, string? footerText = null)
    {
        if (template is not { } bytes)
        {
            return new WordDocumentWriter(WordprocessingDocument.Create(output, WordprocessingDocumentType.Document), null, footerText);
        }

        output.Write(bytes.Span);
        output.Position = 0;
        var package = WordprocessingDocument.Open(output, true, new OpenSettings { AutoSave = true });
        try
        {
            if (package.DocumentType != WordprocessingDocumentType.Document)
            {
                package.ChangeDocumentType(WordprocessingDocumentType.Document);
            }

            var main = package.MainDocumentPart ?? throw new InvalidDataException("The template has no main document part.");
            return new WordDocumentWriter(package, LastSection(main), footerText);
        }
        catch
        {
            package.Dispose();
            throw;
        }
    }

    // ---- Blocks --------------------------------------------------------------------------------------------

    public void Heading(int level, string text) => WriteParagraph(Styles.Heading(level), [new WordSegment(text)]);

    public void Paragraph(string? text, string? style = null, bool bold = false, bool italic = false) =>
        WriteParagraph(style, [new WordSegment(text ?? string.Empty, bold, italic)]);

    /// <summary>"Label: value", the label in bold.</summary>
    public void Labelled(string label, string? value) =>
        WriteParagraph(null, [new WordSegment(label + ": ", Bold: true), new WordSegment(value ?? string.Empty)]);

    /// <summary>Formatted text (sanitised HTML) as Word paragraphs, lists, bold, italic and links.</summary>
    public void RichText(string? html) => RichTextToWord.Write(this, html);

    public void PageBreak()
    {
        W("p");
        W("r");
        W("br");
        A("type", "page");
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }

    /// <summary>
    /// A table with a header row that repeats on every page; <paramref name="widths"/> are shares of the text width in
    /// percent; <paramref name="halfPoints"/>, when given, is the size of its text (a table of many columns needs a
    /// smaller one so that its words are not broken).
    /// </summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<int> widths, int? halfPoints = null)
    {
        var twips = widths.Select(w => (TextWidth * w / 100).ToString(CultureInfo.InvariantCulture)).ToList();
        W("tbl");
        W("tblPr");
        Empty("tblStyle", "val", Styles.TableGrid);
        W("tblW");
        A("w", "5000");
        A("type", "pct");
        _xml.WriteEndElement();
        Empty("tblLook", "val", "04A0");
        _xml.WriteEndElement();
        W("tblGrid");
        foreach (var width in twips)
        {
            Empty("gridCol", "w", width);
        }

        _xml.WriteEndElement();
        Row(headers, twips, header: true, halfPoints);
        foreach (var row in rows)
        {
            Row(row, twips, header: false, halfPoints);
        }

        _xml.WriteEndElement();

        // Two tables in a row would merge into one; a paragraph between them also gives air.
        W("p");
        _xml.WriteEndElement();
    }

    /// <summary>
    /// One paragraph: its style, its place in a list (numbering id and level), its indent, then its pieces;
    /// consecutive pieces of the same link share one <c>w:hyperlink</c>.
    /// </summary>
    internal void WriteParagraph(string? style, IReadOnlyList<WordSegment> segments, (int Id, int Level)? numbering = null, (int Left, int Right)? indentation = null)
    {
        W("p");
        if (style is not null || numbering is not null || indentation is not null)
        {
            // pStyle, numPr, ind: the schema's order.
            W("pPr");
            if (style is not null)
            {
                Empty("pStyle", "val", style);
            }

            if (numbering is { } list)
            {
                W("numPr");
                Empty("ilvl", "val", list.Level.ToString(CultureInfo.InvariantCulture));
                Empty("numId", "val", list.Id.ToString(CultureInfo.InvariantCulture));
                _xml.WriteEndElement();
            }

            if (indentation is { } indent)
            {
                W("ind");
                A("left", indent.Left.ToString(CultureInfo.InvariantCulture));
                if (indent.Right > 0)
                {
                    A("right", indent.Right.ToString(CultureInfo.InvariantCulture));
                }

                _xml.WriteEndElement();
            }

            _xml.WriteEndElement();
        }

        string? openLink = null;
        foreach (var segment in segments)
        {
            if (segment.LinkId != openLink)
            {
                if (openLink is not null)
                {
                    _xml.WriteEndElement();
                }

                if (segment.LinkId is not null)
                {
                    W("hyperlink");
                    _xml.WriteAttributeString("r", "id", RelationshipNamespace, segment.LinkId);
                    A("history", "1");
                }

                openLink = segment.LinkId;
            }

            Run(segment);
        }

        if (openLink is not null)
        {
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
    }

    private void Run(WordSegment segment)
    {
        W("r");
        if (segment.Bold || segment.Italic || segment.LinkId is not null || segment.HalfPoints is not null)
        {
            // rStyle, b, i, sz, szCs: the schema's order.
            W("rPr");
            if (segment.LinkId is not null)
            {
                Empty("rStyle", "val", Styles.Hyperlink);
            }

            if (segment.Bold)
            {
                W("b");
                _xml.WriteEndElement();
            }

            if (segment.Italic)
            {
                W("i");
                _xml.WriteEndElement();
            }

            if (segment.HalfPoints is { } size)
            {
                var value = size.ToString(CultureInfo.InvariantCulture);
                Empty("sz", "val", value);
                Empty("szCs", "val", value);
            }

            _xml.WriteEndElement();
        }

        if (segment.IsBreak)
        {
            W("br");
            _xml.WriteEndElement();
        }
        else
        {
            var text = WordText.Clean(segment.Text);
            W("t");
            if (text.Length > 0 && (text[0] == ' ' || text[^1] == ' ' || text.Contains("  ", StringComparison.Ordinal)))
            {
                // Word drops leading, trailing and doubled spaces unless told to keep them.
                _xml.WriteAttributeString("xml", "space", null, "preserve");
            }

            _xml.WriteString(text);
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
    }

    private void W(string name) => _xml.WriteStartElement("w", name, WordNamespace);

    private void A(string name, string value) => _xml.WriteAttributeString("w", name, WordNamespace, value);

    private void Empty(string name, string attribute, string value)
    {
        W(name);
        A(attribute, value);
        _xml.WriteEndElement();
    }

    // ---- Links and lists -----------------------------------------------------------------------------------

    /// <summary>The relationship id of an external link; only http, https and mailto addresses become links.</summary>
    internal string? HyperlinkId(string? href)
    {
        var address = WordText.Clean(System.Net.WebUtility.HtmlDecode(href ?? string.Empty)).Trim();
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "mailto"))
        {
            return null;
        }

        if (!_hyperlinks.TryGetValue(uri.AbsoluteUri, out var id))
        {
            id = _main.AddHyperlinkRelationship(uri, true).Id;
            _hyperlinks[uri.AbsoluteUri] = id;
        }

        return id;
    }

    /// <summary>The numbering every bullet list shares (the level gives the indent).</summary>
    internal int BulletList() => _bulletNumberId ??= _nextNumberId++;

    /// <summary>A numbering of its own for one numbered list, so it starts at 1.</summary>
    internal int NumberedList(int level)
    {
        var id = _nextNumberId++;
        _orderedLists.Add((id, level));
        return id;
    }

    // ---- The end -------------------------------------------------------------------------------------------

    public void Finish(WordProperties properties)
    {
        _section.WriteTo(_xml);
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Dispose();
        _body.Dispose();
        WriteNumbering();

        var core = _package.PackageProperties;
        core.Title = WordText.Clean(properties.Title);
        core.Subject = properties.Subject is null ? null : WordText.Clean(properties.Subject);
        core.Creator = properties.Creator is null ? null : WordText.Clean(properties.Creator);
        core.LastModifiedBy = core.Creator;
        core.ContentStatus = properties.Status;
        core.Keywords = properties.Keywords is null ? null : WordText.Clean(properties.Keywords);
        core.Created = properties.CreatedUtc;
        core.Modified = properties.CreatedUtc;
        core.Description = null;
        _package.Dispose();
        _finished = true;
    }

    public void Dispose()
    {
        if (!_finished)
        {
            _xml.Dispose();
            _body.Dispose();
            _package.Dispose();
            _finished = true;
        }
    }

    private void Row(IReadOnlyList<string> cells, List<string> twips, bool header, int? halfPoints)
    {
        W("tr");
        if (header)
        {
            W("trPr");
            W("cantSplit");
            _xml.WriteEndElement();
            W("tblHeader");
            _xml.WriteEndElement();
            _xml.WriteEndElement();
        }

        for (var i = 0; i < twips.Count; i++)
        {
            W("tc");
            W("tcPr");
            W("tcW");
            A("w", twips[i]);
            A("type", "dxa");
            _xml.WriteEndElement();
            if (header)
            {
                W("shd");
                A("val", "clear");
                A("color", "auto");
                A("fill", "D9E2F3");
                _xml.WriteEndElement();
            }

            _xml.WriteEndElement();
            WriteParagraph(null, CellSegments(i < cells.Count ? cells[i] : string.Empty, header, halfPoints));
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
    }

    /// <summary>A cell's text as one piece, or, where it has lines (a bemötande of several paragraphs), its lines with breaks between.</summary>
    private static List<WordSegment> CellSegments(string text, bool bold, int? halfPoints)
    {
        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            return [new WordSegment(text, Bold: bold, HalfPoints: halfPoints)];
        }

        var segments = new List<WordSegment>();
        foreach (var line in text.Split('\n'))
        {
            if (segments.Count > 0)
            {
                segments.Add(new WordSegment(string.Empty, IsBreak: true, HalfPoints: halfPoints));
            }

            segments.Add(new WordSegment(line.TrimEnd('\r'), Bold: bold, HalfPoints: halfPoints));
        }

        return segments;
    }

    private void EnsureFooter(string? footerText)
    {
        if (_section.Elements<FooterReference>().Any(f => f.Type is null || f.Type.Value == HeaderFooterValues.Default))
        {
            return;
        }

        // Built here, never from user text: the only field in a document is this page number.
        var footer = _main.AddNewPart<FooterPart>();
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = Styles.Footer }, new Justification { Val = JustificationValues.Center }));
        var words = string.IsNullOrWhiteSpace(footerText) ? "Sida " : WordText.Clean(footerText) + " · Sida ";
        paragraph.AppendChild(new Run(new Text(words) { Space = SpaceProcessingModeValues.Preserve }));
        paragraph.AppendChild(new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " });
        footer.Footer = new Footer(paragraph);
        footer.Footer.Save();
        _section.PrependChild(new FooterReference { Type = HeaderFooterValues.Default, Id = _main.GetIdOfPart(footer) });
    }

    private void WriteNumbering()
    {
        if (_bulletNumberId is null && _orderedLists.Count == 0)
        {
            return;
        }

        var part = _main.NumberingDefinitionsPart ?? _main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering ??= new Numbering();
        var numbering = part.Numbering;
        var bulletAbstract = _firstAbstractNumberId;
        var numberedAbstract = _firstAbstractNumberId + 1;

        // abstractNum elements come before num elements.
        var lastAbstract = numbering.Elements<AbstractNum>().LastOrDefault();
        var abstracts = new[] { AbstractList(bulletAbstract, bullets: true), AbstractList(numberedAbstract, bullets: false) };
        if (lastAbstract is not null)
        {
            lastAbstract.InsertAfterSelf(abstracts[1]);
            lastAbstract.InsertAfterSelf(abstracts[0]);
        }
        else if (numbering.GetFirstChild<NumberingInstance>() is { } firstInstance)
        {
            firstInstance.InsertBeforeSelf(abstracts[0]);
            firstInstance.InsertBeforeSelf(abstracts[1]);
        }
        else
        {
            numbering.Append(abstracts);
        }

        var instances = new List<NumberingInstance>();
        if (_bulletNumberId is { } bullet)
        {
            instances.Add(new NumberingInstance(new AbstractNumId { Val = bulletAbstract }) { NumberID = bullet });
        }

        instances.AddRange(_orderedLists.Select(list => new NumberingInstance(
            new AbstractNumId { Val = numberedAbstract },
            new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = list.Level })
        {
            NumberID = list.NumberId,
        }));

        if (numbering.Elements<NumberingInstance>().LastOrDefault() is { } lastInstance)
        {
            foreach (var instance in Enumerable.Reverse(instances))
            {
                lastInstance.InsertAfterSelf(instance);
            }
        }
        else if (numbering.GetFirstChild<NumberingIdMacAtCleanup>() is { } cleanup)
        {
            foreach (var instance in instances)
            {
                cleanup.InsertBeforeSelf(instance);
            }
        }
        else
        {
            numbering.Append(instances);
        }

        numbering.Save();
    }

    private static AbstractNum AbstractList(int id, bool bullets)
    {
        var list = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
        for (var level = 0; level < 9; level++)
        {
            list.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = bullets ? NumberFormatValues.Bullet : (level % 3) switch { 0 => NumberFormatValues.Decimal, 1 => NumberFormatValues.LowerLetter, _ => NumberFormatValues.LowerRoman } },
                new LevelText { Val = bullets ? (level % 2 == 0 ? "\u2022" : "\u2013") : $"%{level + 1}." },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation
                {
                    Left = (720 + (360 * level)).ToString(CultureInfo.InvariantCulture),
                    Hanging = "360",
                }))
            {
                LevelIndex = level,
            });
        }

        return list;
    }

    /// <summary>Numbering ids above those a template already uses.</summary>
    private static (int AbstractNumberId, int NumberId) FreeNumberingIds(MainDocumentPart main)
    {
        if (main.NumberingDefinitionsPart?.Numbering is not { } numbering)
        {
            return (1, 1);
        }

        var abstractId = numbering.Elements<AbstractNum>().Select(a => a.AbstractNumberId?.Value ?? 0).DefaultIfEmpty(0).Max();
        var numberId = numbering.Elements<NumberingInstance>().Select(n => n.NumberID?.Value ?? 0).DefaultIfEmpty(0).Max();
        return (abstractId + 1, numberId + 1);
    }

    /// <summary>The template's page set-up and header/footer references: the body's last sectPr, read without loading the body.</summary>
    private static SectionProperties? LastSection(MainDocumentPart main)
    {
        SectionProperties? last = null;
        using var reader = OpenXmlReader.Create(main);
        while (reader.Read())
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SectionProperties))
            {
                last = (SectionProperties)reader.LoadCurrentElement()!;
            }
        }

        // Settings that only make sense with the template's own body (its columns, line numbers) stay; a
        // different first page keeps the template's first-page header.
        return last;
    }

    private static SectionProperties DefaultSection() => new(
        new PageSize { Width = 11906, Height = 16838 },
        new PageMargin { Top = 1417, Right = 1417, Bottom = 1417, Left = 1417, Header = 709, Footer = 709, Gutter = 0 });
}
