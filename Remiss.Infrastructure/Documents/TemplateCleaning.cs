namespace Remiss.Infrastructure.Documents;

using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Remiss.Domain.Common;

/// <summary>
/// Makes an uploaded Word template safe to copy into every document. The penetration test uploaded a 7.3 MB template
/// whose styles part held 150 MB of real styles (packed about 21:1, so no zip bomb). It was accepted, grew the process
/// by over a gigabyte at upload and at every download, and every document carried it. Now:
/// <list type="bullet">
/// <item>no part may unpack to more than <see cref="MaxPartBytes"/>, read from the zip's own directory before anything is
/// opened, and OpenXml is told the same limit (<see cref="OpenSettings.MaxCharactersInPart"/>);</item>
/// <item>only the styles the documents and the template's own headers and footers use are kept, with the styles they are
/// based on, link to or are followed by;</item>
/// <item>external relationships (an attached template, linked pictures or objects, sub-documents) and the
/// <c>attachedTemplate</c> setting are removed, so no document makes Word fetch anything from anywhere.</item>
/// </list>
/// </summary>
public static class TemplateCleaning
{
    /// <summary>Far above any real template's part (a styles part is some hundred kilobytes, a logo a few megabytes).</summary>
    public const long MaxPartBytes = 8 * 1024 * 1024;

    private const int MaxParts = 500;

    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>The cleaned template's bytes. Throws <see cref="DomainException"/> about <see cref="Field.File"/> for a part too large.</summary>
    public static byte[] Clean(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        EnsurePartsAreSmall(bytes);
        using var copy = new MemoryStream();
        copy.Write(bytes);
        copy.Position = 0;
        using (var package = WordprocessingDocument.Open(copy, true, new OpenSettings { MaxCharactersInPart = MaxPartBytes, AutoSave = true }))
        {
            if (package.MainDocumentPart is { } main)
            {
                RemoveExternalRelationships(main);
                RemoveAttachedTemplate(main);
                PruneStyles(main);
            }
        }

        return copy.ToArray();
    }

    private static void EnsurePartsAreSmall(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxParts || zip.Entries.Any(e => e.Length > MaxPartBytes))
            {
                throw new DomainException(Field.File, RefusalKey.TemplatePartTooLarge, MaxPartBytes / (1024 * 1024));
            }
        }
        catch (InvalidDataException)
        {
            throw new DomainException(Field.File, RefusalKey.TemplateUnreadable);
        }
    }

    /// <summary>Every external relationship of every part, and the elements that point at one.</summary>
    private static void RemoveExternalRelationships(MainDocumentPart main)
    {
        foreach (var part in Parts(main))
        {
            var external = part.ExternalRelationships.ToList();
            if (external.Count == 0)
            {
                continue;
            }

            var ids = external.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var relationship in external)
            {
                part.DeleteExternalRelationship(relationship);
            }

            if (part.RootElement is { } root)
            {
                foreach (var element in root.Descendants().Where(e => e.GetAttributes().Any(a => a.NamespaceUri == RelationshipsNamespace && ids.Contains(a.Value ?? string.Empty))).ToList())
                {
                    element.Remove();
                }

                root.Save();
            }
        }
    }

    private static void RemoveAttachedTemplate(MainDocumentPart main)
    {
        if (main.DocumentSettingsPart?.Settings is { } settings)
        {
            foreach (var attached in settings.Elements<AttachedTemplate>().ToList())
            {
                attached.Remove();
            }

            settings.Save();
        }
    }

    /// <summary>Keeps the styles in use: those the documents ask for by name, those the template's parts name, and what they build on.</summary>
    private static void PruneStyles(MainDocumentPart main)
    {
        if (main.StyleDefinitionsPart?.Styles is not { } styles)
        {
            return;
        }

        var all = styles.Elements<Style>().Where(s => s.StyleId?.Value is not null).ToList();
        var byId = all.GroupBy(s => s.StyleId!.Value!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var keep = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        foreach (var style in all.Where(s => s.Default?.Value == true || (s.StyleName?.Val?.Value is { } name && WordStyles.Names.Contains(name))))
        {
            pending.Push(style.StyleId!.Value!);
        }

        // The body is dropped from every document; its headers, footers, numbering and notes stay, with the styles they name.
        foreach (var part in Parts(main).Where(p => p is not MainDocumentPart and not StyleDefinitionsPart))
        {
            foreach (var id in NamedStyles(part.RootElement))
            {
                pending.Push(id);
            }
        }

        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (!keep.Add(id) || !byId.TryGetValue(id, out var style))
            {
                continue;
            }

            foreach (var next in new[] { style.BasedOn?.Val?.Value, style.LinkedStyle?.Val?.Value, style.NextParagraphStyle?.Val?.Value })
            {
                if (next is not null)
                {
                    pending.Push(next);
                }
            }
        }

        foreach (var style in all.Where(s => !keep.Contains(s.StyleId!.Value!)))
        {
            style.Remove();
        }

        styles.Save();
    }

    private static IEnumerable<string> NamedStyles(OpenXmlPartRootElement? root) =>
        root is null
            ? []
            : root.Descendants<ParagraphStyleId>().Select(s => s.Val?.Value)
                .Concat(root.Descendants<RunStyle>().Select(s => s.Val?.Value))
                .Concat(root.Descendants<TableStyle>().Select(s => s.Val?.Value))
                .Concat(root.Descendants<NumberingStyleLink>().Select(s => s.Val?.Value))
                .Concat(root.Descendants<StyleLink>().Select(s => s.Val?.Value))
                .OfType<string>();

    private static IEnumerable<OpenXmlPart> Parts(MainDocumentPart main)
    {
        var seen = new HashSet<OpenXmlPart>();
        var pending = new Stack<OpenXmlPart>([main]);
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (!seen.Add(part))
            {
                continue;
            }

            yield return part;
            foreach (var child in part.Parts)
            {
                pending.Push(child.OpenXmlPart);
            }
        }
    }
}
