namespace Remiss.Infrastructure.RichText;

using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

/// <summary>
/// Words searched for in formatted answers: whether a text holds them, and the text with each hit marked. The marks
/// go around text only, inside the elements the text is in, so the sanitised HTML stays whole: a word is never found
/// in a tag or an attribute ("strong", "href"), and a hit across two elements is not marked.
/// </summary>
public static partial class RichTextHits
{
    public const int MaxWords = 10;

    /// <summary>The words of a search as typed: split on white space, duplicates and blanks dropped, at most <see cref="MaxWords"/>.</summary>
    public static IReadOnlyList<string> Words(string? search) =>
        string.IsNullOrWhiteSpace(search)
            ? []
            : [.. search.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(w => w.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Take(MaxWords)];

    /// <summary>Whether every word occurs in the texts taken together (case-insensitive); the HTML's tags do not count.</summary>
    public static bool HoldsAll(IEnumerable<string?> htmlTexts, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0)
        {
            return true;
        }

        var text = string.Join('\n', (htmlTexts ?? []).Select(PlainText));
        return words.All(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The visible text of a sanitised HTML fragment, entities decoded: inline tags (bold, italic, links) go without a
    /// trace, the others become a space. Without a parser, as a search reads every answer of a question; plain text stays as it is.
    /// </summary>
    public static string PlainText(string? html) =>
        string.IsNullOrEmpty(html) ? string.Empty
        : html.Contains('<', StringComparison.Ordinal) || html.Contains('&', StringComparison.Ordinal)
            ? System.Net.WebUtility.HtmlDecode(OtherTag().Replace(InlineTag().Replace(html, string.Empty), " "))
            : html;

    /// <summary>The sanitised HTML with every occurrence of the words wrapped in <c>&lt;mark&gt;</c>.</summary>
    public static string Mark(string sanitisedHtml, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (string.IsNullOrEmpty(sanitisedHtml) || words.Count == 0)
        {
            return sanitisedHtml;
        }

        var body = Body(sanitisedHtml);
        var document = body.Owner!;
        foreach (var node in body.Descendants<IText>().ToList())
        {
            var ranges = Hits(node.Data, words);
            if (ranges.Count == 0)
            {
                continue;
            }

            var parent = node.Parent!;
            var at = 0;
            foreach (var (start, length) in ranges)
            {
                if (start > at)
                {
                    parent.InsertBefore(document.CreateTextNode(node.Data[at..start]), node);
                }

                var mark = document.CreateElement("mark");
                mark.TextContent = node.Data.Substring(start, length);
                parent.InsertBefore(mark, node);
                at = start + length;
            }

            if (at < node.Data.Length)
            {
                parent.InsertBefore(document.CreateTextNode(node.Data[at..]), node);
            }

            parent.RemoveChild(node);
        }

        return body.InnerHtml;
    }

    /// <summary>Where the words occur in <paramref name="text"/>, overlapping hits joined, in order.</summary>
    private static List<(int Start, int Length)> Hits(string text, IReadOnlyList<string> words)
    {
        var found = new List<(int Start, int End)>();
        foreach (var word in words)
        {
            for (var i = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.OrdinalIgnoreCase))
            {
                found.Add((i, i + word.Length));
            }
        }

        var merged = new List<(int Start, int Length)>();
        var end = -1;
        var start = -1;
        foreach (var (s, e) in found.OrderBy(f => f.Start))
        {
            if (s <= end)
            {
                end = Math.Max(end, e);
                continue;
            }

            if (start >= 0)
            {
                merged.Add((start, end - start));
            }

            (start, end) = (s, e);
        }

        if (start >= 0)
        {
            merged.Add((start, end - start));
        }

        return merged;
    }

    [GeneratedRegex("</?(strong|b|em|i|a)(\\s[^>]*)?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InlineTag();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex OtherTag();

    private static IElement Body(string html) => new HtmlParser().ParseDocument("<body>" + html + "</body>").Body!;
}
