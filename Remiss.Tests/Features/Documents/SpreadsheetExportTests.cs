namespace Remiss.Tests.Features.Documents;

using DocumentFormat.OpenXml.Spreadsheet;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Documents;
using Remiss.Infrastructure.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// The Excel export of <see cref="DocumentScenario"/>: valid, one Svar row per remissinstans and question with the
/// question's number, plain text, words for positions and colours, real dates, frozen headers and filters, and
/// nothing of a draft.
/// </summary>
public sealed class SpreadsheetExportTests
{
    private static readonly string[] SvarHeader =
        ["Fråga", "Frågetext", "Remissinstans", "Typ av organisation", "Status", "Ställningstagande, val eller bedömning", "Svar", "Typ av beslut"];

    private readonly DocumentScenario _scenario = new();

    [Theory]
    [InlineData(SpreadsheetStrings.Inline)]
    [InlineData(SpreadsheetStrings.Shared)]
    public void The_export_is_valid_by_the_OpenXml_validator(SpreadsheetStrings strings)
    {
        using var sheet = Export(strings);

        Assert.Empty(sheet.ValidationErrors());
        Assert.Equal(["Svar", "Synpunkter", "Remissinstanser"], sheet.SheetNames);
    }

    [Theory]
    [InlineData(SpreadsheetStrings.Inline)]
    [InlineData(SpreadsheetStrings.Shared)]
    public void Svar_has_a_row_per_remissinstans_and_question_with_the_question_number_as_a_number(SpreadsheetStrings strings)
    {
        using var sheet = Export(strings);
        var rows = sheet.Rows("Svar");

        Assert.Equal(SvarHeader, rows[0]);
        Assert.Equal(1 + (_scenario.Remiss.Questions.Count * DocumentScenario.RecipientsInSwedishOrder.Count), rows.Count);
        var expected = _scenario.Remiss.Questions.SelectMany(q => DocumentScenario.RecipientsInSwedishOrder.Select(name => (q.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), q.Text, name)));
        Assert.Equal(expected, rows.Skip(1).Select(r => (r[0], r[1], r[2])));
        foreach (var row in sheet.Sheet("Svar").Descendants<Row>().Skip(1))
        {
            var number = row.Elements<Cell>().First();
            Assert.Equal($"A{row.RowIndex!.Value}", number.CellReference!.Value);
            Assert.Null(number.DataType);
        }
    }

    [Fact]
    public void Only_submitted_answers_are_written_and_nothing_of_a_draft_leaks()
    {
        using var sheet = Export(SpreadsheetStrings.Shared);
        var rows = sheet.Rows("Svar").Skip(1).ToList();

        var drafting = rows.Where(r => r[2] == DocumentScenario.Drafting).ToList();
        Assert.Equal(5, drafting.Count);
        Assert.All(drafting, r => Assert.Equal("Påbörjat", r[4]));
        Assert.All(drafting, r => Assert.Equal(5, r.Count));
        Assert.All(rows.Where(r => r[2] == DocumentScenario.Declining), r => Assert.Equal(["Avstår"], r.Skip(4)));
        Assert.All(rows.Where(r => r[2] == DocumentScenario.Silent), r => Assert.Equal(["Ej påbörjat"], r.Skip(4)));
        Assert.All(rows.Where(r => r[2] == DocumentScenario.Formatted), r => Assert.Equal("Inkommet", r[4]));

        // The draft's texts, in every part of the package.
        var everything = string.Join('\n', sheet.SharedStrings.Concat(sheet.SheetNames.Select(n => sheet.Sheet(n).OuterXml)));
        foreach (var draft in new[] { "Segregationen", "Vi ser ett stort behov", "Tekniska nämnden" })
        {
            Assert.DoesNotContain(draft, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_answer_is_plain_text_with_a_line_per_paragraph_and_list_item()
    {
        using var sheet = Export();

        var answer = Svar(sheet, 1, DocumentScenario.Formatted);

        Assert.Equal("Första stycket med fet och kursiv text och en länk.\n- Trygghet\n- Boende först\n1. Ett\n2. Två\nAndra stycket.", answer[6]);
        Assert.Equal("Nämndbeslut", answer[7]);
        Assert.Equal("Nämnd", answer[3]);
    }

    [Fact]
    public void Positions_choices_and_traffic_lights_are_Swedish_words()
    {
        using var sheet = Export();

        Assert.Equal("Tillstyrker delvis", Svar(sheet, 2, DocumentScenario.Formatted)[5]);
        Assert.Equal("Motivering från Zoonämnden.", Svar(sheet, 2, DocumentScenario.Formatted)[6]);
        Assert.Equal("Avstyrker", Svar(sheet, 2, DocumentScenario.Hostile)[5]);
        Assert.Equal("Ja", Svar(sheet, 3, DocumentScenario.Formatted)[5]);
        Assert.Equal($"{DocumentScenario.Formatted}\n{DocumentScenario.Silent}", Svar(sheet, 4, DocumentScenario.Formatted)[5]);
        Assert.Equal("Trygghet: Grönt – Bra\nBoende: Rött\nArbete: Gult", Svar(sheet, 5, DocumentScenario.Formatted)[5]);
        Assert.Equal(SpreadsheetRows.NotAnswered, Svar(sheet, 4, DocumentScenario.Hostile)[6]);
        Assert.Equal("Förvaltningens preliminära svar", Svar(sheet, 4, DocumentScenario.Hostile)[7]);
    }

    [Fact]
    public void Hostile_text_stays_text_and_characters_XML_cannot_hold_are_dropped()
    {
        using var sheet = Export();

        var answer = Svar(sheet, 1, DocumentScenario.Hostile)[6];

        Assert.StartsWith("<script>alert(1)</script> { INCLUDETEXT", answer, StringComparison.Ordinal);
        Assert.Contains("kontroll", answer, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0001', answer);
        Assert.DoesNotContain('\uFFFE', answer);
    }

    [Fact]
    public void Every_sheet_has_a_frozen_header_row_an_autofilter_column_widths_and_wrapping_text()
    {
        using var sheet = Export();
        var definedNames = sheet.Workbook.Workbook!.DefinedNames!.Elements<DefinedName>().ToList();

        foreach (var (name, index) in sheet.SheetNames.Select((n, i) => (n, i)))
        {
            var worksheet = sheet.Sheet(name);
            var rows = sheet.Rows(name);
            var pane = worksheet.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(1, pane.VerticalSplit!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);

            var lastColumn = (char)('A' + rows[0].Count - 1);
            var range = $"A1:{lastColumn}{rows.Count}";
            Assert.Equal(range, worksheet.Descendants<AutoFilter>().Single().Reference!.Value);
            var filter = definedNames.Single(d => d.LocalSheetId?.Value == index);
            Assert.Equal("_xlnm._FilterDatabase", filter.Name!.Value);
            Assert.Equal($"'{name}'!$A$1:${lastColumn}${rows.Count}", filter.Text);

            var columns = worksheet.Descendants<Column>().ToList();
            Assert.Equal(rows[0].Count, columns.Count);
            Assert.All(columns, c => Assert.True(c.CustomWidth!.Value && c.Width!.Value >= 8));

            var header = worksheet.Descendants<Row>().First().Elements<Cell>().ToList();
            Assert.All(header, c => Assert.Equal(1u, sheet.FormatOf(c).FontId!.Value));
            Assert.True(sheet.CellFormats[1].Alignment!.WrapText!.Value);
        }

        var text = sheet.Cell("Svar", "G2") ?? sheet.Cell("Svar", "B2")!;
        Assert.True(sheet.FormatOf(text).Alignment!.WrapText!.Value);
    }

    [Fact]
    public void A_row_is_as_high_as_its_longest_wrapped_text_and_a_one_line_row_keeps_the_default()
    {
        using var sheet = Export();
        var rows = sheet.Sheet("Svar").Descendants<Row>().ToList();
        var svar = sheet.Rows("Svar");
        var formatted = rows[svar.Select((r, i) => (r, i)).Single(x => x.r[0] == "1" && x.r[2] == DocumentScenario.Formatted).i];
        var declining = rows[svar.Select((r, i) => (r, i)).Single(x => x.r[0] == "3" && x.r[2] == DocumentScenario.Declining).i];

        // Six lines of answer (a paragraph, two list items, two numbered, a paragraph) at 15 points.
        Assert.Equal(90, formatted.Height!.Value);
        Assert.True(formatted.CustomHeight!.Value);
        Assert.Null(declining.Height);
    }

    [Theory]
    [InlineData("", 10, 1)]
    [InlineData("kort", 10, 1)]
    [InlineData("exakt tio!", 10, 1)]
    [InlineData("elva tecken", 10, 2)]
    [InlineData("ett\ntvå\n\nfyra", 10, 4)]
    [InlineData("ett\n", 10, 2)]
    public void A_texts_lines_are_its_lines_each_wrapped_at_the_columns_width(string text, double width, int lines) =>
        Assert.Equal(lines, SpreadsheetExport.LinesOf(text, width));

    [Fact]
    public void Dates_are_numbers_with_a_date_format()
    {
        using var sheet = Export();
        var rows = sheet.Rows("Remissinstanser");
        var row = (string name) => rows.Select((r, i) => (r, i)).Single(x => x.r[0] == name).i + 1;

        Assert.Equal(
            ["Remissinstans", "Typ av organisation", "Status", "Inkommet", "Avstått", "Sista svarsdag", "Anstånd", "Typ av beslut", "Beslutsdatum", "Beslutande organ"],
            rows[0]);
        AssertDate(sheet, $"D{row(DocumentScenario.Formatted)}", A.Today);
        AssertDate(sheet, $"I{row(DocumentScenario.Formatted)}", new DateOnly(2026, 12, 20));
        AssertDate(sheet, $"E{row(DocumentScenario.Declining)}", A.Today);
        AssertDate(sheet, $"F{row(DocumentScenario.Extended)}", new DateOnly(2027, 1, 31));
        AssertDate(sheet, $"F{row(DocumentScenario.Silent)}", A.Deadline);
        Assert.Null(sheet.Cell("Remissinstanser", $"D{row(DocumentScenario.Drafting)}"));
    }

    [Fact]
    public void Remissinstanser_has_each_status_anstand_and_decision()
    {
        using var sheet = Export();
        var rows = sheet.Rows("Remissinstanser").Skip(1).ToList();

        Assert.Equal(DocumentScenario.RecipientsInSwedishOrder, rows.Select(r => r[0]));
        Assert.Equal(["Avstår", "Ej påbörjat", "Inkommet", "Inkommet", "Påbörjat", "Ej påbörjat"], rows.Select(r => r[2]));
        Assert.Equal("Beviljat", rows.Single(r => r[0] == DocumentScenario.Extended)[6]);
        var formatted = rows.Single(r => r[0] == DocumentScenario.Formatted);
        Assert.Equal(("Nämndbeslut", "Zoonämnden"), (formatted[7], formatted[9]));
        Assert.Equal("Förvaltningens preliminära svar", rows.Single(r => r[0] == DocumentScenario.Hostile)[7]);
        Assert.Equal(
            [DocumentScenario.Drafting, "Nämnd", "Påbörjat", string.Empty, string.Empty, "46387"],
            rows.Single(r => r[0] == DocumentScenario.Drafting));
    }

    [Fact]
    public void Synpunkter_have_the_question_number_as_a_number_or_their_section()
    {
        using var sheet = Export();
        var rows = sheet.Rows("Synpunkter");

        Assert.Equal(["Remissinstans", "Fråga", "Avsnitt", "Synpunkt", "Teman", "Bemötande", "Ställningstagande"], rows[0]);
        Assert.Equal(3, rows.Count);
        Assert.Equal([DocumentScenario.Formatted, "1", string.Empty, "Trygghet först.", "Samordning, Trygghet", "Vi tar med det.", "Beaktas"], rows[1]);
        Assert.Equal([DocumentScenario.Hostile, string.Empty, PointSource.SummarySection, "Det kostar."], rows[2]);
        Assert.Null(sheet.Cell("Synpunkter", "B2")!.DataType);
    }

    [Fact]
    public void Text_that_looks_like_a_formula_stays_text()
    {
        var content = new SpreadsheetContent(
            "Remissvar",
            [new AnswerRow(1, "=1+1", "@SUM(A1)", "Nämnd", "Inkommet", "=HYPERLINK(\"https://example.org\")", "<p>+46 =A1</p>", null)],
            [],
            []);
        using var output = new MemoryStream();
        SpreadsheetExport.Write(output, content);
        using var sheet = new SpreadsheetInspection(output.ToArray());

        Assert.Equal(["1", "=1+1", "@SUM(A1)", "Nämnd", "Inkommet", "=HYPERLINK(\"https://example.org\")", "+46 =A1"], sheet.Rows("Svar")[1]);
        Assert.Empty(sheet.Sheet("Svar").Descendants<CellFormula>());
        Assert.All(sheet.Sheet("Svar").Descendants<Cell>().Skip(9), c => Assert.Equal(CellValues.InlineString, c.DataType!.Value));
    }

    [Fact]
    public void A_text_longer_than_a_cell_holds_is_cut_with_a_note()
    {
        var cut = SpreadsheetExport.CellText(new string('a', 40_000));

        Assert.Equal(SpreadsheetExport.CellMaxLength, cut.Length);
        Assert.EndsWith("(avkortat: hela texten finns i yttrandet)", cut, StringComparison.Ordinal);
        Assert.Equal("rad\nrad", SpreadsheetExport.CellText("rad\r\nrad"));
    }

    [Theory]
    [InlineData("STK-2023-137", "Remissvar STK-2023-137.xlsx")]
    [InlineData("KS 2023/45.1", "Remissvar KS 2023-45.1.xlsx")]
    [InlineData("Dnr: \"7\"?", "Remissvar Dnr 7.xlsx")]
    public void The_file_is_named_Remissvar_and_the_diarienummer_cleaned(string diarienummer, string expected)
    {
        var remiss = A.DraftRemiss();
        remiss.UpdateDetails(remiss.Title, diarienummer, "<p>Förslaget.</p>", A.Deadline, A.Today);

        Assert.Equal(expected, SpreadsheetDocuments.FileName(remiss));
    }

    private static void AssertDate(SpreadsheetInspection sheet, string reference, DateOnly date)
    {
        var cell = sheet.Cell("Remissinstanser", reference)!;
        Assert.Null(cell.DataType);
        Assert.Equal(date.DayNumber - new DateOnly(1899, 12, 30).DayNumber, int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(sheet.IsDate(cell), $"{reference} has no date format.");
    }

    private static IReadOnlyList<string> Svar(SpreadsheetInspection sheet, int question, string recipient) =>
        sheet.Rows("Svar").Single(r => r[0] == question.ToString(System.Globalization.CultureInfo.InvariantCulture) && r[2] == recipient);

    /// <summary>Two synpunkter as the office took them: one on question 1 with a bemötande and two themes, one from a Sammanfattning.</summary>
    internal static ReviewSnapshot Review(DocumentScenario scenario)
    {
        var trygghet = Theme.Create(scenario.Remiss, "Trygghet", []);
        var samordning = Theme.Create(scenario.Remiss, "Samordning", [trygghet]);
        Theme[] themes = [trygghet, samordning];
        RaisedPoint[] points =
        [
            RaisedPoint.Raise(
                scenario.Remiss, scenario.RecipientNamed(DocumentScenario.Formatted), PointSource.Question(1),
                new PointContent("Trygghet först.", "Vi tar med det.", Disposition.Considered, [trygghet.Id, samordning.Id]), themes, A.Handlaggare, A.Now),
            RaisedPoint.Raise(
                scenario.Remiss, scenario.RecipientNamed(DocumentScenario.Hostile), PointSource.InSection(PointSource.SummarySection),
                new PointContent("Det kostar.", null, null, []), themes, A.Handlaggare, A.Now),
        ];
        return new ReviewSnapshot(points, [samordning, trygghet], []);
    }

    private SpreadsheetInspection Export(SpreadsheetStrings strings = SpreadsheetExport.DefaultStrings)
    {
        var content = SpreadsheetRows.Of(_scenario.Remiss, _scenario.Recipients, _scenario.Organisations.ToDictionary(o => o.Id), TenantCalendar.Stockholm(), Review(_scenario));
        using var output = new MemoryStream();
        SpreadsheetExport.Write(output, content, strings);
        return new SpreadsheetInspection(output.ToArray());
    }
}
