namespace Remiss.Infrastructure.Documents;

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

/// <summary>
/// The style ids a document uses. A tenant's template keeps its own styles: a style is found by its built-in
/// name ("heading 1" is "Rubrik1" in a Swedish Word), and only the styles a template lacks are added, from the
/// clean default below. Headings carry an outline level, so Word's navigation pane and a table of contents work.
/// </summary>
internal sealed class WordStyles
{
    private WordStyles(IReadOnlyDictionary<string, string> ids) => _ids = ids;

    private readonly IReadOnlyDictionary<string, string> _ids;

    public string Normal => _ids["Normal"];

    public string Title => _ids["Title"];

    public string Subtitle => _ids["Subtitle"];

    public string ListParagraph => _ids["List Paragraph"];

    public string TableGrid => _ids["Table Grid"];

    public string Hyperlink => _ids["Hyperlink"];

    public string Footer => _ids["footer"];

    public string Heading(int level) => _ids[$"heading {Math.Clamp(level, 1, 3)}"];

    /// <summary>Finds or adds every style the documents use in the package's styles part.</summary>
    public static WordStyles Ensure(MainDocumentPart mainPart)
    {
        var part = mainPart.StyleDefinitionsPart ?? mainPart.AddNewPart<StyleDefinitionsPart>();
        part.Styles ??= new Styles();
        var styles = part.Styles;
        if (styles.DocDefaults is null)
        {
            styles.PrependChild(DocDefaults());
        }

        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var usedIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var style in styles.Elements<Style>())
        {
            if (style.StyleId?.Value is not { } id)
            {
                continue;
            }

            usedIds.Add(id);
            if (style.StyleName?.Val?.Value is { } name && !byName.ContainsKey(name))
            {
                byName[name] = id;
            }
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, make) in Defaults)
        {
            if (byName.TryGetValue(name, out var existing))
            {
                ids[name] = existing;
                continue;
            }

            var style = make();
            var id = style.StyleId!.Value!;
            while (usedIds.Contains(id))
            {
                id += "R";
            }

            style.StyleId = id;
            usedIds.Add(id);
            styles.Append(style);
            ids[name] = id;
        }

        // Styles based on Normal point at its id, which a template may spell differently.
        foreach (var style in styles.Elements<Style>())
        {
            if (style.BasedOn?.Val?.Value == "Normal" && ids["Normal"] != "Normal")
            {
                style.BasedOn.Val = ids["Normal"];
            }
        }

        part.Styles.Save();
        return new WordStyles(ids);
    }

    private static readonly (string Name, Func<Style> Make)[] Defaults =
    [
        ("Normal", () => ParagraphStyle("Normal", "Normal", basedOnNormal: false, isDefault: true)),
        ("Title", () => ParagraphStyle("Title", "Title", size: 48, bold: true, spacingBefore: 360, spacingAfter: 240)),
        ("Subtitle", () => ParagraphStyle("Subtitle", "Subtitle", size: 30, colour: "404040", spacingAfter: 240)),
        ("heading 1", () => ParagraphStyle("Heading1", "heading 1", size: 32, bold: true, outlineLevel: 0, spacingBefore: 360)),
        ("heading 2", () => ParagraphStyle("Heading2", "heading 2", size: 27, bold: true, outlineLevel: 1, spacingBefore: 240)),
        ("heading 3", () => ParagraphStyle("Heading3", "heading 3", size: 23, bold: true, outlineLevel: 2, spacingBefore: 200)),
        ("List Paragraph", ListParagraphStyle),
        ("footer", () => ParagraphStyle("Footer", "footer", size: 18)),
        ("Hyperlink", HyperlinkStyle),
        ("Table Grid", TableGridStyle),
    ];

    /// <summary>The names of the styles the documents use: a template keeps its own styles of these names (after Defaults: statics start in order).</summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(Defaults.Select(d => d.Name), StringComparer.OrdinalIgnoreCase);

    private static DocDefaults DocDefaults() => new(
        new RunPropertiesDefault(new RunPropertiesBaseStyle
        {
            RunFonts = new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
            FontSize = new FontSize { Val = "22" },
            FontSizeComplexScript = new FontSizeComplexScript { Val = "22" },
            Languages = new Languages { Val = "sv-SE" },
        }),
        new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
        {
            SpacingBetweenLines = new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto },
        }));

    private static Style ParagraphStyle(
        string id, string name, int? size = null, bool bold = false, string? colour = null, int? outlineLevel = null,
        int? spacingBefore = null, int? spacingAfter = null, bool basedOnNormal = true, bool isDefault = false)
    {
        var style = new Style
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
            Default = isDefault ? OnOffValue.FromBoolean(true) : null,
            StyleName = new StyleName { Val = name },
            BasedOn = basedOnNormal ? new BasedOn { Val = "Normal" } : null,
            NextParagraphStyle = basedOnNormal ? new NextParagraphStyle { Val = "Normal" } : null,
            UIPriority = outlineLevel is not null ? new UIPriority { Val = 9 } : null,
            PrimaryStyle = new PrimaryStyle(),
        };
        var paragraph = new StyleParagraphProperties();
        if (outlineLevel is not null)
        {
            paragraph.KeepNext = new KeepNext();
            paragraph.KeepLines = new KeepLines();
        }

        if (spacingBefore is not null || spacingAfter is not null)
        {
            paragraph.SpacingBetweenLines = new SpacingBetweenLines { After = (spacingAfter ?? 120).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (spacingBefore is { } before)
            {
                paragraph.SpacingBetweenLines.Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (outlineLevel is { } level)
        {
            paragraph.OutlineLevel = new OutlineLevel { Val = level };
        }

        if (paragraph.HasChildren)
        {
            style.StyleParagraphProperties = paragraph;
        }

        var run = new StyleRunProperties();
        if (bold)
        {
            run.Bold = new Bold();
            run.BoldComplexScript = new BoldComplexScript();
        }

        if (colour is not null)
        {
            run.Color = new Color { Val = colour };
        }

        if (size is { } halfPoints)
        {
            var value = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture);
            run.FontSize = new FontSize { Val = value };
            run.FontSizeComplexScript = new FontSizeComplexScript { Val = value };
        }

        if (run.HasChildren)
        {
            style.StyleRunProperties = run;
        }

        return style;
    }

    private static Style ListParagraphStyle()
    {
        var style = ParagraphStyle("ListParagraph", "List Paragraph");
        style.StyleParagraphProperties = new StyleParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines { After = "60" },
            Indentation = new Indentation { Left = "720" },
        };
        return style;
    }

    private static Style HyperlinkStyle() => new()
    {
        Type = StyleValues.Character,
        StyleId = "Hyperlink",
        StyleName = new StyleName { Val = "Hyperlink" },
        UIPriority = new UIPriority { Val = 99 },
        UnhideWhenUsed = new UnhideWhenUsed(),
        StyleRunProperties = new StyleRunProperties
        {
            Color = new Color { Val = "0563C1" },
            Underline = new Underline { Val = UnderlineValues.Single },
        },
    };

    private static Style TableGridStyle()
    {
        static BorderType Line<T>()
            where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4, Space = 0, Color = "808080" };

        return new Style
        {
            Type = StyleValues.Table,
            StyleId = "TableGrid",
            StyleName = new StyleName { Val = "Table Grid" },
            UIPriority = new UIPriority { Val = 39 },
            StyleParagraphProperties = new StyleParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { Before = "40", After = "40" } },
            StyleTableProperties = new StyleTableProperties
            {
                TableBorders = new TableBorders
                {
                    TopBorder = (TopBorder)Line<TopBorder>(),
                    LeftBorder = (LeftBorder)Line<LeftBorder>(),
                    BottomBorder = (BottomBorder)Line<BottomBorder>(),
                    RightBorder = (RightBorder)Line<RightBorder>(),
                    InsideHorizontalBorder = (InsideHorizontalBorder)Line<InsideHorizontalBorder>(),
                    InsideVerticalBorder = (InsideVerticalBorder)Line<InsideVerticalBorder>(),
                },
                TableCellMarginDefault = new TableCellMarginDefault
                {
                    TableCellLeftMargin = new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    TableCellRightMargin = new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa },
                },
            },
        };
    }
}
