namespace Remiss.Infrastructure.Administration;

using System.Text;

/// <summary>
/// Reads the directory's CSV format: a header row, then one organisation a line with the columns Namn, Typ,
/// Funktionsbrevlåda and Kontaktperson, separated by semicolons (as Excel writes CSV in Swedish) or commas, with
/// fields in double quotes where they hold a separator.
/// </summary>
public static class OrganisationCsv
{
    public const int MaxRows = 1_000;

    public static readonly IReadOnlyList<string> Columns = ["Namn", "Typ", "Funktionsbrevlåda", "Kontaktperson"];

    /// <summary>The data rows with their line numbers in the file (the header is line 1); blank lines are skipped.</summary>
    public static IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> Read(string text)
    {
        var lines = (text ?? string.Empty).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var header = lines.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) ?? string.Empty;
        var separator = header.Count(c => c == ';') >= header.Count(c => c == ',') ? ';' : ',';
        var rows = new List<(int, IReadOnlyList<string>)>();
        var headerSeen = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            if (!headerSeen)
            {
                headerSeen = true;
                continue;
            }

            rows.Add((i + 1, Split(lines[i], separator)));
        }

        return rows;
    }

    private static List<string> Split(string line, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }
}
