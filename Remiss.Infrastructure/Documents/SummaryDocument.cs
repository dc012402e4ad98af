namespace Remiss.Infrastructure.Documents;

using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Documents.QuestionTypes;
using Remiss.Infrastructure.Remisser;

/// <summary>
/// Sammanställning av remissvar, in domain.md's order: title page; the Remissinstanser table; per question the
/// question, its tally and every answering recipient's answer under its name (with those who declined or did
/// not answer named); the general views and standard sections per recipient; optionally every yttrande in full.
/// While answers can still come in, it says "Preliminär" and the date. Needs the remiss and every one of its
/// remissinstanser, each loaded whole.
/// With the office's work (the review given to <see cref="Write"/>: comments and synpunkter) each question
/// also gets its Kommentar before the tally and its synpunkter with their bemötanden after it, synpunkter made
/// outside the questions get a section of their own, and the themes an appendix (see <see cref="ReviewParts"/>);
/// without any, the document is as it always was.
/// </summary>
public static class SummaryDocument
{
    public static void Write(
        Stream output, Domain.Remisser.Remiss remiss, IReadOnlyList<Recipient> remissinstanser, DocumentContext context, bool withResponses, ReviewSnapshot? review = null)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        ArgumentNullException.ThrowIfNull(context);
        var recipients = remissinstanser.OrderBy(r => context.NameOf(r.OrganisationId), SwedishOrder.Comparer).ToList();
        var answering = recipients.Where(r => r.Status == RecipientStatus.Submitted && r.Response is not null).ToList();
        var preliminary = !remiss.HasFinalAnswers;
        var work = ReviewParts.HasWork(review) ? new ReviewParts(review!, recipients, context) : null;

        using var writer = WordDocumentWriter.Create(
            output, context.Template, $"{remiss.Diarienummer ?? remiss.Title} · Sammanställning av remissvar{(preliminary ? " · Preliminär" : string.Empty)}");
        TitlePage(writer, remiss, context, recipients, preliminary);
        RecipientTable(writer, remiss, context, recipients);
        Summaries(writer, context, answering);
        Questions(writer, remiss, context, recipients, answering, work);
        work?.OutsideQuestions(writer);
        GeneralViews(writer, context, answering);
        work?.ThemesAppendix(writer);
        if (withResponses)
        {
            Appendix(writer, remiss, context, answering);
        }

        writer.Finish(new WordProperties(
            remiss.Title,
            remiss.Diarienummer,
            context.NameOf(remiss.OwnerOrganisationId),
            preliminary ? $"Preliminär {SwedishDates.Date(context.Today)}" : "Slutlig",
            context.NowUtc,
            "Sammanställning av remissvar"));
    }

    private static void TitlePage(WordDocumentWriter writer, Domain.Remisser.Remiss remiss, DocumentContext context, List<Recipient> recipients, bool preliminary)
    {
        writer.Paragraph(context.TenantName, writer.Styles.Subtitle);
        writer.Paragraph("Sammanställning av remissvar", writer.Styles.Subtitle);
        writer.Paragraph(remiss.Title, writer.Styles.Title);
        if (preliminary)
        {
            writer.Paragraph($"Preliminär {SwedishDates.Date(context.Today)}", bold: true);
            writer.Paragraph("Remissen är inte stängd: fler yttranden kan komma in och sammanställningen kan ändras.", italic: true);
        }

        writer.Labelled("Diarienummer", remiss.Diarienummer ?? "–");
        writer.Labelled("Avsändare", context.NameOf(remiss.OwnerOrganisationId));
        writer.Labelled("Skickad", remiss.SentAt is { } sent ? context.DateOf(sent) : "Inte skickad");
        writer.Labelled("Sista svarsdag", remiss.Deadline is { } deadline ? SwedishDates.Date(deadline) : "–");
        writer.Labelled("Sammanställningen gjord", SwedishDates.Date(context.Today));
        var submitted = recipients.Count(r => r.Status == RecipientStatus.Submitted);
        var declined = recipients.Count(r => r.Status == RecipientStatus.Declined);
        writer.Labelled(
            "Svar",
            $"{submitted} av {SwedishPlural.Count(recipients.Count, "remissinstans", "remissinstanser")} har yttrat sig, {declined} avstår, {recipients.Count - submitted - declined} har inte svarat.");
        writer.PageBreak();
    }

    private static void RecipientTable(WordDocumentWriter writer, Domain.Remisser.Remiss remiss, DocumentContext context, List<Recipient> recipients)
    {
        writer.Heading(1, "Remissinstanser");
        writer.Table(
            ["Remissinstans", "Status", "Inkommet", "Beslut", "Anstånd"],
            recipients.Select(r => (IReadOnlyList<string>)
            [
                context.NameOf(r.OrganisationId),
                AnswerLabels.InSummary(r.Status),
                r.SubmittedAt is { } at ? context.DateOf(at) : r.DeclinedAt is { } declined ? context.DateOf(declined) : string.Empty,
                r.Status == RecipientStatus.Submitted ? YttrandeParts.DecisionSummary(r.Response?.Decision) : string.Empty,
                ExtensionText(r),
            ]),
            [32, 16, 17, 19, 16]);
    }

    /// <summary>Each remissinstans's Sammanfattning, the text a handläggare reads first, right after the table.</summary>
    private static void Summaries(WordDocumentWriter writer, DocumentContext context, List<Recipient> answering)
    {
        writer.Heading(1, "Sammanfattningar");
        if (answering.Count == 0)
        {
            writer.Paragraph("Inga yttranden har kommit in.", italic: true);
        }

        foreach (var recipient in answering)
        {
            writer.Heading(2, context.NameOf(recipient.OrganisationId));
            if (Response.IsBlankHtml(recipient.Response!.Summary))
            {
                writer.Paragraph("Ingen sammanfattning.", italic: true);
            }
            else
            {
                writer.RichText(recipient.Response.Summary);
            }
        }
    }

    private static void Questions(
        WordDocumentWriter writer, Domain.Remisser.Remiss remiss, DocumentContext context, List<Recipient> recipients, List<Recipient> answering, ReviewParts? work)
    {
        var declined = recipients.Where(r => r.Status == RecipientStatus.Declined).ToList();
        // Who has not answered is said once, in the Remissinstanser table; under a question only how many.
        var silent = recipients.Count(r => r.Status is not (RecipientStatus.Submitted or RecipientStatus.Declined));
        writer.Heading(1, "Svar per remissfråga");
        foreach (var question in remiss.Questions)
        {
            writer.Heading(2, YttrandeParts.QuestionHeading(question));
            work?.Comment(writer, question.Number);
            var answers = answering.Select(r => r.Response!.AnswerTo(question)).OfType<Answer>().ToList();
            QuestionTypeWords.Of(question.Type).Tally(writer, question, answers);
            work?.PointsOn(writer, question.Number);
            foreach (var recipient in answering)
            {
                writer.Heading(3, context.NameOf(recipient.OrganisationId));
                YttrandeParts.Answer(writer, question, recipient.Response!.AnswerTo(question));
            }

            if (declined.Count > 0)
            {
                writer.Labelled("Avstår", string.Join(", ", declined.Select(r => context.NameOf(r.OrganisationId))));
            }

            if (silent > 0)
            {
                writer.Paragraph(NotAnswered(silent), italic: true);
            }
        }
    }

    private static void GeneralViews(WordDocumentWriter writer, DocumentContext context, List<Recipient> answering)
    {
        writer.Heading(1, "Övergripande synpunkter och standardavsnitt");
        if (answering.Count == 0)
        {
            writer.Paragraph("Inga yttranden har kommit in.", italic: true);
        }

        foreach (var recipient in answering)
        {
            var response = recipient.Response!;
            writer.Heading(2, context.NameOf(recipient.OrganisationId));
            var wrote = false;
            if (!Response.IsBlankHtml(response.GeneralViews))
            {
                writer.Heading(3, "Övergripande synpunkter");
                writer.RichText(response.GeneralViews);
                wrote = true;
            }

            foreach (var section in response.Sections.Where(s => !Response.IsBlankHtml(s.Text)))
            {
                writer.Heading(3, section.Name);
                writer.RichText(section.Text);
                wrote = true;
            }

            if (!wrote)
            {
                writer.Paragraph("Inga övergripande synpunkter eller standardavsnitt.", italic: true);
            }
        }
    }

    private static void Appendix(WordDocumentWriter writer, Domain.Remisser.Remiss remiss, DocumentContext context, List<Recipient> answering)
    {
        writer.PageBreak();
        writer.Heading(1, "Bilaga: yttrandena i sin helhet");
        foreach (var recipient in answering)
        {
            writer.Heading(2, $"Yttrande från {context.NameOf(recipient.OrganisationId)}");
            if (recipient.SubmittedAt is { } submitted)
            {
                writer.Labelled("Inkommet", context.DateOf(submitted));
            }

            YttrandeParts.Body(writer, remiss, recipient.Response!, 3);
        }
    }

    internal static string NotAnswered(int count) =>
        $"{SwedishPlural.Count(count, "remissinstans", "remissinstanser")} har inte svarat.";

    private static string ExtensionText(Recipient recipient) =>
        string.Join("; ", recipient.Extensions.OrderBy(e => e.RequestedAt).Select(e => e.Status switch
        {
            ExtensionStatus.Granted => $"Beviljat till {SwedishDates.Date(e.GrantedDeadline ?? e.RequestedDeadline)}",
            ExtensionStatus.Requested => $"Begärt till {SwedishDates.Date(e.RequestedDeadline)}",
            _ when e.DecidedByUserId is not null => $"Avslaget ({SwedishDates.Date(e.RequestedDeadline)})",
            _ => null,
        }).OfType<string>());
}
