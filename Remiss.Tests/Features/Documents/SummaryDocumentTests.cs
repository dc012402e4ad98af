namespace Remiss.Tests.Features.Documents;

using DocumentFormat.OpenXml.Wordprocessing;
using Remiss.Infrastructure.Documents;

/// <summary>The sammanställning built from an in-memory remiss, opened with the OpenXml SDK and read back.</summary>
public sealed class SummaryDocumentTests
{
    private readonly DocumentScenario _scenario = new();

    private WordInspection Summary(bool withResponses = false) =>
        WordInspection.Of(output => SummaryDocument.Write(output, _scenario.Remiss, _scenario.Recipients, WordInspection.Context(_scenario.Names), withResponses));

    [Fact]
    public void The_summary_is_valid_Open_XML_with_and_without_the_appendix()
    {
        foreach (var withResponses in new[] { false, true })
        {
            using var document = Summary(withResponses);
            var errors = document.ValidationErrors();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }

    [Fact]
    public void Its_title_page_names_the_remiss_its_diarienummer_sender_dates_and_says_preliminary_while_open()
    {
        using var document = Summary();
        var texts = document.Paragraphs().Select(p => p.Text).ToList();
        Assert.Contains(document.Paragraphs(), p => p.Style == "Title" && p.Text == _scenario.Remiss.Title);
        Assert.Contains("Diarienummer: STK-2023-137", texts);
        Assert.Contains("Avsändare: Stadskontoret", texts);
        Assert.Contains("Skickad: 23 november 2026", texts);
        Assert.Contains("Sista svarsdag: 31 december 2026", texts);
        Assert.Contains("Sammanställningen gjord: 25 november 2026", texts);
        Assert.Contains("Preliminär 25 november 2026", texts);
        Assert.Equal("Preliminär 25 november 2026", document.Package.PackageProperties.ContentStatus);
        Assert.Equal(_scenario.Remiss.Title, document.Package.PackageProperties.Title);
        Assert.Equal("STK-2023-137", document.Package.PackageProperties.Subject);
    }

    [Fact]
    public void A_closed_remiss_gives_a_final_summary_without_the_preliminary_mark()
    {
        _scenario.Remiss.Close(TestSupport.A.Now.AddDays(1));
        using var document = Summary();
        Assert.DoesNotContain(document.Paragraphs(), p => p.Text.StartsWith("Preliminär ", StringComparison.Ordinal) || p.Text.Contains("inte stängd", StringComparison.Ordinal));
        Assert.DoesNotContain("Preliminär", WordInspection.TextOf(document.Package.MainDocumentPart!.FooterParts.Single().Footer!), StringComparison.Ordinal);
        Assert.Equal("Slutlig", document.Package.PackageProperties.ContentStatus);
    }

    [Fact]
    public void A_preliminary_answer_completed_with_the_namnds_decision_shows_its_date_and_paragraph()
    {
        var preliminary = _scenario.RecipientNamed(DocumentScenario.Hostile);
        preliminary.ConfirmDecision(
            new Remiss.Domain.Remisser.DecisionContent(Remiss.Domain.Remisser.DecisionKind.BoardDecision, DocumentScenario.Hostile, new DateOnly(2027, 1, 20), "§ 45"),
            null,
            TestSupport.A.Namndsekreterare,
            TestSupport.A.Now);

        using var document = Summary();

        var rows = WordInspection.Rows(document.Tables[0]);
        Assert.Equal("20 januari 2027, § 45", rows.Single(r => r[0] == DocumentScenario.Hostile)[3]);
    }

    [Fact]
    public void The_remissinstanser_table_lists_every_recipient_in_Swedish_order_with_status_dates_decision_and_anstand()
    {
        using var document = Summary();
        Assert.Equal(1, document.Headings().Count(h => h == (1, "Remissinstanser")));
        var table = document.Tables[0];
        Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>());
        var rows = WordInspection.Rows(table);
        Assert.Equal(["Remissinstans", "Status", "Inkommet", "Beslut", "Anstånd"], rows[0]);
        Assert.Equal(DocumentScenario.RecipientsInSwedishOrder, rows.Skip(1).Select(r => r[0]));
        var byName = rows.Skip(1).ToDictionary(r => r[0]);
        Assert.Equal(["Zoonämnden", "Inkommet", "23 november 2026", "20 december 2026, § 123", ""], byName[DocumentScenario.Formatted]);
        Assert.Equal("Preliminärt svar", byName[DocumentScenario.Hostile][3]);
        Assert.Equal("Avstår", byName[DocumentScenario.Declining][1]);
        Assert.Equal("Ej inkommet", byName[DocumentScenario.Drafting][1]);
        Assert.Equal("Ej inkommet", byName[DocumentScenario.Silent][1]);
        Assert.Equal("Beviljat till 31 januari 2027", byName[DocumentScenario.Extended][4]);
    }

    [Fact]
    public void Every_question_comes_in_number_order_with_its_tally_and_each_answer_under_the_recipients_name()
    {
        using var document = Summary();
        var questions = document.Headings().Where(h => h.Level == 2 && h.Text.StartsWith("Fråga ", StringComparison.Ordinal)).Select(h => h.Text).ToList();
        Assert.Equal(_scenario.Remiss.Questions.Select(q => $"Fråga {q.Number}. {q.Text}"), questions);

        var first = document.Under(questions[0], 2);
        Assert.Contains("Första stycket med fet och kursiv text och en länk.", first);
        Assert.Contains("Avstår: Miljönämnden", first);
        Assert.Contains("3 remissinstanser har inte svarat.", first);
        Assert.DoesNotContain(first, p => p.Contains("Ängsbolaget", StringComparison.Ordinal));
        Assert.Equal(
            [DocumentScenario.Formatted, DocumentScenario.Hostile],
            document.Headings().SkipWhile(h => h.Text != questions[0]).Skip(1).TakeWhile(h => h.Level == 3).Select(h => h.Text));
        Assert.Contains("Motivering från Zoonämnden.", document.Under(DocumentScenario.Formatted, 3, occurrence: 1));
        Assert.Contains("Ställningstagande: Tillstyrker delvis", document.Under(DocumentScenario.Formatted, 3, occurrence: 1));
        Assert.Contains("Ställningstagande: Avstyrker", document.Under(DocumentScenario.Hostile, 3, occurrence: 1));
    }

    [Fact]
    public void Tallies_count_positions_per_kind_choices_per_option_and_traffic_lights_per_item_and_colour()
    {
        using var document = Summary();
        var tables = document.Tables.Select(WordInspection.Rows).ToList();
        var positions = tables.Single(t => t[0][0] == "Ställningstagande");
        Assert.Equal([["Tillstyrker", "0"], ["Tillstyrker delvis", "1"], ["Avstyrker", "1"], ["Inga synpunkter", "0"]], positions.Skip(1));
        var choices = tables.Where(t => t[0][0] == "Alternativ").ToList();
        Assert.Equal([["Ja", "1"], ["Nej", "1"], ["Delvis", "0"]], choices[0].Skip(1));
        Assert.Equal([["MKB", "1"], ["Zoonämnden", "1"]], choices[1].Skip(1));
        var lights = tables.First(t => t[0] is ["Punkt", "Grönt", "Gult", "Rött", "Ej bedömd"]);
        Assert.Equal([["Trygghet", "1", "0", "1", "0"], ["Boende", "0", "0", "2", "0"], ["Arbete", "1", "1", "0", "0"]], lights.Skip(1));
    }

    [Fact]
    public void Each_remissinstans_summary_has_a_section_of_its_own_right_after_the_recipient_table()
    {
        using var document = Summary();
        var chapters = document.Headings().Where(h => h.Level == 1).Select(h => h.Text).ToList();

        Assert.Equal(chapters.IndexOf("Remissinstanser") + 1, chapters.IndexOf("Sammanfattningar"));
        Assert.Contains("Zoonämnden ställer sig positiv.", document.Under(DocumentScenario.Formatted, 2));
    }

    [Theory]
    [InlineData(1, "1 remissinstans har inte svarat.")]
    [InlineData(3, "3 remissinstanser har inte svarat.")]
    public void Under_a_question_only_the_number_of_silent_recipients_is_said(int count, string text)
    {
        Assert.Equal(text, SummaryDocument.NotAnswered(count));
    }

    [Fact]
    public void General_views_and_standard_sections_follow_per_recipient_and_the_appendix_holds_every_yttrande_in_full()
    {
        using var document = Summary(withResponses: true);
        var views = document.Under(DocumentScenario.Formatted, 2, occurrence: 1);
        Assert.Contains("Övergripande från Zoonämnden.", views);
        Assert.Contains("Barnen i Zoonämnden.", views);
        Assert.Contains("Kostar pengar.", views);
        var appendix = document.Under("Yttrande från Zoonämnden", 2);
        Assert.Contains("Zoonämnden ställer sig positiv.", appendix);
        Assert.Contains("Eva Svensson, Förvaltningschef", appendix);
        Assert.Contains("Paragraf: § 123", appendix);
        Assert.DoesNotContain(document.Headings(), h => h.Text == "Yttrande från Ängsbolaget");

        using var without = Summary();
        Assert.DoesNotContain(without.Headings(), h => h.Text.StartsWith("Yttrande från", StringComparison.Ordinal));
    }

    [Fact]
    public void Formatted_answers_keep_lists_as_Word_numbering_bold_italic_and_links_as_hyperlink_relationships()
    {
        using var document = Summary();
        var paragraphs = document.Body.Descendants<Paragraph>().ToList();
        var bullet = paragraphs.First(p => WordInspection.TextOf(p) == "Trygghet" && p.ParagraphProperties?.NumberingProperties is not null);
        var numbered = paragraphs.First(p => WordInspection.TextOf(p) == "Ett");
        var bulletId = bullet.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value;
        var numberedId = numbered.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value;
        var numbering = document.Package.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!;
        string FormatOf(int id)
        {
            var abstractId = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == id).AbstractNumId!.Val!.Value;
            return numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId!.Value == abstractId).Elements<Level>().First().NumberingFormat!.Val!.ToString()!;
        }

        Assert.Equal("bullet", FormatOf(bulletId));
        Assert.Equal("decimal", FormatOf(numberedId));

        var first = paragraphs.First(p => WordInspection.TextOf(p).StartsWith("Första stycket", StringComparison.Ordinal));
        Assert.Contains(first.Descendants<Run>(), r => r.RunProperties?.Bold is not null && WordInspection.TextOf(r) == "fet");
        Assert.Contains(first.Descendants<Run>(), r => r.RunProperties?.Italic is not null && WordInspection.TextOf(r) == "kursiv");
        var link = Assert.Single(first.Descendants<Hyperlink>());
        Assert.Equal("länk", WordInspection.TextOf(link));
        var relationship = document.Package.MainDocumentPart.HyperlinkRelationships.Single(r => r.Id == link.Id);
        Assert.Equal(new Uri("https://malmo.se/omradeslyft"), relationship.Uri);
        Assert.True(relationship.IsExternal);
    }

    [Fact]
    public void Hostile_answers_end_up_as_inert_text_without_fields_or_invalid_characters()
    {
        using var document = Summary(withResponses: true);
        var xml = document.DocumentXml;
        Assert.DoesNotContain("fldSimple", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("instrText", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("fldChar", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", xml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\u0001', xml);
        Assert.DoesNotContain('\u000B', xml);
        var hostile = document.Under(DocumentScenario.Hostile, 3);
        Assert.Contains(hostile, t => t.Contains("<script>alert(1)</script> { INCLUDETEXT \"c:\\\\x\" } MERGEFIELD Namn kontroll tecken", StringComparison.Ordinal));
        Assert.Empty(document.ValidationErrors());
    }

    [Fact]
    public void Headings_use_heading_styles_with_outline_levels_and_the_footer_numbers_the_pages()
    {
        using var document = Summary();
        var styles = document.Package.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToList();
        foreach (var level in new[] { 1, 2, 3 })
        {
            var style = styles.Single(s => s.StyleName?.Val?.Value == $"heading {level}");
            Assert.Equal(level - 1, style.StyleParagraphProperties?.OutlineLevel?.Val?.Value);
        }

        var footer = Assert.Single(document.Package.MainDocumentPart.FooterParts);
        Assert.Contains(footer.Footer!.Descendants<SimpleField>(), f => f.Instruction?.Value?.Trim() == "PAGE");
    }
}
