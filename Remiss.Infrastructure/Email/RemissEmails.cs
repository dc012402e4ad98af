namespace Remiss.Infrastructure.Email;

using Microsoft.Extensions.Options;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// The Swedish e-mails about a remiss, written as a handläggare would write them: short, polite, with the facts
/// the reader needs and a direct link to the page in question. The caller decides who gets each message.
/// </summary>
public sealed class RemissEmails
{
    private const string OpenRemiss = "Öppna remissen";
    private const string OpenResponse = "Öppna yttrandet";

    private readonly string _baseUrl;

    public RemissEmails(IOptions<EmailOptions> options) =>
        _baseUrl = (options.Value.BaseUrl ?? string.Empty).Trim().TrimEnd('/');


    /// <summary>The remiss's page: the owner follows it there, a recipient reads it there.</summary>
    public Uri RemissUrl(string tenantSlug, Guid remissId) =>
        new($"{_baseUrl}/{Uri.EscapeDataString(tenantSlug)}/remisser/{remissId}");


    /// <summary>The recipient's yttrande on the remiss.</summary>
    public Uri ResponseUrl(string tenantSlug, Guid remissId) => new($"{RemissUrl(tenantSlug, remissId)}/yttrande");

    /// <summary>The owner's page for one recipient's yttrande on the remiss.</summary>
    public Uri OwnerResponseUrl(string tenantSlug, Guid remissId, Guid recipientId) =>
        new($"{RemissUrl(tenantSlug, remissId)}/yttranden/{recipientId}");

    /// <summary>To the members and functional mailbox of a recipient organisation when the remiss is sent to it.</summary>
    public EmailContent Invitation(CurrentTenant tenant, Remiss remiss, string senderName, string recipientName)
    {
        var deadline = DeadlineOf(remiss);
        var facts = Facts(remiss);
        facts.Add(new("Avsändare", senderName));
        facts.Add(new("Sista svarsdag", SwedishDates.Date(deadline)));
        if (Contact(remiss) is { } contact)
        {
            facts.Add(new("Kontaktperson", contact));
        }

        List<EmailBlock> body =
        [
            new EmailParagraph($"{senderName} har skickat en remiss till {recipientName} och ber om ert yttrande senast den {SwedishDates.Date(deadline)}."),
            new EmailFacts(facts),
        ];
        if (remiss.Questions.Count > 0)
        {
            body.Add(new EmailNumberedList("Remissfrågor", [.. remiss.Questions.Select(q => new EmailNumberedItem(q.Number, q.Text))]));
        }

        body.Add(new EmailParagraph(
            "Läs remissen och skriv ert yttrande i Remiss; flera av er kan arbeta i samma utkast. "
            + "Behöver ni mer tid kan ni begära anstånd, och vill ni inte yttra er kan ni meddela att ni avstår."));

        return EmailLayout.Compose(Subject("Remiss", remiss), tenant.Name, "Ny remiss att besvara", body, new(OpenRemiss, RemissLink(tenant, remiss)));
    }

    /// <summary>
    /// To a recipient whose sista svarsdag the owner moved. The caller passes that recipient's old and new date and
    /// leaves out recipients whose later anstånd still stands.
    /// </summary>
    public EmailContent DeadlineMoved(CurrentTenant tenant, Remiss remiss, string senderName, DateOnly oldDeadline, DateOnly newDeadline)
    {
        var facts = Facts(remiss);
        facts.Add(new("Tidigare sista svarsdag", SwedishDates.Date(oldDeadline)));
        facts.Add(new("Ny sista svarsdag", SwedishDates.Date(newDeadline)));
        List<EmailBlock> body =
        [
            new EmailParagraph($"{senderName} har ändrat sista svarsdag för remissen ”{remiss.Title}”."),
            new EmailFacts(facts),
            new EmailParagraph($"Ert yttrande behöver alltså ha kommit in senast den {SwedishDates.Date(newDeadline)}."),
        ];

        return EmailLayout.Compose(Subject("Ny sista svarsdag", remiss), tenant.Name, "Sista svarsdag har ändrats", body, new(OpenRemiss, RemissLink(tenant, remiss)));
    }

    /// <summary>To every recipient that has not declined, when the owner withdraws the remiss (with its reason, if given).</summary>
    public EmailContent Withdrawn(CurrentTenant tenant, Remiss remiss, string senderName)
    {
        List<EmailBlock> body =
        [
            new EmailParagraph($"{senderName} har återkallat remissen ”{remiss.Title}”. Ni behöver inte längre lämna något yttrande, och det går inte att skicka in ett yttrande på remissen."),
            new EmailFacts(Facts(remiss)),
        ];
        if (!string.IsNullOrWhiteSpace(remiss.WithdrawalReason))
        {
            body.Add(new EmailQuote("Anledning", remiss.WithdrawalReason));
        }

        body.Add(new EmailParagraph("Tack för det arbete ni hittills har lagt ned."));
        return EmailLayout.Compose(Subject("Remissen har återkallats", remiss), tenant.Name, "Remissen har återkallats", body, new(OpenRemiss, RemissLink(tenant, remiss)));
    }

    /// <summary>
    /// Återkoppling: to a recipient that answered or declined, when the owner has made the remiss Avslutad. The link goes
    /// to the remiss's page, where the recipient downloads the final sammanställning with the owner's bemötanden.
    /// </summary>
    public EmailContent Completed(CurrentTenant tenant, Remiss remiss, string senderName, string recipientName)
    {
        var facts = Facts(remiss);
        facts.Add(new("Avsändare", senderName));
        facts.Add(new("Remissinstans", recipientName));
        if (remiss.CompletedAt is { } completed)
        {
            facts.Add(new("Avslutad", SwedishDates.Date(TenantCalendar.For(tenant.TimeZoneId).Today(completed))));
        }

        if (Contact(remiss) is { } contact)
        {
            facts.Add(new("Kontaktperson", contact));
        }

        List<EmailBlock> body =
        [
            new EmailParagraph($"{senderName} har avslutat remissen ”{remiss.Title}”. Tack för er medverkan."),
            new EmailFacts(facts),
            new EmailParagraph(
                "Den slutliga sammanställningen av remissvaren, med avsändarens kommentarer och bemötanden av synpunkterna, "
                + "finns nu att ladda ner på remissens sida. Där ser ni hur era synpunkter har tagits om hand."),
        ];

        return EmailLayout.Compose(Subject("Remissen är avslutad", remiss), tenant.Name, "Remissen är avslutad", body, new("Öppna remissen och sammanställningen", RemissLink(tenant, remiss)));
    }

    /// <summary>To the owners when a recipient asks for anstånd.</summary>
    public EmailContent ExtensionRequested(
        CurrentTenant tenant, Remiss remiss, string recipientName, string requestedByName, DateOnly currentDeadline, DateOnly requestedDeadline, string? reason)
    {
        var facts = Facts(remiss);
        facts.Add(new("Remissinstans", recipientName));
        facts.Add(new("Begärt av", requestedByName));
        facts.Add(new("Nuvarande sista svarsdag", SwedishDates.Date(currentDeadline)));
        facts.Add(new("Önskad sista svarsdag", SwedishDates.Date(requestedDeadline)));
        List<EmailBlock> body =
        [
            new EmailParagraph($"{recipientName} begär anstånd med sitt yttrande över remissen ”{remiss.Title}” till den {SwedishDates.Date(requestedDeadline)}."),
            new EmailFacts(facts),
        ];
        if (!string.IsNullOrWhiteSpace(reason))
        {
            body.Add(new EmailQuote("Motivering", reason));
        }

        body.Add(new EmailParagraph($"Bevilja eller avslå begäran i Remiss. {recipientName} får besked per e-post."));
        return EmailLayout.Compose(Subject("Begäran om anstånd", remiss), tenant.Name, "Begäran om anstånd", body, new(OpenRemiss, RemissLink(tenant, remiss)));
    }

    /// <summary>To the recipient when the owner grants anstånd: the new sista svarsdag and the owner's message, if any.</summary>
    public EmailContent ExtensionGranted(CurrentTenant tenant, Remiss remiss, string senderName, DateOnly newDeadline, string? message)
    {
        var facts = Facts(remiss);
        facts.Add(new("Ny sista svarsdag", SwedishDates.Date(newDeadline)));
        List<EmailBlock> body =
        [
            new EmailParagraph($"{senderName} har beviljat er begäran om anstånd för remissen ”{remiss.Title}”. Er nya sista svarsdag är den {SwedishDates.Date(newDeadline)}."),
            new EmailFacts(facts),
        ];
        if (!string.IsNullOrWhiteSpace(message))
        {
            body.Add(new EmailQuote($"Meddelande från {senderName}", message));
        }

        return EmailLayout.Compose(Subject("Anstånd beviljat", remiss), tenant.Name, "Ert anstånd är beviljat", body, new(OpenResponse, ResponseLink(tenant, remiss)));
    }

    /// <summary>To the recipient when the owner refuses anstånd: the owner's message and the deadline that stands.</summary>
    public EmailContent ExtensionRefused(CurrentTenant tenant, Remiss remiss, string senderName, DateOnly deadlineThatStands, string? message)
    {
        var facts = Facts(remiss);
        facts.Add(new("Sista svarsdag", SwedishDates.Date(deadlineThatStands)));
        List<EmailBlock> body =
        [
            new EmailParagraph($"{senderName} har tyvärr inte kunnat bevilja er begäran om anstånd för remissen ”{remiss.Title}”. Sista svarsdag är fortfarande den {SwedishDates.Date(deadlineThatStands)}."),
            new EmailFacts(facts),
        ];
        if (!string.IsNullOrWhiteSpace(message))
        {
            body.Add(new EmailQuote("Motivering", message));
        }

        // What recipients do in practice when their nämnd meets after the deadline.
        body.Add(new EmailParagraph("Hinner nämnden inte fatta beslut i tid kan ni skicka in förvaltningens preliminära svar och komplettera med beslutet senare."));
        return EmailLayout.Compose(Subject("Anstånd avslaget", remiss), tenant.Name, "Er begäran om anstånd har avslagits", body, new(OpenResponse, ResponseLink(tenant, remiss)));
    }

    /// <summary>To the recipient when the owner reopens its submitted yttrande for changes.</summary>
    public EmailContent Reopened(CurrentTenant tenant, Remiss remiss, string senderName, string? reason)
    {
        List<EmailBlock> body =
        [
            new EmailParagraph($"{senderName} har öppnat ert inskickade yttrande över remissen ”{remiss.Title}” igen. Yttrandet går att ändra på nytt; skicka in det igen när ni är klara."),
            new EmailFacts(Facts(remiss)),
        ];
        if (!string.IsNullOrWhiteSpace(reason))
        {
            body.Add(new EmailQuote("Anledning", reason));
        }

        return EmailLayout.Compose(Subject("Yttrandet har öppnats igen", remiss), tenant.Name, "Ert yttrande har öppnats igen", body, new(OpenResponse, ResponseLink(tenant, remiss)));
    }

    /// <summary>
    /// Kvittens to the person who submitted the yttrande: what came in and when, and that it is now read-only.
    /// </summary>
    public EmailContent Receipt(CurrentTenant tenant, Remiss remiss, string recipientName, string submittedByName, DateTime submittedAtUtc)
    {
        var submittedAt = TenantCalendar.For(tenant.TimeZoneId).DateAndTime(submittedAtUtc);
        var facts = Facts(remiss);
        facts.Add(new("Remissinstans", recipientName));
        facts.Add(new("Inskickat av", submittedByName));
        facts.Add(new("Inskickat", submittedAt));
        var whoReopens = Contact(remiss) is { } contact
            ? $"Behöver yttrandet ändras kan den som skickade remissen öppna det igen; kontakta i så fall {contact}."
            : "Behöver yttrandet ändras kan den som skickade remissen öppna det igen.";
        List<EmailBlock> body =
        [
            new EmailParagraph($"Yttrandet från {recipientName} över remissen ”{remiss.Title}” har kommit in den {submittedAt}. Tack för ert svar!"),
            new EmailFacts(facts),
            new EmailParagraph($"Yttrandet är nu låst och går inte längre att ändra. {whoReopens}"),
        ];

        // The specified text first; the title after it, so that two kvittenser can be told apart in an inbox.
        var subject = $"Kvittens: yttrande från {recipientName} har kommit in – {TitleAndDiarienummer(remiss)}";
        return EmailLayout.Compose(subject, tenant.Name, "Ert yttrande har kommit in", body, new(OpenResponse, ResponseLink(tenant, remiss)));
    }

    /// <summary>
    /// To the remiss's owners when a recipient submits its yttrande. <paramref name="answeredCount"/> is how many of
    /// the remiss's <paramref name="recipientCount"/> recipients have answered, this one included.
    /// </summary>
    public EmailContent SubmittedNotice(
        CurrentTenant tenant, Remiss remiss, Guid recipientId, string recipientName, DateTime submittedAtUtc, bool isPreliminary, int answeredCount, int recipientCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(answeredCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(answeredCount, recipientCount);

        var facts = Facts(remiss);
        facts.Add(new("Remissinstans", recipientName));
        facts.Add(new("Inkom", TenantCalendar.For(tenant.TimeZoneId).DateAndTime(submittedAtUtc)));
        facts.Add(new("Svarets status", isPreliminary ? "Förvaltningens preliminära svar" : "Beslutat yttrande"));
        List<EmailBlock> body =
        [
            new EmailParagraph($"{recipientName} har lämnat yttrande över remissen ”{remiss.Title}”."),
            new EmailFacts(facts),
            new EmailParagraph(isPreliminary
                ? "Yttrandet är förvaltningens preliminära svar: nämndens beslut kommer senare. Ni får ett meddelande när nämnden har beslutat."
                : "Yttrandet är remissinstansens beslutade svar."),
            new EmailParagraph(answeredCount == recipientCount
                ? $"{Answered(answeredCount, recipientCount)} Alla remissinstanser har nu svarat."
                : Answered(answeredCount, recipientCount)),
        ];

        return EmailLayout.Compose(
            Subject($"{recipientName} har lämnat yttrande", remiss), tenant.Name, $"{recipientName} har lämnat yttrande", body, new(OpenResponse, OwnerResponseLink(tenant, remiss, recipientId)));
    }

    /// <summary>
    /// To the remiss's owners when the nämnd has decided an yttrande that was submitted as the förvaltning's
    /// preliminary answer. <paramref name="paragraph"/> is the protocol's paragraph, "123" or "§ 123".
    /// </summary>
    public EmailContent DecisionConfirmed(
        CurrentTenant tenant, Remiss remiss, Guid recipientId, string recipientName, string decidedBy, DateOnly decisionDate, string? paragraph)
    {
        var facts = Facts(remiss);
        facts.Add(new("Remissinstans", recipientName));
        facts.Add(new("Beslutat av", decidedBy));
        facts.Add(new("Beslutsdatum", SwedishDates.Date(decisionDate)));
        var section = Paragraph(paragraph);
        if (section is not null)
        {
            facts.Add(new("Paragraf", section));
        }

        var decision = section is null ? $"den {SwedishDates.Date(decisionDate)}" : $"den {SwedishDates.Date(decisionDate)}, {section}";
        List<EmailBlock> body =
        [
            new EmailParagraph(
                $"{decidedBy} har beslutat om yttrandet från {recipientName} över remissen ”{remiss.Title}” {decision}. "
                + "Yttrandet lämnades tidigare som förvaltningens preliminära svar och är nu nämndens beslutade svar."),
            new EmailFacts(facts),
            new EmailParagraph("Läs det beslutade yttrandet och se om nämnden har ändrat något jämfört med det preliminära svaret."),
        ];

        return EmailLayout.Compose(
            Subject($"Beslut om yttrande från {recipientName}", remiss), tenant.Name, "Nämnden har beslutat om yttrandet", body, new(OpenResponse, OwnerResponseLink(tenant, remiss, recipientId)));
    }

    /// <summary>
    /// To the remiss's owners when a recipient declines to answer, with its reason if given. The link goes to the
    /// remiss, where the owner follows every recipient; <paramref name="recipientId"/> names the recipient declining, for
    /// callers that file the message under it.
    /// </summary>
    public EmailContent Declined(CurrentTenant tenant, Remiss remiss, Guid recipientId, string recipientName, string? reason)
    {
        var facts = Facts(remiss);
        facts.Add(new("Remissinstans", recipientName));
        List<EmailBlock> body =
        [
            new EmailParagraph($"{recipientName} har meddelat att de avstår från att yttra sig över remissen ”{remiss.Title}”."),
            new EmailFacts(facts),
        ];
        if (!string.IsNullOrWhiteSpace(reason))
        {
            body.Add(new EmailQuote("Anledning", reason));
        }

        return EmailLayout.Compose(
            Subject($"{recipientName} avstår från att yttra sig", remiss), tenant.Name, $"{recipientName} avstår från att yttra sig", body, new(OpenRemiss, RemissLink(tenant, remiss)));
    }

    /// <summary>
    /// Påminnelse to a recipient that has neither submitted nor declined, <paramref name="daysLeft"/> days before its own
    /// sista svarsdag (after anstånd). <paramref name="hasDraft"/> says whether someone has started on the yttrande.
    /// </summary>
    public EmailContent Reminder(CurrentTenant tenant, Remiss remiss, string senderName, string recipientName, DateOnly deadline, int daysLeft, bool hasDraft)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(daysLeft);
        var facts = Facts(remiss);
        facts.Add(new("Avsändare", senderName));
        facts.Add(new("Remissinstans", recipientName));
        facts.Add(new("Sista svarsdag", SwedishDates.Date(deadline)));
        var when = daysLeft switch
        {
            0 => "i dag",
            1 => "i morgon",
            _ => $"om {SwedishPlural.Count(daysLeft, "dag", "dagar")}",
        };
        List<EmailBlock> body =
        [
            new EmailParagraph($"Det här är en påminnelse om remissen ”{remiss.Title}” från {senderName}. Sista svarsdag för {recipientName} är {when}, den {SwedishDates.Date(deadline)}."),
            new EmailFacts(facts),
            new EmailParagraph(hasDraft
                ? "Ert yttrande är påbörjat men inte inskickat. Skicka in det när det är klart, eller som förvaltningens preliminära svar om nämnden beslutar senare."
                : "Ni har ännu inte börjat på något yttrande. Hinner ni inte kan ni begära anstånd, och vill ni inte yttra er kan ni meddela att ni avstår."),
        ];

        return EmailLayout.Compose(Subject("Påminnelse", remiss), tenant.Name, $"Påminnelse: sista svarsdag {SwedishDates.Date(deadline)}", body, new(OpenResponse, ResponseLink(tenant, remiss)));
    }

    /// <summary>The day after a recipient's sista svarsdag, when it has neither submitted nor declined: the answer is late.</summary>
    public EmailContent Overdue(CurrentTenant tenant, Remiss remiss, string senderName, string recipientName, DateOnly deadline)
    {
        var facts = Facts(remiss);
        facts.Add(new("Avsändare", senderName));
        facts.Add(new("Remissinstans", recipientName));
        facts.Add(new("Sista svarsdag", SwedishDates.Date(deadline)));
        var contact = Contact(remiss) is { } who ? $" Kontakta {who} om ni behöver mer tid." : string.Empty;
        List<EmailBlock> body =
        [
            new EmailParagraph($"Sista svarsdag för remissen ”{remiss.Title}” var den {SwedishDates.Date(deadline)}, och {senderName} har ännu inte fått något yttrande från {recipientName}."),
            new EmailFacts(facts),
            new EmailParagraph($"Ni kan fortfarande skicka in ert yttrande; det registreras som sent inkommet. Vill ni inte yttra er kan ni meddela att ni avstår.{contact}"),
        ];

        return EmailLayout.Compose(Subject("Yttrandet är försenat", remiss), tenant.Name, "Sista svarsdag har passerat", body, new(OpenResponse, ResponseLink(tenant, remiss)));
    }

    /// <summary>The daily list, to the remiss's owners, of recipients whose sista svarsdag has passed without an answer.</summary>
    public EmailContent LateDigest(CurrentTenant tenant, Remiss remiss, IReadOnlyList<LateRecipient> late, DateOnly today, int answeredCount, int recipientCount)
    {
        ArgumentOutOfRangeException.ThrowIfZero(late.Count);
        var lines = late
            .OrderBy(l => l.Name, Remisser.SwedishOrder.Comparer)
            .Select(l =>
            {
                var days = today.DayNumber - l.Deadline.DayNumber;
                return new EmailFact(l.Name, string.Create(Text.Swedish, $"sista svarsdag {SwedishDates.Date(l.Deadline)}, sen med {SwedishPlural.Count(days, "dag", "dagar")}"));
            })
            .ToList();
        List<EmailBlock> body =
        [
            new EmailParagraph($"{SwedishPlural.Count(late.Count, "remissinstans", "remissinstanser")} har inte svarat på remissen ”{remiss.Title}” fast sista svarsdag har passerat."),
            new EmailFacts(Facts(remiss)),
            new EmailFacts(lines),
            new EmailParagraph($"{Answered(answeredCount, recipientCount)} De försenade har fått ett meddelande om att sista svarsdag har passerat. På remissens sida kan ni bevilja anstånd eller stänga remissen."),
        ];

        return EmailLayout.Compose(
            Subject(SwedishPlural.Count(late.Count, "försenat yttrande", "försenade yttranden"), remiss),
            tenant.Name,
            "Försenade yttranden",
            body,
            new(OpenRemiss, RemissLink(tenant, remiss)));
    }

    /// <summary>"Remiss: Områdeslyft (STK-2023-137)": the diarienummer lets a registrator file the message.</summary>
    private static string Subject(string what, Remiss remiss) =>
        $"{what}: {TitleAndDiarienummer(remiss)}";

    private static string TitleAndDiarienummer(Remiss remiss) =>
        string.IsNullOrWhiteSpace(remiss.Diarienummer) ? remiss.Title : $"{remiss.Title} ({remiss.Diarienummer})";

    /// <summary>"2 av 3 remissinstanser har svarat."</summary>
    private static string Answered(int answeredCount, int recipientCount) =>
        $"{answeredCount} av {SwedishPlural.Count(recipientCount, "remissinstans", "remissinstanser")} har svarat.";

    /// <summary>A protocol paragraph as written in a protokollsutdrag: "§ 123", whether or not the § was typed.</summary>
    private static string? Paragraph(string? paragraph)
    {
        if (string.IsNullOrWhiteSpace(paragraph))
        {
            return null;
        }

        var value = paragraph.Trim();
        return value.StartsWith('§') ? $"§ {value.TrimStart('§').TrimStart()}" : $"§ {value}";
    }

    private static List<EmailFact> Facts(Remiss remiss)
    {
        List<EmailFact> facts = [new("Remiss", remiss.Title)];
        if (!string.IsNullOrWhiteSpace(remiss.Diarienummer))
        {
            facts.Add(new("Diarienummer", remiss.Diarienummer));
        }

        return facts;
    }

    private static string? Contact(Remiss remiss) =>
        string.Join(", ", new[] { remiss.ContactName, remiss.ContactEmail }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } contact
            ? contact
            : null;

    private static DateOnly DeadlineOf(Remiss remiss) =>
        remiss.Deadline ?? throw new InvalidOperationException("A remiss is sent with a sista svarsdag; this one has none.");

    private string RemissLink(CurrentTenant tenant, Remiss remiss) => RemissUrl(tenant.Slug, remiss.Id).AbsoluteUri;

    private string ResponseLink(CurrentTenant tenant, Remiss remiss) => ResponseUrl(tenant.Slug, remiss.Id).AbsoluteUri;

    private string OwnerResponseLink(CurrentTenant tenant, Remiss remiss, Guid recipientId) =>
        OwnerResponseUrl(tenant.Slug, remiss.Id, recipientId).AbsoluteUri;
}

/// <summary>A recipient in the owners' digest of late answers.</summary>
public sealed record LateRecipient(string Name, DateOnly Deadline);
