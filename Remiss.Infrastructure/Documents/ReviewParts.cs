namespace Remiss.Infrastructure.Documents;

using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Remisser;

/// <summary>
/// The office's work in the sammanställning, as a "sammanställning av remissvar med kommentarer" has it: under each
/// question its Kommentar and a table of the synpunkter with their bemötanden and ställningstaganden; the synpunkter
/// made outside the questions, per section of the yttrande; and an appendix of the themes. Synpunkter are listed by
/// remissinstans in Swedish order, each remissinstans's in the order they were raised.
/// </summary>
internal sealed class ReviewParts
{
    private const string Missing = "–";

    private static readonly string[] PointHeaders = ["Remissinstans", "Synpunkt", "Bemötande", "Ställningstagande"];

    /// <summary>
    /// 9 points: four columns on a portrait page. Even so the names (Stadsbyggnadsnämnden) and the heading
    /// Ställningstagande need about a quarter of the width each not to be broken inside a word; the rest is the synpunkt's
    /// and the bemötande's.
    /// </summary>
    private const int TableHalfPoints = 18;

    private static readonly int[] PointWidths = [28, 24, 24, 24];

    private readonly ReviewSnapshot _review;
    private readonly Dictionary<Guid, string> _names;

    public ReviewParts(ReviewSnapshot review, IReadOnlyList<Recipient> recipients, DocumentContext context)
    {
        _review = review;
        _names = recipients.ToDictionary(r => r.Id, r => context.NameOf(r.OrganisationId));
    }

    /// <summary>Whether there is anything of the office's to write: a synpunkt, or a Kommentar with text.</summary>
    public static bool HasWork(ReviewSnapshot? review) => review is { IsEmpty: false };

    /// <summary>Kommentar till fråga N, the office's summary of what was said, when written.</summary>
    public void Comment(WordDocumentWriter writer, int questionNumber)
    {
        if (_review.CommentOn(questionNumber) is not { Text: { } text } || string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        writer.Heading(3, "Kommentar");
        Paragraphs(writer, text);
    }

    /// <summary>The synpunkter on one question, with their bemötanden, after its tally.</summary>
    public void PointsOn(WordDocumentWriter writer, int questionNumber)
    {
        var points = _review.PointsOn(questionNumber).ToList();
        if (points.Count == 0)
        {
            return;
        }

        writer.Heading(3, "Synpunkter och bemötanden");
        PointTable(writer, points);
    }

    /// <summary>Synpunkter taken from the Sammanfattning, the general views or a standard section, per section.</summary>
    public void OutsideQuestions(WordDocumentWriter writer)
    {
        var points = _review.PointsOutsideQuestions.ToList();
        if (points.Count == 0)
        {
            return;
        }

        writer.Heading(1, "Synpunkter utanför remissfrågorna");
        foreach (var section in points.GroupBy(p => p.Section ?? string.Empty).OrderBy(g => SectionOrder(g.Key)).ThenBy(g => g.Key, SwedishOrder.Comparer))
        {
            writer.Heading(2, section.Key);
            PointTable(writer, [.. section]);
        }
    }

    /// <summary>Every theme (the snapshot has them in Swedish order) with its synpunkter: where each was made, by whom, and what became of it.</summary>
    public void ThemesAppendix(WordDocumentWriter writer)
    {
        if (_review.Themes.Count == 0)
        {
            return;
        }

        writer.PageBreak();
        writer.Heading(1, "Bilaga: teman");
        foreach (var theme in _review.Themes)
        {
            writer.Heading(2, theme.Name);
            var points = _review.PointsUnder(theme).ToList();
            if (points.Count == 0)
            {
                writer.Paragraph("Inga synpunkter har det här temat.", italic: true);
                continue;
            }

            writer.Table(
                ["Remissinstans", "Fråga eller avsnitt", "Synpunkt", "Ställningstagande"],
                InRecipientOrder(points).Select(p => (IReadOnlyList<string>)[NameOf(p), Where(p), p.Text, Disposition(p)]),
                [28, 20, 28, 24],
                TableHalfPoints);
        }
    }

    private void PointTable(WordDocumentWriter writer, List<RaisedPoint> points) =>
        writer.Table(
            PointHeaders,
            InRecipientOrder(points).Select(p => (IReadOnlyList<string>)[NameOf(p), p.Text, string.IsNullOrWhiteSpace(p.Reply) ? Missing : p.Reply, Disposition(p)]),
            PointWidths,
            TableHalfPoints);

    private IEnumerable<RaisedPoint> InRecipientOrder(List<RaisedPoint> points) =>
        points.OrderBy(NameOf, SwedishOrder.Comparer).ThenBy(p => p.CreatedAt);

    private string NameOf(RaisedPoint point) => _names.TryGetValue(point.RecipientId, out var name) ? name : string.Empty;

    private static string Disposition(RaisedPoint point) => point.Disposition is { } disposition ? Dispositions.Label(disposition) : Missing;

    private static string Where(RaisedPoint point) =>
        point.QuestionNumber is { } number ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Fråga {number}") : point.Section ?? string.Empty;

    /// <summary>The yttrande's own order: Sammanfattning, Övergripande synpunkter, then the standard sections.</summary>
    private static int SectionOrder(string section) => section switch
    {
        PointSource.SummarySection => 0,
        PointSource.GeneralViewsSection => 1,
        _ => 2,
    };

    /// <summary>A plain text the office wrote, its lines as paragraphs.</summary>
    private static void Paragraphs(WordDocumentWriter writer, string text)
    {
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            writer.Paragraph(line);
        }
    }
}
