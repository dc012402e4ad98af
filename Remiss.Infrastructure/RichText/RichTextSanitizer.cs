namespace Remiss.Infrastructure.RichText;

using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Ganss.Xss;

/// <summary>
/// Formatted text (paragraphs, lists, bold, italic, links) is stored and shown only after this: no scripts,
/// no event handlers, no styles, only http(s) and mailto links. Ganss.Xss HtmlSanitizer does the parsing.
/// </summary>
public sealed partial class RichTextSanitizer
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly string[] AllowedTags = ["p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "a", "h3", "h4", "blockquote"];

    private readonly HtmlSanitizer _sanitizer;

    public RichTextSanitizer()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedTags.Clear();
        foreach (var tag in AllowedTags)
        {
            _sanitizer.AllowedTags.Add(tag);
        }

        _sanitizer.AllowedAttributes.Clear();
        _sanitizer.AllowedAttributes.Add("href");
        _sanitizer.AllowedCssProperties.Clear();
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.Add("http");
        _sanitizer.AllowedSchemes.Add("https");
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.AllowDataAttributes = false;
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        _sanitizer.AllowedAttributes.Add("rel");
    }

    public string Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? string.Empty : _sanitizer.Sanitize(html);

    /// <summary>
    /// What a person typed into a formatted-text field, made safe to store. The editor script sends HTML; without
    /// scripts the field is plain text, where blank lines make paragraphs and lines starting with "- " or "1. "
    /// make lists.
    /// </summary>
    public string FromUserInput(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return string.Empty;
        }

        // Control characters go before parsing, so none survives as a character or as an entity.
        input = Remiss.Domain.Common.Text.WithoutControlCharacters(input)!;
        return Sanitize(LooksLikeHtml().IsMatch(input) ? input : PlainTextToHtml(input));
    }

    /// <summary>
    /// Stored HTML as the text a person edits without scripts: paragraphs, line breaks and lists become plain
    /// text that <see cref="FromUserInput"/> turns back into the same HTML. Formatting plain text cannot carry
    /// (bold, links) keeps the HTML, which the same method accepts.
    /// </summary>
    public static string ToEditableText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + html + "</body>");
        var body = document.Body!;
        if (body.QuerySelectorAll("*").Any(e => e.LocalName is not ("p" or "br" or "ul" or "ol" or "li"))
            || body.ChildNodes.Any(n => n is AngleSharp.Dom.IText text && !string.IsNullOrWhiteSpace(text.Data)))
        {
            return html;
        }

        var blocks = new List<string>();
        foreach (var block in body.Children)
        {
            switch (block.LocalName)
            {
                case "p":
                    blocks.Add(string.Join("\n", block.InnerHtml.Split(["<br>", "<br/>", "<br />"], StringSplitOptions.None).Select(Decode)));
                    break;
                case "ul":
                    blocks.Add(string.Join("\n", block.Children.Select(li => "- " + li.TextContent.Trim())));
                    break;
                case "ol":
                    blocks.Add(string.Join("\n", block.Children.Select((li, i) => $"{i + 1}. {li.TextContent.Trim()}")));
                    break;
                default:
                    return html;
            }
        }

        return string.Join("\n\n", blocks);

        static string Decode(string fragment) => System.Net.WebUtility.HtmlDecode(fragment).Trim();
    }

    private static string PlainTextToHtml(string text)
    {
        var html = new StringBuilder();
        var blocks = Regex.Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), @"\n\s*\n");
        foreach (var block in blocks)
        {
            var lines = block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            if (lines.All(l => BulletLine().IsMatch(l)))
            {
                html.Append("<ul>");
                lines.ForEach(l => html.Append("<li>").Append(Encoder.Encode(BulletLine().Replace(l, string.Empty))).Append("</li>"));
                html.Append("</ul>");
            }
            else if (lines.All(l => NumberedLine().IsMatch(l)))
            {
                html.Append("<ol>");
                lines.ForEach(l => html.Append("<li>").Append(Encoder.Encode(NumberedLine().Replace(l, string.Empty))).Append("</li>"));
                html.Append("</ol>");
            }
            else
            {
                html.Append("<p>").Append(string.Join("<br>", lines.Select(Encoder.Encode))).Append("</p>");
            }
        }

        return html.ToString();
    }

    [GeneratedRegex(@"<\s*/?\s*(p|br|ul|ol|li|strong|b|em|i|a|h3|h4|blockquote|div|span|script|img|svg|iframe|style)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeHtml();

    [GeneratedRegex(@"^[-*•]\s+", RegexOptions.CultureInvariant)]
    private static partial Regex BulletLine();

    [GeneratedRegex(@"^\d+[.)]\s+", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedLine();
}
