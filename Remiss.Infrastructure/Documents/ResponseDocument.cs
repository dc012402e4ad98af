namespace Remiss.Infrastructure.Documents;

using Remiss.Domain.Common;
using Remiss.Domain.Remisser;

/// <summary>
/// One recipient's yttrande laid out like a Malmö yttrande, for its nämnd's agenda: the tenant and organisation,
/// date, the sender's reference (diarienummer) and addressee, the remiss's title, then Sammanfattning,
/// Övergripande synpunkter, the answers under their questions, the standard sections, Beslut and Ansvariga.
/// </summary>
public static class ResponseDocument
{
    public static void Write(Stream output, Domain.Remisser.Remiss remiss, Recipient recipient, DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(context);
        var response = recipient.Response ?? throw new InvalidOperationException("The recipient has no yttrande.");
        var organisation = context.NameOf(recipient.OrganisationId);
        var date = recipient.SubmittedAt is { } submitted ? context.DateOf(submitted) : SwedishDates.Date(context.Today);

        using var writer = WordDocumentWriter.Create(output, context.Template, $"{organisation} · Yttrande {remiss.Diarienummer}");
        writer.Paragraph(context.TenantName, writer.Styles.Subtitle);
        writer.Paragraph(organisation, bold: true);
        writer.Paragraph("Yttrande", bold: true);
        writer.Labelled("Datum", date);
        writer.Labelled("Diarienummer", remiss.Diarienummer ?? "–");
        writer.Labelled("Till", context.NameOf(remiss.OwnerOrganisationId));
        if (!response.IsSubmitted)
        {
            writer.Paragraph("Utkast: yttrandet är inte inskickat.", bold: true);
        }

        writer.Paragraph($"Yttrande över remissen {remiss.Title}", writer.Styles.Title);
        YttrandeParts.Body(writer, remiss, response, 1);
        writer.Finish(new WordProperties(
            $"Yttrande: {remiss.Title}",
            remiss.Diarienummer,
            organisation,
            response.IsSubmitted ? "Inskickat" : "Utkast",
            context.NowUtc,
            "Yttrande"));
    }
}
