namespace Remiss.Tests.Hardening;

/// <summary>
/// The hostile strings every hardening test types, in one place: markup that would run, strings that would break
/// SQL, Word or XML, characters that hide or reorder text, and text far longer than any field allows. The last
/// entry mixes the ones a field may legitimately keep, so what a form stores last can be looked for in the pages
/// and the Word documents.
/// </summary>
internal static class HostileCorpus
{
    public const string Script = "<script>alert('xss')</script>";
    public const string ImageOnError = "<img src=x onerror=alert(1)>";
    public const string JavascriptLink = "<a href=\"javascript:alert(1)\">klicka här</a>";
    public const string Svg = "<svg onload=alert(1)><script>alert(2)</script></svg>";
    public const string AttributeBreakout = "\"><script>alert(3)</script><input onfocus=alert(4) autofocus \"";
    public const string SingleQuoteBreakout = "' onmouseover='alert(5)' x='";
    public const string Sql = "'; DROP TABLE Remisser; --";
    public const string IncludeText = "{ INCLUDETEXT \"c:\\\\x\" }";
    public const string MergeField = "{ MERGEFIELD Namn \\* MERGEFORMAT }";
    public const string Dde = "=cmd|' /C calc'!A0";
    public const string SwedishAndEmoji = "ÅÄÖ åäö Malmö 👍🏽 👩‍👩‍👧";
    public const string ZeroWidth = "Gräs\u200Bmatta\u200D\uFEFFn\u200C";
    public const string RightToLeft = "Rapport\u202Efdp.exe";

    /// <summary>Every C0 control character (U+0000 to U+001F, the vertical tab and the bell among them) around ordinary text.</summary>
    public static readonly string ControlCharacters =
        "Kontroll" + new string([.. Enumerable.Range(0, 0x20).Select(c => (char)c)]) + "tecken\u007F";

    /// <summary>Longer than any one-line field and well over 100,000 characters, yet under the formatted-text limit.</summary>
    public static readonly string Long = string.Concat(Enumerable.Repeat("Långt åäö ", 10_001));

    /// <summary>Over every field's maximum, formatted text (200,000) included.</summary>
    public static readonly string OverEveryLimit = new('x', 200_001);

    /// <summary>What a field that keeps text should keep, and what the Word documents must show as plain text.</summary>
    public const string Mixed = "Åsa 👍🏽 " + Script + ImageOnError + " { INCLUDETEXT \"c:\\\\x\" } { MERGEFIELD Namn } " + Dde + " ÅÄÖ";

    public static IReadOnlyList<(string Name, string Value)> All { get; } =
    [
        ("script", Script),
        ("img onerror", ImageOnError),
        ("javascript: link", JavascriptLink),
        ("svg", Svg),
        ("attribute breakout", AttributeBreakout),
        ("single-quote breakout", SingleQuoteBreakout),
        ("sql", Sql),
        ("INCLUDETEXT", IncludeText),
        ("MERGEFIELD", MergeField),
        ("DDE", Dde),
        ("Swedish and emoji", SwedishAndEmoji),
        ("zero width", ZeroWidth),
        ("right-to-left override", RightToLeft),
        ("control characters", ControlCharacters),
        ("100,000+ characters", Long),
        ("over every limit", OverEveryLimit),
        ("mixed", Mixed),
    ];

    /// <summary>
    /// Cells a spreadsheet would run as formulas, one for each character that starts one (= is <see cref="Dde"/>):
    /// typed into the CSV import, and looked for in every CSV the app exports.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> Formulas { get; } =
    [
        ("formula +", "+cmd|' /C calc'!A0"),
        ("formula -", "-2+3+cmd|' /C calc'!A0"),
        ("formula @", "@SUM(1+1)*cmd|' /C calc'!A0"),
    ];

    /// <summary>Markup that must never reach a page, a stored formatted text or a document unescaped.</summary>
    public static IReadOnlyList<string> ForbiddenInHtml { get; } = ["<script", "<img src=x", "<svg", "onerror=", "onload=", "onfocus=", "onmouseover=", "href=\"javascript:", "href=javascript:"];

    /// <summary>Characters XML 1.0 cannot carry; a .docx holding one does not open.</summary>
    public static bool IsInvalidXmlChar(char c) => c < 0x20 && c is not ('\t' or '\n' or '\r');
}
