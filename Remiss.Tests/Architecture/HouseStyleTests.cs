namespace Remiss.Tests.Architecture;

using System.Text.RegularExpressions;
using Remiss.Tests.TestSupport;

/// <summary>
/// Rules of the house style that the compiler does not enforce, read from the sources themselves so that they
/// cannot drift again unseen.
/// </summary>
public sealed partial class HouseStyleTests
{
    private static readonly DirectoryInfo Root = Repository.Root;

    [Fact]
    public void EveryUsingDirective_StandsInsideTheFileScopedNamespace()
    {
        // Decision 3: with usings above the namespace, the simple name Remiss means the namespace, not the aggregate.
        var offenders = SourceFiles()
            .Where(file =>
            {
                var lines = File.ReadAllLines(file);
                var namespaceLine = Array.FindIndex(lines, l => l.StartsWith("namespace ", StringComparison.Ordinal));
                var firstUsing = Array.FindIndex(lines, l => l.StartsWith("using ", StringComparison.Ordinal) && l.EndsWith(';'));
                return namespaceLine >= 0 && firstUsing >= 0 && firstUsing < namespaceLine;
            })
            .Select(file => Path.GetRelativePath(Root.FullName, file))
            .ToList();

        Assert.True(offenders.Count == 0, "Usings before the namespace in: " + string.Join(", ", offenders));
    }

    [Fact]
    public void DecisionRecords_HaveOneNumberEach_MatchingTheirTitle()
    {
        var records = Directory.GetFiles(Path.Combine(Root.FullName, "docs", "decisions"), "*.md");
        Assert.NotEmpty(records);

        var numbers = records.Select(path => int.Parse(Path.GetFileName(path)[..4], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        foreach (var path in records)
        {
            var number = int.Parse(Path.GetFileName(path)[..4], System.Globalization.CultureInfo.InvariantCulture);
            var title = File.ReadLines(path).First();
            Assert.Matches(TitleNumber(), title);
            Assert.Equal(number, int.Parse(TitleNumber().Match(title).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Root.FullName, "*.cs", SearchOption.AllDirectories)
            .Where(path =>
            {
                var relative = Path.GetRelativePath(Root.FullName, path).Replace('\\', '/');
                return relative.StartsWith("Remiss.", StringComparison.Ordinal)
                    && !relative.Contains("/bin/", StringComparison.Ordinal)
                    && !relative.Contains("/obj/", StringComparison.Ordinal)
                    && !relative.Contains("/Migrations/", StringComparison.Ordinal)
                    && !relative.Contains("/node_modules/", StringComparison.Ordinal);
            });

    [GeneratedRegex(@"^# (\d+)\. ")]
    private static partial Regex TitleNumber();
}
