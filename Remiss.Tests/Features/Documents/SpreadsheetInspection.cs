namespace Remiss.Tests.Features.Documents;

using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

/// <summary>A generated .xlsx opened with the OpenXml SDK, as a test reads it: validation errors, sheets, cells and their formats.</summary>
internal sealed class SpreadsheetInspection : IDisposable
{
    private readonly MemoryStream _bytes;

    public SpreadsheetInspection(byte[] bytes)
    {
        _bytes = new MemoryStream(bytes, writable: false);
        Package = SpreadsheetDocument.Open(_bytes, false);
        Workbook = Package.WorkbookPart!;
        SharedStrings = Workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        // A bare workbook (the benchmark's baseline) has no stylesheet.
        var stylesheet = Workbook.WorkbookStylesPart?.Stylesheet;
        CellFormats = [.. stylesheet?.CellFormats?.Elements<CellFormat>() ?? []];
        NumberFormats = stylesheet?.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
    }

    public SpreadsheetDocument Package { get; }

    public WorkbookPart Workbook { get; }

    public IReadOnlyList<string> SharedStrings { get; }

    public IReadOnlyList<CellFormat> CellFormats { get; }

    public IReadOnlyDictionary<uint, string> NumberFormats { get; }

    public IReadOnlyList<string> SheetNames => [.. Workbook.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    public IReadOnlyList<string> ValidationErrors() =>
        [.. new OpenXmlValidator(FileFormatVersions.Office2019).Validate(Package).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];

    public Worksheet Sheet(string name)
    {
        var sheet = Workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)Workbook.GetPartById(sheet.Id!.Value!)).Worksheet!;
    }

    /// <summary>Every row of the sheet as the texts of its cells, by column (an absent cell is empty), the header first.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows(string sheet) =>
        [.. Sheet(sheet).Descendants<Row>().Select(row =>
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference!.Value!);
                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                cells.Add(TextOf(cell));
            }

            return (IReadOnlyList<string>)cells;
        })];

    /// <summary>The cell at <paramref name="reference"/> ("D2"), or null when it is not written.</summary>
    public Cell? Cell(string sheet, string reference) =>
        Sheet(sheet).Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

    public CellFormat FormatOf(Cell cell) => CellFormats[(int)(cell.StyleIndex?.Value ?? 0)];

    /// <summary>Whether the cell shows its number as a date: a built-in date format or a custom one with year, month and day.</summary>
    public bool IsDate(Cell cell)
    {
        var id = FormatOf(cell).NumberFormatId?.Value ?? 0;
        return id is >= 14 and <= 17 || (NumberFormats.TryGetValue(id, out var code) && code.Contains('y', StringComparison.Ordinal) && code.Contains('d', StringComparison.Ordinal));
    }

    public string TextOf(Cell cell)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString!.InnerText;
        }

        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return SharedStrings[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)];
        }

        return cell.CellValue?.Text ?? string.Empty;
    }

    public void Dispose()
    {
        Package.Dispose();
        _bytes.Dispose();
    }

    private static int ColumnIndex(string reference) => reference.TakeWhile(char.IsAsciiLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1)) - 1;
}
