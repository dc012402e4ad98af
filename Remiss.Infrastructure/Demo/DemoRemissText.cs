namespace Remiss.Infrastructure.Demo;

using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.RegularExpressions;

/// <summary>
/// The real remiss STK-2023-137 from Malmö, shipped as an embedded text file, read into what the demo needs:
/// its title, summary, recipients and the four remissfrågor, in the seed's own words.
/// </summary>
public sealed partial record DemoRemissText(
    string Title,
    string Diarienummer,
    string DescriptionHtml,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> Questions,
    string ContactName)
{
    private const string ResourceName = "remiss-STK-2023-137-omradeslyft.txt";

    public static DemoRemissText Load()
    {
        var assembly = typeof(DemoRemissText).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(ResourceName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static DemoRemissText Parse(string text)
    {
        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).ToList();

        var heading = lines.First(l => l.Contains("nu fråga om remiss", StringComparison.Ordinal));
        var title = heading[(heading.IndexOf(" - ", StringComparison.Ordinal) + 3)..heading.IndexOf(';', StringComparison.Ordinal)].Trim();
        title = char.ToUpper(title[0], System.Globalization.CultureInfo.GetCultureInfo("sv-SE")) + title[1..];
        var diarienummer = DiarienummerPattern().Match(heading).Value;

        var summary = Between(lines, "Sammanfattning", "Förslag till beslut").Where(l => l.Length > 0);
        var encoder = HtmlEncoder.Create(UnicodeRanges.All);
        var description = string.Concat(summary.Select(p => $"<p>{encoder.Encode(p)}</p>"));

        var recipients = Between(lines, "Beslutet skickas till", "Ärendet")
            .Where(l => l.Length > 0 && !l.Contains("handläggare", StringComparison.Ordinal))
            .ToList();

        var questions = Between(lines, "Frågor", "Ansvariga")
            .Select(l => QuestionPattern().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups["text"].Value.Trim())
            .ToList();

        var contactIndex = lines.IndexOf("Vår referens");
        return new DemoRemissText(title, diarienummer, description, recipients, questions, lines[contactIndex + 1]);
    }

    private static IEnumerable<string> Between(List<string> lines, string start, string end)
    {
        var from = lines.IndexOf(start);
        var to = lines.IndexOf(end, from + 1);
        return lines.Skip(from + 1).Take(to - from - 1);
    }

    [GeneratedRegex(@"STK-\d{4}-\d+", RegexOptions.CultureInvariant)]
    private static partial Regex DiarienummerPattern();

    [GeneratedRegex(@"^\d\.\s+(?<text>.+\?)$", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionPattern();
}
