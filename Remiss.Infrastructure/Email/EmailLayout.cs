namespace Remiss.Infrastructure.Email;

using System.Globalization;
using System.Text;

/// <summary>A part of an e-mail's body; <see cref="EmailLayout"/> writes each as plain text and as HTML.</summary>
public abstract record EmailBlock;

/// <summary>A paragraph of running text.</summary>
public sealed record EmailParagraph(string Text) : EmailBlock;

/// <summary>Labelled facts, one a line: "Sista svarsdag: 30 november 2027".</summary>
public sealed record EmailFacts(IReadOnlyList<EmailFact> Facts) : EmailBlock;

public sealed record EmailFact(string Label, string Value);

/// <summary>Numbered items under a heading, numbered as the items say (question 1, 2, 3 …).</summary>
public sealed record EmailNumberedList(string Heading, IReadOnlyList<EmailNumberedItem> Items) : EmailBlock;

public sealed record EmailNumberedItem(int Number, string Text);

/// <summary>Something a person wrote (a reason, a message), set apart under a label and kept with its line breaks.</summary>
public sealed record EmailQuote(string Label, string Text) : EmailBlock;

/// <summary>The one link of an e-mail: the page in question, as an absolute URL.</summary>
public sealed record EmailLink(string Label, string Url);

/// <summary>
/// The one layout of every e-mail: a heading, the body, a button-like link with its address also written out (some
/// mail clients hide or block buttons), and a footer naming the tenant. The HTML part uses inline styles only and no
/// images or web fonts, because mail clients strip style sheets and block remote content. Every text is treated as
/// typed by a person and HTML-encoded.
/// </summary>
public static class EmailLayout
{
    private const string FontFamily = "Arial, Helvetica, sans-serif";
    private const string TextColour = "#1f2328";
    private const string MutedColour = "#59636e";
    private const string AccentColour = "#1a4f8b";

    public static EmailContent Compose(string subject, string tenantName, string heading, IReadOnlyList<EmailBlock> body, EmailLink link) =>
        new(subject, Text(tenantName, heading, body, link), Html(subject, tenantName, heading, body, link));

    /// <summary>The footer, the same in both parts: who sent the message, and that replies reach nobody.</summary>
    public static string Footer(string tenantName) =>
        $"Det här meddelandet skickades av Remiss för {tenantName}. Svara inte på det här meddelandet.";

    /// <summary>Encodes text for HTML content and attribute values: &amp;, &lt;, &gt; and both quotes.</summary>
    public static string Encode(string value)
    {
        // WebUtility.HtmlEncode would also turn å, ä and ö into numeric entities; the part is UTF-8, so only the
        // characters that mean something in HTML need escaping.
        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    private static string Text(string tenantName, string heading, IReadOnlyList<EmailBlock> body, EmailLink link)
    {
        var text = new StringBuilder();
        text.Append(heading).Append('\n').Append('\n');
        foreach (var block in body)
        {
            switch (block)
            {
                case EmailParagraph paragraph:
                    text.Append(Lines(paragraph.Text)).Append('\n');
                    break;
                case EmailFacts facts:
                    foreach (var fact in facts.Facts)
                    {
                        text.Append(fact.Label).Append(": ").Append(Lines(fact.Value)).Append('\n');
                    }

                    break;
                case EmailNumberedList list:
                    text.Append(list.Heading).Append('\n');
                    foreach (var item in list.Items)
                    {
                        text.Append(item.Number.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(Lines(item.Text)).Append('\n');
                    }

                    break;
                case EmailQuote quote:
                    text.Append(quote.Label).Append(':').Append('\n').Append(Lines(quote.Text)).Append('\n');
                    break;
                default:
                    throw new ArgumentException($"Unknown e-mail block {block.GetType().Name}.", nameof(body));
            }

            text.Append('\n');
        }

        text.Append(link.Label).Append(':').Append('\n').Append(link.Url).Append('\n').Append('\n');

        // "-- " is the signature separator mail clients recognise and fold away in replies.
        text.Append("-- ").Append('\n').Append(Footer(tenantName)).Append('\n');
        return text.ToString();
    }

    private static string Html(string subject, string tenantName, string heading, IReadOnlyList<EmailBlock> body, EmailLink link)
    {
        var url = Encode(link.Url);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:0;background-color:#f3f4f6;\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background-color:#f3f4f6;\"><tr><td align=\"center\" style=\"padding:24px 12px;\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:600px;background-color:#ffffff;border:1px solid #d0d7de;border-radius:6px;\">\n")
            .Append("<tr><td style=\"padding:28px 32px 8px;font-family:").Append(FontFamily).Append(";font-size:16px;line-height:1.5;color:").Append(TextColour).Append(";\">\n")
            .Append("<p style=\"margin:0 0 4px;font-size:14px;color:").Append(MutedColour).Append(";\">").Append(Encode(tenantName)).Append("</p>\n")
            .Append("<h1 style=\"margin:0 0 20px;font-size:22px;line-height:1.3;color:").Append(TextColour).Append(";\">").Append(Encode(heading)).Append("</h1>\n");

        foreach (var block in body)
        {
            switch (block)
            {
                case EmailParagraph paragraph:
                    html.Append("<p style=\"margin:0 0 16px;\">").Append(EncodeLines(paragraph.Text)).Append("</p>\n");
                    break;
                case EmailFacts facts:
                    html.Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"margin:0 0 16px;border-collapse:collapse;\">\n");
                    foreach (var fact in facts.Facts)
                    {
                        html.Append("<tr><th scope=\"row\" align=\"left\" valign=\"top\" style=\"padding:2px 16px 2px 0;font-weight:bold;white-space:nowrap;\">")
                            .Append(Encode(fact.Label))
                            .Append("</th><td valign=\"top\" style=\"padding:2px 0;\">")
                            .Append(EncodeLines(fact.Value))
                            .Append("</td></tr>\n");
                    }

                    html.Append("</table>\n");
                    break;
                case EmailNumberedList list:
                    html.Append("<h2 style=\"margin:8px 0 8px;font-size:17px;color:").Append(TextColour).Append(";\">").Append(Encode(list.Heading)).Append("</h2>\n")
                        .Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"margin:0 0 16px;border-collapse:collapse;\">\n");

                    // Numbers written out rather than an <ol>: they are the questions' own numbers, and some mail
                    // clients drop list styling.
                    foreach (var item in list.Items)
                    {
                        html.Append("<tr><td valign=\"top\" style=\"padding:2px 10px 6px 0;font-weight:bold;\">").Append(item.Number.ToString(CultureInfo.InvariantCulture)).Append(".</td>")
                            .Append("<td valign=\"top\" style=\"padding:2px 0 6px;\">").Append(EncodeLines(item.Text)).Append("</td></tr>\n");
                    }

                    html.Append("</table>\n");
                    break;
                case EmailQuote quote:
                    html.Append("<p style=\"margin:0 0 4px;font-weight:bold;\">").Append(Encode(quote.Label)).Append("</p>\n")
                        .Append("<div style=\"margin:0 0 16px;padding:8px 12px;border-left:4px solid #d0d7de;background-color:#f6f8fa;\">")
                        .Append(EncodeLines(quote.Text)).Append("</div>\n");
                    break;
                default:
                    throw new ArgumentException($"Unknown e-mail block {block.GetType().Name}.", nameof(body));
            }
        }

        html.Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"margin:24px 0 12px;\"><tr>")
            .Append("<td style=\"background-color:").Append(AccentColour).Append(";border-radius:4px;\">")
            .Append("<a href=\"").Append(url).Append("\" style=\"display:inline-block;padding:12px 24px;font-family:").Append(FontFamily)
            .Append(";font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;\">").Append(Encode(link.Label)).Append("</a>")
            .Append("</td></tr></table>\n")
            .Append("<p style=\"margin:0 0 24px;font-size:14px;color:").Append(MutedColour).Append(";\">Fungerar inte knappen? Kopiera adressen till webbläsaren:<br>")
            .Append("<a href=\"").Append(url).Append("\" style=\"color:").Append(AccentColour).Append(";word-break:break-all;\">").Append(url).Append("</a></p>\n")
            .Append("</td></tr>\n")
            .Append("<tr><td style=\"padding:16px 32px 24px;border-top:1px solid #d0d7de;font-family:").Append(FontFamily)
            .Append(";font-size:13px;line-height:1.5;color:").Append(MutedColour).Append(";\">").Append(Encode(Footer(tenantName))).Append("</td></tr>\n")
            .Append("</table>\n</td></tr></table>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Normalises a person's line breaks to \n, so the text part has one kind.</summary>
    private static string Lines(string value) => value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    private static string EncodeLines(string value) => Encode(Lines(value)).Replace("\n", "<br>\n", StringComparison.Ordinal);
}
