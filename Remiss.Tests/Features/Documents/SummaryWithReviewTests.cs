namespace Remiss.Tests.Features.Documents;

using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Documents;
using Remiss.Infrastructure.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// The sammanställning with the office's work: each question's Kommentar, tally and synpunkter with bemötanden, the
/// synpunkter outside the questions per section, and an appendix of themes. Without any work it is as it always was.
/// </summary>
public sealed partial class SummaryWithReviewTests
{
    private readonly DocumentScenario _scenario = new();

    private WordInspection Summary(ReviewSnapshot? review, bool withResponses = false) =>
        WordInspection.Of(output => SummaryDocument.Write(output, _scenario.Remiss, _scenario.Recipients, WordInspection.Context(_scenario.Names), withResponses, review));

    /// <summary>
    /// Zoonämnden's answer to question 1 gives two synpunkter (one under the theme Samordning, with a bemötande of two
    /// paragraphs), Åkernämnden's one without bemötande or ställningstagande; Zoonämnden's Ekonomiska konsekvenser and
    /// its general views give one each; question 1 has a Kommentar, question 2 an empty one; the theme Ekonomi has none.
    /// </summary>
    private ReviewSnapshot Work()
    {
        var remiss = _scenario.Remiss;
        var samordning = Theme.Create(remiss, "Samordning", []);
        var ekonomi = Theme.Create(remiss, "Ekonomi", [samordning]);
        Theme[] themes = [samordning, ekonomi];
        var zoo = _scenario.RecipientNamed(DocumentScenario.Formatted);
        var akern = _scenario.RecipientNamed(DocumentScenario.Hostile);
        RaisedPoint Raise(Recipient recipient, PointSource source, PointContent content, int minutes) =>
            RaisedPoint.Raise(remiss, recipient, source, content, themes, A.Handlaggare, A.Now.AddMinutes(minutes));

        RaisedPoint[] points =
        [
            Raise(zoo, PointSource.Question(1), new("Tryggheten måste komma först.", "Trygghet är ett av områdeslyftets fyra mål.\nSe avsnitt 3.", Disposition.Considered, [samordning.Id]), 1),
            Raise(akern, PointSource.Question(1), new("Förslaget saknar finansiering.", null, null, []), 2),
            Raise(zoo, PointSource.Question(1), new("Boendet behöver lyftas.", "Noterat.", Disposition.Noted, []), 3),
            Raise(zoo, PointSource.InSection("Ekonomiska konsekvenser"), new("Det kostar pengar.", "Kostnaden bärs av budgeten.", Disposition.PartlyConsidered, [samordning.Id]), 4),
            Raise(zoo, PointSource.InSection(PointSource.GeneralViewsSection), new("Övergripande är det bra.", "Tack.", Disposition.Noted, []), 5),
        ];
        QuestionComment[] comments =
        [
            QuestionComment.Write(remiss, 1, "De flesta ser trygghet som det viktigaste.\nNågra saknar finansiering.", A.Handlaggare, A.Now),
            QuestionComment.Write(remiss, 2, "   ", A.Handlaggare, A.Now),
        ];
        return new ReviewSnapshot([.. points.OrderBy(p => p.QuestionNumber is null).ThenBy(p => p.QuestionNumber).ThenBy(p => p.Section, SwedishOrder.Comparer).ThenBy(p => p.CreatedAt)], [ekonomi, samordning], comments);
    }

    [Fact]
    public void The_summary_with_the_offices_work_is_valid_Open_XML_with_and_without_the_appendix()
    {
        foreach (var withResponses in new[] { false, true })
        {
            using var document = Summary(Work(), withResponses);
            var errors = document.ValidationErrors();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }

    [Fact]
    public void Without_synpunkter_and_comments_the_summary_is_exactly_as_before()
    {
        var remiss = _scenario.Remiss;
        var unused = Theme.Create(remiss, "Oanvänt", []);
        var blank = QuestionComment.Write(remiss, 1, " ", A.Handlaggare, A.Now);

        using var before = Summary(null, withResponses: true);
        foreach (var review in new[] { ReviewSnapshot.Empty, new ReviewSnapshot([], [unused], [blank]) })
        {
            using var after = Summary(review, withResponses: true);
            // Hyperlink relationships get new random ids in every package; all else is the same.
            Assert.Equal(LinkIds().Replace(before.DocumentXml, "r:id=\"?\""), LinkIds().Replace(after.DocumentXml, "r:id=\"?\""));
        }
    }

    [Fact]
    public void Each_question_has_its_comment_then_its_tally_then_its_synpunkter_with_bemotanden()
    {
        using var document = Summary(Work());
        var question = $"Fråga 1. {_scenario.Remiss.Questions[0].Text}";
        var headings = document.Headings().ToList();
        var at = headings.IndexOf((2, question));
        Assert.Equal((3, "Kommentar"), headings[at + 1]);
        Assert.Equal((3, "Synpunkter och bemötanden"), headings[at + 2]);
        Assert.Equal(["De flesta ser trygghet som det viktigaste.", "Några saknar finansiering."], document.Under("Kommentar", 3));

        var table = WordInspection.Rows(document.Tables.Single(t => WordInspection.Rows(t)[0][0] == "Remissinstans" && WordInspection.Rows(t).Any(r => r[1] == "Tryggheten måste komma först.")));
        Assert.Equal(["Remissinstans", "Synpunkt", "Bemötande", "Ställningstagande"], table[0]);
        Assert.Equal(
            [
                ["Zoonämnden", "Tryggheten måste komma först.", "Trygghet är ett av områdeslyftets fyra mål.Se avsnitt 3.", "Beaktas"],
                ["Zoonämnden", "Boendet behöver lyftas.", "Noterat.", "Noteras"],
                ["Åkernämnden", "Förslaget saknar finansiering.", "–", "–"],
            ],
            table.Skip(1));
    }

    [Fact]
    public void The_synpunkter_tables_are_set_in_9_points_so_that_four_columns_fit_without_breaking_words()
    {
        using var document = Summary(Work());
        var table = document.Tables.First(t => WordInspection.Rows(t)[0] is ["Remissinstans", "Synpunkt", "Bemötande", "Ställningstagande"]);
        var runs = table.Descendants<DocumentFormat.OpenXml.Wordprocessing.Run>().ToList();
        Assert.All(runs, r => Assert.Equal("18", r.RunProperties?.FontSize?.Val?.Value));
        var widths = table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableGrid>().Single().Elements<DocumentFormat.OpenXml.Wordprocessing.GridColumn>().Select(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(widths[0] >= widths[1] && widths[3] * 4 >= widths.Sum() * 0.95, string.Join(", ", widths));
        Assert.DoesNotContain(document.Tables[0].Descendants<DocumentFormat.OpenXml.Wordprocessing.FontSize>(), _ => true);
    }

    [Fact]
    public void A_bemotande_of_several_lines_keeps_its_line_breaks_in_the_table()
    {
        using var document = Summary(Work());
        var cell = document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>()
            .Single(c => WordInspection.TextOf(c).StartsWith("Trygghet är ett av", StringComparison.Ordinal) && c.Ancestors<DocumentFormat.OpenXml.Wordprocessing.Table>().First() is var t && WordInspection.Rows(t)[0].Count == 4 && WordInspection.Rows(t)[0][1] == "Synpunkt");
        Assert.Single(cell.Descendants<DocumentFormat.OpenXml.Wordprocessing.Break>());
    }

    [Fact]
    public void A_question_without_comment_or_synpunkter_has_neither_heading()
    {
        using var document = Summary(Work());
        var question = $"Fråga 2. {_scenario.Remiss.Questions[1].Text}";
        var headings = document.Headings().ToList();
        var at = headings.IndexOf((2, question));
        Assert.NotEqual((3, "Kommentar"), headings[at + 1]);
        Assert.DoesNotContain((3, "Synpunkter och bemötanden"), headings.Skip(at + 1).TakeWhile(h => h.Level > 2));
    }

    [Fact]
    public void Synpunkter_outside_the_questions_have_a_section_of_their_own_grouped_by_the_yttrandes_sections()
    {
        using var document = Summary(Work());
        var chapters = document.Headings().Where(h => h.Level == 1).Select(h => h.Text).ToList();
        Assert.Equal(chapters.IndexOf("Svar per remissfråga") + 1, chapters.IndexOf("Synpunkter utanför remissfrågorna"));

        var sections = document.Headings().SkipWhile(h => h.Text != "Synpunkter utanför remissfrågorna").Skip(1).TakeWhile(h => h.Level == 2).Select(h => h.Text).ToList();
        Assert.Equal([PointSource.GeneralViewsSection, "Ekonomiska konsekvenser"], sections);
        Assert.Contains("Det kostar pengar.", document.Under("Ekonomiska konsekvenser", 2));
        Assert.Contains("Kostnaden bärs av budgeten.", document.Under("Ekonomiska konsekvenser", 2));
        Assert.Contains("Beaktas delvis", document.Under("Ekonomiska konsekvenser", 2));
    }

    [Fact]
    public void The_appendix_lists_every_theme_in_Swedish_order_with_its_synpunkter()
    {
        using var document = Summary(Work(), withResponses: true);
        var chapters = document.Headings().Where(h => h.Level == 1).Select(h => h.Text).ToList();
        Assert.Equal(["Bilaga: teman", "Bilaga: yttrandena i sin helhet"], chapters[^2..]);

        var themes = document.Headings().SkipWhile(h => h.Text != "Bilaga: teman").Skip(1).TakeWhile(h => h.Level == 2).Select(h => h.Text).ToList();
        Assert.Equal(["Ekonomi", "Samordning"], themes);
        Assert.Equal(["Inga synpunkter har det här temat."], document.Under("Ekonomi", 2));
        var table = WordInspection.Rows(document.Tables.Single(t => WordInspection.Rows(t)[0][1] == "Fråga eller avsnitt"));
        Assert.Equal(
            [
                ["Zoonämnden", "Fråga 1", "Tryggheten måste komma först.", "Beaktas"],
                ["Zoonämnden", "Ekonomiska konsekvenser", "Det kostar pengar.", "Beaktas delvis"],
            ],
            table.Skip(1));
    }

    [Fact]
    public void Hostile_synpunkter_and_bemotanden_stay_inert_text()
    {
        var remiss = _scenario.Remiss;
        var point = RaisedPoint.Raise(
            remiss, _scenario.RecipientNamed(DocumentScenario.Hostile), PointSource.Question(1),
            new("{ INCLUDETEXT \"c:\\x\" } \u0001<script>", "MERGEFIELD Namn \u000B{ DDEAUTO }", Disposition.NotConsidered, []), [], A.Handlaggare, A.Now);
        using var document = Summary(new ReviewSnapshot([point], [], [QuestionComment.Write(remiss, 1, "{ PAGE } \uFFFE", A.Handlaggare, A.Now)]));

        var xml = document.DocumentXml;
        Assert.DoesNotContain("fldSimple", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("instrText", xml, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0001', xml);
        Assert.Contains(document.Paragraphs(), p => p.Text == "{ INCLUDETEXT \"c:\\x\" } <script>");
        Assert.Empty(document.ValidationErrors());
    }

    [System.Text.RegularExpressions.GeneratedRegex("r:id=\"R[0-9a-f]+\"")]
    private static partial System.Text.RegularExpressions.Regex LinkIds();
}
