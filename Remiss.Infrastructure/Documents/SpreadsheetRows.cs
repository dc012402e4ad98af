namespace Remiss.Infrastructure.Documents;

using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Documents.QuestionTypes;
using Remiss.Infrastructure.Remisser;

/// <summary>
/// The rows of the Excel export from the remiss, its remissinstanser (each loaded whole) and the office's synpunkter
/// (in the order <see cref="RemissReview.ReadAsync"/> gives them). Only a submitted
/// yttrande gives its answers and decision: a draft (also one given back for changes) never leaves the
/// remissinstans, which is then only its status.
/// </summary>
public static class SpreadsheetRows
{
    public const string NotAnswered = "Har inte svarat på frågan.";

    public static SpreadsheetContent Of(
        Domain.Remisser.Remiss remiss,
        IReadOnlyList<Recipient> remissinstanser,
        IReadOnlyDictionary<Guid, Organisation> organisations,
        TenantCalendar calendar,
        ReviewSnapshot review)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        ArgumentNullException.ThrowIfNull(organisations);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(review);
        string NameOf(Recipient r) => organisations.TryGetValue(r.OrganisationId, out var o) ? o.Name : string.Empty;
        string KindOf(Recipient r) => organisations.TryGetValue(r.OrganisationId, out var o) ? OrganisationKinds.Label(o.Kind) : string.Empty;

        var recipients = remissinstanser
            .Select(r => (Recipient: r, Name: NameOf(r), Kind: KindOf(r), Status: AnswerLabels.Of(r.Status), Response: Submitted(r)))
            .OrderBy(r => r.Name, SwedishOrder.Comparer)
            .ToList();

        var answers = new List<AnswerRow>(remiss.Questions.Count * recipients.Count);
        foreach (var question in remiss.Questions)
        {
            var cell = QuestionTypeCells.Of(question.Type);
            foreach (var (_, name, kind, status, response) in recipients)
            {
                if (response is null)
                {
                    answers.Add(new AnswerRow(question.Number, question.Text, name, kind, status, null, null, null));
                    continue;
                }

                var answer = response.AnswerTo(question);
                var decision = response.Decision is { } d ? AnswerLabels.Of(d.Kind) : null;
                if (answer is null || !(answer.Counts(question) || !Response.IsBlankHtml(answer.Text) || answer.Value is not null))
                {
                    answers.Add(new AnswerRow(question.Number, question.Text, name, kind, status, null, NotAnswered, decision));
                    continue;
                }

                var value = cell.Value(question, answer);
                if (answer.NoComments)
                {
                    value = value is null ? "Inga synpunkter" : "Inga synpunkter\n" + value;
                }

                answers.Add(new AnswerRow(question.Number, question.Text, name, kind, status, value, answer.Text, decision));
            }
        }

        var rows = recipients.Select(r =>
        {
            var decision = r.Response?.Decision;
            return new RecipientRow(
                r.Name,
                r.Kind,
                r.Status,
                r.Recipient.Status == RecipientStatus.Submitted && r.Recipient.SubmittedAt is { } submitted ? calendar.Today(submitted) : null,
                r.Recipient.Status == RecipientStatus.Declined && r.Recipient.DeclinedAt is { } declined ? calendar.Today(declined) : null,
                remiss.Deadline is { } deadline ? Recipient.DeadlineOf(deadline, r.Recipient.ExtendedDeadline) : null,
                ExtensionOf(r.Recipient),
                decision is null ? null : AnswerLabels.Of(decision.Kind),
                decision?.DecisionDate,
                decision?.DecidedBy);
        }).ToList();

        var names = recipients.ToDictionary(r => r.Recipient.Id, r => r.Name);
        var points = review.Points.Select(p => new PointRow(
            names.TryGetValue(p.RecipientId, out var name) ? name : string.Empty,
            p.QuestionNumber,
            p.Section,
            p.Text,
            string.Join(", ", review.ThemeNamesOf(p)),
            p.Reply,
            Dispositions.Label(p.Disposition))).ToList();

        return new SpreadsheetContent($"Remissvar {remiss.Diarienummer ?? remiss.Title}", answers, points, rows);
    }

    /// <summary>The yttrande as submitted, or null: nothing of a draft is exported.</summary>
    private static Response? Submitted(Recipient recipient) =>
        recipient.Status == RecipientStatus.Submitted && recipient.Response is { IsSubmitted: true } response ? response : null;

    /// <summary>The latest anstånd that was asked for and not withdrawn: "Beviljat", "Begärt till 31 januari 2027" or "Avslaget".</summary>
    private static string? ExtensionOf(Recipient recipient) =>
        recipient.Extensions
            .Where(e => e.Status != ExtensionStatus.Refused || e.DecidedByUserId is not null)
            .OrderByDescending(e => e.RequestedAt)
            .Select(e => e.Status switch
            {
                ExtensionStatus.Granted => "Beviljat",
                ExtensionStatus.Requested => $"Begärt till {SwedishDates.Date(e.RequestedDeadline)}",
                _ => "Avslaget",
            })
            .FirstOrDefault();
}
