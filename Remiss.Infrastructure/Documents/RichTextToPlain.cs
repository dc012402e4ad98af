namespace Remiss.Infrastructure.Documents;

using System.Net;
using System.Text;

/// <summary>
/// Formatted text as one spreadsheet cell holds it: plain text where every paragraph, list item, heading and
/// <c>&lt;br&gt;</c> starts a new line, list items begin with "- " or their number, and entities are decoded.
/// The input is what <c>RichTextSanitizer</c> stored, so, as in <see cref="RichTextToWord"/>, a small scanner
/// suffices; it runs over every answer of a remiss (millions of characters), so it reuses one buffer.
/// </summary>
public sealed class RichTextToPlain
{
    private readonly StringBuilder _text = new(4_096);
    private readonly Stack<int> _lists = new();
    private bool _space;

    /// <summary>The plain text of <paramref name="html"/>; empty for nothing or blank markup.</summary>
    public string Convert(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        _text.Clear();
        _lists.Clear();
        _space = false;
        var at = 0;
        while (at < html.Length)
        {
            var open = html.IndexOf('<', at);
            if (open < 0)
            {
                Add(html.AsSpan(at));
                break;
            }

            Add(html.AsSpan(at, open - at));
            var close = html.IndexOf('>', open + 1);
            if (close < 0 || !Tag(html.AsSpan(open + 1, close - open - 1)))
            {
                // A "<" that opens no tag is text.
                Add(html.AsSpan(open, 1));
                at = open + 1;
                continue;
            }

            at = close + 1;
        }

        var end = _text.Length;
        while (end > 0 && _text[end - 1] is '\n' or ' ')
        {
            end--;
        }

        return _text.ToString(0, end);
    }

    private bool Tag(ReadOnlySpan<char> tag)
    {
        var closing = tag.Length > 0 && tag[0] == '/';
        var rest = closing ? tag[1..] : tag;
        var end = 0;
        while (end < rest.Length && char.IsAsciiLetterOrDigit(rest[end]))
        {
            end++;
        }

        if (end == 0 || !char.IsAsciiLetter(rest[0]))
        {
            // Comments and declarations are dropped whole; "< 5" is text.
            return tag.StartsWith("!") || tag.StartsWith("?");
        }

        var name = rest[..end];
        if (Is(name, "br"))
        {
            NewLine(always: true);
        }
        else if (Is(name, "ul") || Is(name, "ol"))
        {
            NewLine();
            if (closing)
            {
                _ = _lists.TryPop(out _);
            }
            else
            {
                _lists.Push(Is(name, "ol") ? 1 : 0);
            }
        }
        else if (Is(name, "li"))
        {
            NewLine();
            if (!closing)
            {
                var number = _lists.Count > 0 ? _lists.Pop() : 0;
                _text.Append(' ', 2 * Math.Max(0, _lists.Count));
                if (number > 0)
                {
                    _text.Append(number).Append(". ");
                    _lists.Push(number + 1);
                }
                else
                {
                    _text.Append("- ");
                    _lists.Push(0);
                }
            }
        }
        else if (Is(name, "p") || Is(name, "div") || Is(name, "blockquote") || (name.Length == 2 && (name[0] | 0x20) == 'h' && char.IsAsciiDigit(name[1])))
        {
            NewLine();
        }

        // Inline tags (strong, em, a …) leave their text as it is.
        return true;
    }

    private static bool Is(ReadOnlySpan<char> name, string tag) => name.Equals(tag, StringComparison.OrdinalIgnoreCase);

    /// <summary>Ends the line unless it is empty (blocks do not stack blank lines); a <c>&lt;br&gt;</c> always ends it.</summary>
    private void NewLine(bool always = false)
    {
        while (_text.Length > 0 && _text[^1] == ' ')
        {
            _text.Length--;
        }

        if (_text.Length > 0 && (always || _text[^1] != '\n'))
        {
            _text.Append('\n');
        }

        _space = false;
    }

    private void Add(ReadOnlySpan<char> raw)
    {
        if (raw.IsEmpty)
        {
            return;
        }

        if (raw.Contains('&'))
        {
            AddDecoded(WebUtility.HtmlDecode(raw.ToString()));
            return;
        }

        AddDecoded(raw);
    }

    private void AddDecoded(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0')
            {
                // HTML white space: a run is one space, none at the start of a line.
                _space = _text.Length > 0 && _text[^1] is not ('\n' or ' ');
            }
            else
            {
                if (_space)
                {
                    _text.Append(' ');
                    _space = false;
                }

                _text.Append(c);
            }
        }
    }
}
