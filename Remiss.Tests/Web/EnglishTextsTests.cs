namespace Remiss.Tests.Web;

using System.Text.RegularExpressions;
using System.Xml.Linq;
using Remiss.Tests.TestSupport;

/// <summary>
/// Every text a page or component asks the localizer for (<c>L["…"]</c>, Swedish as the key) has an English text in
/// SharedResource.en.resx, so "In English" never shows a page half in Swedish.
/// </summary>
public sealed partial class EnglishTextsTests
{
    [Fact]
    public void EveryLocalizedTextOfThePages_HasAnEnglishText()
    {
        var root = Repository.Root.FullName;
        var english = XDocument.Load(Path.Combine(root, "Remiss.Web", "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var web = Path.Combine(root, "Remiss.Web");

        var missing = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Keys(File.ReadAllText(f)).Select(key => (File: Path.GetFileName(f), Key: key.Replace("\\\"", "\"", StringComparison.Ordinal))))
            .Where(t => !english.Contains(t.Key))
            .Select(t => $"{t.File}: {t.Key}")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "Without an English text:\n" + string.Join('\n', missing));
    }

    /// <summary>The keys of <c>L["…"]</c>, and both forms of <c>L.Plural(n, "…", "…")</c>.</summary>
    private static IEnumerable<string> Keys(string content) =>
        Localized().Matches(content).Select(m => m.Groups[1].Value)
            .Concat(PluralCall().Matches(content).SelectMany(m => new[] { m.Groups["one"].Value, m.Groups["many"].Value }));

    [GeneratedRegex(@"L\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Localized();

    [GeneratedRegex(@"L\.Plural\([^,""]+,\s*""(?<one>(?:[^""\\]|\\.)*)"",\s*""(?<many>(?:[^""\\]|\\.)*)""")]
    private static partial Regex PluralCall();
}
