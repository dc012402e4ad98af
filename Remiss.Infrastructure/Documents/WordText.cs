namespace Remiss.Infrastructure.Documents;

using System.Text;
using System.Xml;

/// <summary>
/// What people typed, made fit for a <c>w:t</c>: characters XML cannot hold (control characters such as
/// U+0001 or the vertical tab, lone surrogates, U+FFFE) are dropped, and tabs and line breaks become spaces.
/// Text only ever becomes <c>w:t</c> content, never markup or a field, so "{ INCLUDETEXT … }" or "MERGEFIELD"
/// stays words on the page.
/// </summary>
internal static class WordText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!NeedsCleaning(text))
        {
            return text;
        }

        var cleaned = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\t' or '\n' or '\r')
            {
                cleaned.Append(' ');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cleaned.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (!char.IsSurrogate(c) && XmlConvert.IsXmlChar(c))
            {
                cleaned.Append(c);
            }
        }

        return cleaned.ToString();
    }

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (c < ' ' || char.IsSurrogate(c) || c >= '\uFFFE')
            {
                return true;
            }
        }

        return false;
    }
}
