namespace Remiss.Tests.Web;

using System.Text.RegularExpressions;
using System.Xml.Linq;
using Remiss.Tests.TestSupport;

/// <summary>
/// One Swedish across the product: every Swedish text there is (the pages' texts, the refusals, and the texts the code
/// writes into e-mails, log entries, documents and status messages) is read, and fails on the operator's word "kund"
/// outside the operator's own pages, on a count that does not agree with its noun ("1 remisser", or a number put
/// before a plural without the plural helper), on the old error style ("… måste fyllas i") and on straight quotes.
/// </summary>
public sealed partial class SwedishTextsTests
{
    /// <summary>Refusals only the platform operator meets, on the operator's pages: there a tenant is a kund.</summary>
    private static readonly HashSet<string> OperatorRefusals = ["TenantAlreadySuspended", "TenantNotSuspended", "TenantNotFound", "SlugTaken"];

    private static readonly string Root = Repository.Root.FullName;

    [Fact]
    public void NoTextForMunicipalStaff_SaysKund()
    {
        var found = Texts()
            .Where(t => !t.ForOperator && Kund().IsMatch(t.Text))
            .Select(t => $"{t.Where}: {t.Text}")
            .ToList();

        Assert.True(found.Count == 0, "\"Kund\" is the operator's word; say the municipality's name or \"kommunens\":\n" + string.Join('\n', found));
    }

    [Fact]
    public void NoText_PutsOneBeforeAPlural()
    {
        var found = Texts().Where(t => OneAndPlural().IsMatch(t.Text)).Select(t => $"{t.Where}: {t.Text}").ToList();

        Assert.True(found.Count == 0, "A count of one with a plural noun:\n" + string.Join('\n', found));
    }

    [Fact]
    public void NoText_PutsACountBeforeAPlural_WithoutThePluralHelper()
    {
        var found = Texts()
            .Where(t => !t.IsPluralForm && CountAndPlural().Matches(t.Text).Any(m => m.Groups[1].Length == 0))
            .Select(t => $"{t.Where}: {t.Text}")
            .ToList();

        Assert.True(
            found.Count == 0,
            "A count before a plural noun says \"1 remisser\" when the count is one. Use L.Plural(n, singular, plural) on a page, SwedishPlural.Count elsewhere:\n"
            + string.Join('\n', found));
    }

    [Fact]
    public void EveryErrorForAMissingValue_SaysAnge()
    {
        var found = Texts().Where(t => OldRequiredStyle().IsMatch(t.Text)).Select(t => $"{t.Where}: {t.Text}").ToList();

        Assert.True(found.Count == 0, "Errors say what to do (\"Ange din e-postadress.\"), not \"… måste fyllas i\":\n" + string.Join('\n', found));
    }

    [Fact]
    public void TheInterfaceTexts_UseTypographicQuotes()
    {
        var found = Texts()
            .Where(t => t.Where.Contains(".resx", StringComparison.Ordinal) || t.Where.EndsWith(".cshtml", StringComparison.Ordinal) || t.Where.EndsWith(".razor", StringComparison.Ordinal))
            .Where(t => t.Text.Contains('"', StringComparison.Ordinal))
            .Select(t => $"{t.Where}: {t.Text}")
            .ToList();

        Assert.True(found.Count == 0, "Swedish quotes are ”…”:\n" + string.Join('\n', found));
    }

    [Fact]
    public void TheReader_FindsEveryKindOfText()
    {
        var texts = Texts();

        // A reader that finds nothing would let every other test pass.
        Assert.Contains(texts, t => t.Text == "Skicka remiss" && t.Where.EndsWith(".cshtml", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Text == "Välj minst en remissinstans." && t.Where.StartsWith("RefusalResource.resx", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Text.StartsWith("Läs remissen och skriv ert yttrande i Remiss", StringComparison.Ordinal) && t.Where.Contains("RemissEmails", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Text == "{0} remisser, efter sista svarsdag" && t.IsPluralForm);
        Assert.Contains(texts, t => t.Text == "Ny kund" && t.ForOperator);
        Assert.Matches(Kund(), "Välj bland kundens organisationer");
        Assert.DoesNotMatch(Kund(), "Filen kunde inte läsas.");
        Assert.Matches(OneAndPlural(), "1 remisser");
        Assert.Matches(CountAndPlural(), "{0} av {1} remissinstanser");
        Assert.Matches(CountAndPlural(), "{late.Count} remissinstanser har inte svarat");
    }

    /// <summary>Every Swedish text, with where it is and whether only the operator reads it.</summary>
    private static List<SwedishText> Texts()
    {
        var texts = new List<SwedishText>();
        var web = Path.Combine(Root, "Remiss.Web");

        // The pages' and components' texts: the keys of the localizer, which are the Swedish texts themselves.
        var pluralForms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles(web, ".cshtml", ".razor"))
        {
            var content = File.ReadAllText(file);
            var where = Relative(file);
            foreach (Match m in PluralCall().Matches(content))
            {
                texts.Add(new(where, Unescape(m.Groups["one"].Value), IsOperators(file), IsPluralForm: true));
                texts.Add(new(where, Unescape(m.Groups["many"].Value), IsOperators(file), IsPluralForm: true));
                pluralForms.Add(Unescape(m.Groups["one"].Value));
                pluralForms.Add(Unescape(m.Groups["many"].Value));
            }

            texts.AddRange(Localized().Matches(content).Select(m => new SwedishText(where, Unescape(m.Groups[1].Value), IsOperators(file))));
        }

        // Keys asked for through a variable (a legend, an audit action's label) are in the English resource: a key no page
        // names literally is read as a text for everyone.
        var english = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.en.resx")).Root!.Elements("data").Select(d => (string)d.Attribute("name")!);
        var literal = SourceFiles(web, ".cshtml", ".razor", ".cs").Select(f => (File: f, Content: File.ReadAllText(f))).ToList();
        foreach (var key in english)
        {
            var quoted = "\"" + key.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
            var users = literal.Where(f => f.Content.Contains(quoted, StringComparison.Ordinal)).Select(f => f.File).ToList();
            texts.Add(new("SharedResource.en.resx", key, users.Count > 0 && users.All(IsOperators), pluralForms.Contains(key)));
        }

        // The refusals, in Swedish.
        texts.AddRange(XDocument.Load(Path.Combine(web, "Resources", "RefusalResource.resx")).Root!.Elements("data")
            .Select(d => new SwedishText($"RefusalResource.resx ({(string)d.Attribute("name")!})", (string)d.Element("value")!, OperatorRefusals.Contains((string)d.Attribute("name")!))));

        // What the code writes: e-mails, log texts, documents, status messages, the domain's own words.
        foreach (var file in SourceFiles(Path.Combine(Root, "Remiss.Web"), ".cs")
                     .Concat(SourceFiles(Path.Combine(Root, "Remiss.Infrastructure"), ".cs"))
                     .Concat(SourceFiles(Path.Combine(Root, "Remiss.Domain"), ".cs")))
        {
            // The account e-mails say their durations in words of their own ("ett dygn", "en timme").
            if (file.Contains($"{Path.DirectorySeparatorChar}Identity{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var where = Relative(file);
            foreach (var line in File.ReadLines(file))
            {
                var code = line.TrimStart();

                // Comments, developers' logs (in English) and the job dashboard's names (the operator's) are not read by municipal staff.
                if (code.StartsWith("//", StringComparison.Ordinal) || code.Contains("LoggerMessage(", StringComparison.Ordinal) || code.Contains("JobDisplayName(", StringComparison.Ordinal))
                {
                    continue;
                }

                texts.AddRange(CSharpString().Matches(line).Select(m => new SwedishText(where, Unescape(m.Groups[1].Value), IsOperators(file))));
            }
        }

        return texts;
    }

    private static IEnumerable<string> SourceFiles(string folder, params string[] endings) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => endings.Any(e => f.EndsWith(e, StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>The platform operator's pages and services: the only place a tenant is a kund.</summary>
    private static bool IsOperators(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}Platform{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static string Relative(string file) => Path.GetRelativePath(Root, file);

    private static string Unescape(string text) => text.Replace("\\\"", "\"", StringComparison.Ordinal);

    [GeneratedRegex(@"\b[Kk]und(en|ens|er|erna|ernas|s)?\b")]
    private static partial Regex Kund();

    private const string Plurals =
        "remisser|remissinstanser|inbjudningar|yttranden|organisationer|dagar|frågor|synpunkter|bilagor|påminnelser|rader|punkter|meddelanden|teman|bemötanden|kommentarer|händelser|nämnder|timmar|veckor|filer";

    [GeneratedRegex(@"(?<![\d,.])\b1[\s\u00a0](" + Plurals + @")\b")]
    private static partial Regex OneAndPlural();

    /// <summary>A placeholder or an interpolated value before a plural: "{0} remisser", "{late.Count} remissinstanser"; "högst {2} …" and "1–{2} …" are limits, never one.</summary>
    [GeneratedRegex(@"(högst[\s\u00a0]|–)?\{[^{}""]+\}[\s\u00a0](" + Plurals + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountAndPlural();

    [GeneratedRegex(@"måste (fyllas i|anges)")]
    private static partial Regex OldRequiredStyle();

    [GeneratedRegex(@"L\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Localized();

    [GeneratedRegex(@"L\.Plural\([^,""]+,\s*""(?<one>(?:[^""\\]|\\.)*)"",\s*""(?<many>(?:[^""\\]|\\.)*)""")]
    private static partial Regex PluralCall();

    /// <summary>A C# string literal on one line, interpolated or not.</summary>
    [GeneratedRegex(@"\$?@?""((?:[^""\\]|\\.)*)""")]
    private static partial Regex CSharpString();

    private sealed record SwedishText(string Where, string Text, bool ForOperator, bool IsPluralForm = false);
}
