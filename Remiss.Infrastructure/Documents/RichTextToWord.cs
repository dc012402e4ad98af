namespace Remiss.Infrastructure.Documents;

using System.Net;
using System.Text;

/// <summary>
/// Formatted text as Word has it: paragraphs, bullet and numbered lists (real Word numbering, nested), bold,
/// italic, line breaks and links (hyperlink relationships). The input is what <c>RichTextSanitizer</c> stored,
/// so a small scanner suffices and stays fast over thousands of answers: the tags above are understood, any
/// other tag is dropped with its text kept, and every piece of text becomes plain <c>w:t</c> content.
/// </summary>
internal sealed class RichTextToWord
{
    private readonly WordDocumentWriter _writer;
    private readonly List<WordSegment> _content = [];
    private readonly Stack<int?> _lists = new();
    private readonly StringBuilder _text = new();
    private string? _link;
    private int _bold;
    private int _italic;
    private int _quote;
    private ParagraphKind _kind = ParagraphKind.Plain;
    private int? _itemNumbering;
    private int _itemLevel;

    private RichTextToWord(WordDocumentWriter writer) => _writer = writer;

    private enum ParagraphKind
    {
        Plain,
        ListItem,
        ListContinuation,
    }

    public static void Write(WordDocumentWriter writer, string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return;
        }

        var converter = new RichTextToWord(writer);
        converter.Scan(html);
        converter.EndParagraph();
    }

    private void Scan(string html)
    {
        var at = 0;
        while (at < html.Length)
        {
            var open = html.IndexOf('<', at);
            if (open < 0)
            {
                AddText(html.AsSpan(at));
                break;
            }

            AddText(html.AsSpan(at, open - at));
            var close = html.IndexOf('>', open + 1);
            if (close < 0 || !TryReadTag(html.AsSpan(open + 1, close - open - 1), out var name, out var closing, out var href))
            {
                // A "<" that opens no tag is text.
                AddText(html.AsSpan(open, 1));
                at = open + 1;
                continue;
            }

            Tag(name, closing, href);
            at = close + 1;
        }
    }

    private static bool TryReadTag(ReadOnlySpan<char> tag, out string name, out bool closing, out string? href)
    {
        name = string.Empty;
        href = null;
        closing = tag.Length > 0 && tag[0] == '/';
        var rest = closing ? tag[1..] : tag;
        var end = 0;
        while (end < rest.Length && char.IsAsciiLetterOrDigit(rest[end]))
        {
            end++;
        }

        if (end == 0 || !char.IsAsciiLetter(rest[0]))
        {
            // Comments, declarations and "< 5" are not tags we know; a comment is dropped whole.
            return tag.StartsWith("!") || tag.StartsWith("?");
        }

        name = rest[..end].ToString().ToLowerInvariant();
        if (!closing && name == "a")
        {
            href = Attribute(rest[end..], "href");
        }

        return true;
    }

    private static string? Attribute(ReadOnlySpan<char> attributes, string name)
    {
        var text = attributes.ToString();
        var at = text.IndexOf(name + "=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var start = at + name.Length + 1;
        if (start >= text.Length)
        {
            return null;
        }

        var quote = text[start];
        if (quote is '"' or '\'')
        {
            var end = text.IndexOf(quote, start + 1);
            return end < 0 ? null : text[(start + 1)..end];
        }

        var stop = text.IndexOfAny([' ', '/'], start);
        return stop < 0 ? text[start..] : text[start..stop];
    }

    private void Tag(string name, bool closing, string? href)
    {
        switch (name)
        {
            case "p" or "div" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                if (!closing && _kind == ParagraphKind.ListItem && !HasContent())
                {
                    // <li><p>…</p></li>: the paragraph is the list item itself.
                    break;
                }

                EndParagraph();
                if (name[0] == 'h')
                {
                    _bold += closing ? -1 : 1;
                    _bold = Math.Max(0, _bold);
                }

                break;
            case "blockquote":
                EndParagraph();
                _quote = Math.Max(0, _quote + (closing ? -1 : 1));
                break;
            case "br":
                FlushText();
                _content.Add(new WordSegment(string.Empty, LinkId: _link, IsBreak: true));
                break;
            case "ul" or "ol":
                EndParagraph();
                if (closing)
                {
                    _ = _lists.TryPop(out _);

                    // Text after a nested list belongs to the item around it.
                    _kind = _lists.Count > 0 ? ParagraphKind.ListContinuation : ParagraphKind.Plain;
                    _itemLevel = Math.Max(0, _lists.Count - 1);
                }
                else
                {
                    _lists.Push(name == "ol" ? _writer.NumberedList(_lists.Count) : null);
                }

                break;
            case "li":
                EndParagraph();
                _kind = ParagraphKind.Plain;
                if (!closing)
                {
                    _kind = ParagraphKind.ListItem;
                    _itemLevel = Math.Min(8, Math.Max(0, _lists.Count - 1));
                    _itemNumbering = _lists.Count > 0 && _lists.Peek() is { } numbered ? numbered : _writer.BulletList();
                }

                break;
            case "strong" or "b":
                FlushText();
                _bold = Math.Max(0, _bold + (closing ? -1 : 1));
                break;
            case "em" or "i":
                FlushText();
                _italic = Math.Max(0, _italic + (closing ? -1 : 1));
                break;
            case "a":
                FlushText();
                _link = closing ? null : _writer.HyperlinkId(href);
                break;
            default:
                // Any other tag (there should be none after sanitising) is dropped; its text stays, as text.
                break;
        }
    }

    private void AddText(ReadOnlySpan<char> raw)
    {
        if (raw.IsEmpty)
        {
            return;
        }

        var decoded = raw.Contains('&') ? WebUtility.HtmlDecode(raw.ToString()) : raw.ToString();
        foreach (var c in decoded)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0')
            {
                // HTML white space: any run is one space, none at the start of a paragraph.
                if ((_text.Length > 0 && _text[^1] != ' ') || (_text.Length == 0 && HasContent() && !EndsWithBreak()))
                {
                    _text.Append(' ');
                }
            }
            else
            {
                _text.Append(c);
            }
        }
    }

    private void FlushText()
    {
        if (_text.Length == 0)
        {
            return;
        }

        _content.Add(new WordSegment(_text.ToString(), _bold > 0, _italic > 0, _link));
        _text.Clear();
    }

    private bool HasContent() => _content.Count > 0 || _text.Length > 0;

    private bool EndsWithBreak() => _content.Count > 0 && _content[^1].IsBreak;

    private void EndParagraph()
    {
        FlushText();
        if (_content.Count > 0)
        {
            // Trailing white space before a closing tag is not part of the text.
            if (_content[^1] is { IsBreak: false } last && last.Text.EndsWith(' '))
            {
                _content[^1] = last with { Text = last.Text.TrimEnd(' ') };
            }

            switch (_kind)
            {
                case ParagraphKind.ListItem:
                    _writer.WriteParagraph(_writer.Styles.ListParagraph, _content, numbering: (_itemNumbering ?? _writer.BulletList(), _itemLevel));
                    break;
                case ParagraphKind.ListContinuation:
                    _writer.WriteParagraph(_writer.Styles.ListParagraph, _content, indentation: (720 + (360 * _itemLevel), 0));
                    break;
                default:
                    _writer.WriteParagraph(null, _content, indentation: _quote > 0 ? (567, 567) : null);
                    break;
            }

            _content.Clear();

            // More text in the same list item (after a <p> or a nested list) continues without a new number.
            if (_kind == ParagraphKind.ListItem)
            {
                _kind = ParagraphKind.ListContinuation;
            }
        }
    }
}
