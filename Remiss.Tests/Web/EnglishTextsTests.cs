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
            .SelectMany(f => Localized().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal))))
            .Where(t => !english.Contains(t.Key))
            .Select(t => $"{t.File}: {t.Key}")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "Without an English text:\n" + string.Join('\n', missing));
    }

    [GeneratedRegex(@"L\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Localized();
}
