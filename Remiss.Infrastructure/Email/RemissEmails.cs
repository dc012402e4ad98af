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

    /// <summary>A date as Swedes write it in a letter: "30 november 2027".</summary>
    public static string SwedishDate(DateOnly date) => date.ToString("d MMMM yyyy", Text.Swedish);

    /// <summary>The remiss's page: the owner follows it there, a recipient reads it there.</summary>
    public Uri RemissUrl(string tenantSlug, Guid remissId) =>
        new($"{_baseUrl}/{Uri.EscapeDataString(tenantSlug)}/remisser/{remissId}");

    /// <summary>The recipient's yttrande on the remiss.</summary>
    public Uri ResponseUrl(string tenantSlug, Guid remissId) => new($"{RemissUrl(tenantSlug, remissId)}/yttrande");

    /// <summary>To the members and functional mailbox of a recipient organisation when the remiss is sent to it.</summary>
    public EmailContent Invitation(CurrentTenant tenant, Remiss remiss, string senderName, string recipientName)
    {
        var deadline = DeadlineOf(remiss);
        var facts = Facts(remiss);
        facts.Add(new("Avsändare", senderName));
        facts.Add(new("Sista svarsdag", SwedishDate(deadline)));
        if (Contact(remiss) is { } contact)
        {
            facts.Add(new("Kontaktperson", contact));
        }

        List<EmailBlock> body =
        [
            new EmailParagraph($"{senderName} har skickat en remiss till {recipientName} och ber om ert yttrande senast den {SwedishDate(deadline)}."),
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
        facts.Add(new("Tidigare sista svarsdag", SwedishDate(oldDeadline)));
        facts.Add(new("Ny sista svarsdag", SwedishDate(newDeadline)));
        List<EmailBlock> body =
        [
            new EmailParagraph($"{senderName} har ändrat sista svarsdag för remissen ”{remiss.Title}”."),
            new EmailFacts(facts),
            new EmailParagraph($"Ert yttrande behöver alltså ha kommit in senast den {SwedishDate(newDeadline)}."),
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

    /// <summary>To the owners when a recipient asks for anstånd.</summary>
    public EmailContent ExtensionRequested(
        CurrentTenant tenant, Remiss remiss, string recipientName, string requestedByName, DateOnly currentDeadline, DateOnly requestedDeadline, string? reason)
    {
        var facts = Facts(remiss);
        facts.Add(new("Remissinstans", recipientName));
        facts.Add(new("Begärt av", requestedByName));
        facts.Add(new("Nuvarande sista svarsdag", SwedishDate(currentDeadline)));
        facts.Add(new("Önskad sista svarsdag", SwedishDate(requestedDeadline)));
        List<EmailBlock> body =
        [
            new EmailParagraph($"{recipientName} begär anstånd med sitt yttrande över remissen ”{remiss.Title}” till den {SwedishDate(requestedDeadline)}."),
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
        facts.Add(new("Ny sista svarsdag", SwedishDate(newDeadline)));
        List<EmailBlock> body =
        [
            new EmailParagraph($"{senderName} har beviljat er begäran om anstånd för remissen ”{remiss.Title}”. Er nya sista svarsdag är den {SwedishDate(newDeadline)}."),
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
        facts.Add(new("Sista svarsdag", SwedishDate(deadlineThatStands)));
        List<EmailBlock> body =
        [
            new EmailParagraph($"{senderName} har tyvärr inte kunnat bevilja er begäran om anstånd för remissen ”{remiss.Title}”. Sista svarsdag är fortfarande den {SwedishDate(deadlineThatStands)}."),
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

    /// <summary>"Remiss: Områdeslyft (STK-2023-137)": the diarienummer lets a registrator file the message.</summary>
    private static string Subject(string what, Remiss remiss) =>
        string.IsNullOrWhiteSpace(remiss.Diarienummer) ? $"{what}: {remiss.Title}" : $"{what}: {remiss.Title} ({remiss.Diarienummer})";

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
}
