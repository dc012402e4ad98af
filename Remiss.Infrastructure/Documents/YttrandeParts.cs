namespace Remiss.Infrastructure.Documents;

using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Documents.QuestionTypes;

/// <summary>
/// The parts of an yttrande as Word paragraphs, shared by the yttrande document and the sammanställning
/// (which quotes answers per question and, in its appendix, every yttrande in full).
/// </summary>
internal static class YttrandeParts
{
    /// <summary>One answer: "Inga synpunkter", the type's own part (position, choices, traffic lights) and the text, in that order.</summary>
    public static void Answer(WordDocumentWriter writer, Question question, Answer? answer)
    {
        if (answer is null || !(answer.Counts(question) || !Response.IsBlankHtml(answer.Text) || answer.Value is not null))
        {
            writer.Paragraph("Har inte svarat på frågan.", italic: true);
            return;
        }

        if (answer.NoComments)
        {
            writer.Paragraph("Inga synpunkter.", bold: true);
        }

        QuestionTypeWords.Of(question.Type).Answer(writer, question, answer);
        writer.RichText(answer.Text);
    }

    /// <summary>
    /// The yttrande in domain.md's order: Sammanfattning, Övergripande synpunkter, the answers, the standard
    /// sections, Beslut, Ansvariga, Bilagor. Its parts are headings of <paramref name="level"/>, the questions one below.
    /// </summary>
    public static void Body(WordDocumentWriter writer, Domain.Remisser.Remiss remiss, Response response, int level)
    {
        var questionLevel = Math.Min(3, level + 1);
        if (!Response.IsBlankHtml(response.Summary))
        {
            writer.Heading(level, "Sammanfattning");
            writer.RichText(response.Summary);
        }

        if (!Response.IsBlankHtml(response.GeneralViews))
        {
            writer.Heading(level, "Övergripande synpunkter");
            writer.RichText(response.GeneralViews);
        }

        writer.Heading(level, "Svar på remissfrågorna");
        foreach (var question in remiss.Questions)
        {
            writer.Heading(questionLevel, QuestionHeading(question));
            Answer(writer, question, response.AnswerTo(question));
        }

        foreach (var section in response.Sections.Where(s => !Response.IsBlankHtml(s.Text)))
        {
            writer.Heading(level, section.Name);
            writer.RichText(section.Text);
        }

        if (response.Decision is { } decision)
        {
            writer.Heading(level, "Beslut");
            Decision(writer, decision);
        }

        if (response.Signatories.Count > 0)
        {
            writer.Heading(level, "Ansvariga");
            foreach (var signatory in response.Signatories)
            {
                writer.Paragraph(signatory.Title is null ? signatory.Name : $"{signatory.Name}, {signatory.Title}");
            }
        }

        if (response.Attachments.Count > 0)
        {
            writer.Heading(level, "Bilagor");
            foreach (var attachment in response.Attachments)
            {
                writer.Paragraph(attachment.FileName);
            }
        }
    }

    public static string QuestionHeading(Question question) => $"Fråga {question.Number}. {question.Text}";

    /// <summary>The decision in a few words, for the Remissinstanser table: "20 december 2023, § 123" or "Preliminärt svar".</summary>
    public static string DecisionSummary(Decision? decision)
    {
        if (decision is null)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        if (decision.Kind == DecisionKind.PreliminaryAnswer)
        {
            parts.Add("Preliminärt svar");
        }

        if (decision.DecisionDate is { } date)
        {
            parts.Add(SwedishDates.Date(date));
        }

        if (decision.Paragraph is { } paragraph)
        {
            parts.Add(paragraph);
        }

        return string.Join(", ", parts);
    }

    private static void Decision(WordDocumentWriter writer, Decision decision)
    {
        writer.Labelled("Typ av beslut", AnswerLabels.Of(decision.Kind));
        if (decision.DecidedBy is { } decidedBy)
        {
            writer.Labelled("Beslutande organ", decidedBy);
        }

        if (decision.DecisionDate is { } date)
        {
            writer.Labelled("Beslutsdatum", SwedishDates.Date(date));
        }

        if (decision.Paragraph is { } paragraph)
        {
            writer.Labelled("Paragraf", paragraph);
        }
    }
}
