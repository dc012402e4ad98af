namespace Remiss.Web.Pages.Tenant.Remisser;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Domain.Audit;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.RichText;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Components;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>
/// The remiss page. Its owners follow every recipient and act (move the deadline, invite more, decide
/// anstånd, close, withdraw); a recipient reads the remiss. Anyone else, another tenant too, gets 404.
/// </summary>
public sealed class DetailsModel(
    ITenantContext tenantContext,
    RemissReader reader,
    IAuthorizationService authorization,
    RichTextSanitizer sanitizer,
    RemissSending sending,
    RemissQueries queries,
    UserMemberships memberships,
    AuditQueries audit,
    Infrastructure.Administration.TenantSettings settings) : RemissPageModel(tenantContext, reader, authorization)
{
    /// <summary>The public page of the remiss, when its yttranden are published.</summary>
    public string? PublicUrl { get; private set; }

    /// <summary>The remiss's history, newest first; owners only.</summary>
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    public bool IsOwner { get; private set; }

    public RemissDocumentView Document { get; private set; } = null!;

    /// <summary>Every recipient, in Swedish order of name; owners only.</summary>
    public IReadOnlyList<RecipientRow> Rows { get; private set; } = [];

    /// <summary>The recipients the follow-up table shows: <see cref="Rows"/> as the owner filtered and sorted them.</summary>
    public IReadOnlyList<RecipientRow> Shown { get; private set; } = [];

    /// <summary>The follow-up table's sorting and filters, from the query string (a plain GET form sets them).</summary>
    public FollowUpFilter Filter => FollowUpFilter.From(SortBy, StatusFilter, KindFilter, LateOnly == "true");

    [BindProperty(SupportsGet = true, Name = "sortera")]
    public string? SortBy { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "typ")]
    public string? KindFilter { get; set; }

    /// <summary>"true" from the checkbox; text, so that an edited address is ignored rather than an error on the page.</summary>
    [BindProperty(SupportsGet = true, Name = "sena")]
    public string? LateOnly { get; set; }

    public IReadOnlyList<PendingExtensionItem> PendingExtensions { get; private set; } = [];

    public IReadOnlyList<Organisation> OtherOrganisations { get; private set; } = [];

    public DateOnly Today => sending.Today;

    public int Answered => Rows.Count(r => r.Status is RecipientStatus.Submitted or RecipientStatus.Declined);

    public int Declined => Rows.Count(r => r.Status == RecipientStatus.Declined);

    [BindProperty]
    public DateOnly? NewDeadline { get; set; }

    [BindProperty]
    public List<Guid> AddedRecipientIds { get; set; } = [];

    [BindProperty]
    public DateOnly? GrantedDeadline { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    /// <summary>
    /// The page reads what it shows through read models: the remiss (which holds its recipients' organisations, not
    /// their yttranden), and for owners one row per recipient. No remissinstans is loaded for the follow-up.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Policies.RemissReader, cancellationToken))
        {
            return NotFound();
        }

        await ShowAsync(await memberships.OrganisationIdsAsync(User, cancellationToken), cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostMoveDeadlineAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "NewDeadline", async () =>
        {
            if (NewDeadline is not { } deadline)
            {
                throw new DomainException(Field.Deadline, RefusalKey.NewDeadlineRequired);
            }

            await sending.MoveDeadlineAsync(Remiss, deadline, cancellationToken);
            return $"Sista svarsdag är flyttad till {DeadlineText.Format(deadline)}. Remissinstanserna får besked.";
        }, cancellationToken);

    public Task<IActionResult> OnPostAddRecipientsAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "AddedRecipientIds", async () =>
        {
            if (AddedRecipientIds.Count == 0)
            {
                throw new DomainException(Field.Recipients, RefusalKey.NoOrganisationSelected);
            }

            var added = await sending.AddRecipientsAsync(Remiss, AddedRecipientIds, cancellationToken);
            return $"{added} remissinstans{(added == 1 ? " är tillagd och har" : "er är tillagda och har")} fått en inbjudan.";
        }, cancellationToken);

    /// <summary>Påminn nu: one recipient's påminnelse now; a second the same day is refused next to its button.</summary>
    public Task<IActionResult> OnPostRemindNowAsync(Guid id, Guid recipientId, CancellationToken cancellationToken) =>
        ActAsync(id, RemindField(recipientId), async () =>
        {
            var (name, addresses) = await sending.RemindNowAsync(Remiss, recipientId, cancellationToken);
            return addresses == 1
                ? $"En påminnelse har skickats till {name} (1 mottagare)."
                : $"En påminnelse har skickats till {name} ({addresses} mottagare).";
        }, cancellationToken);

    /// <summary>The model-state key, and the id of the button, of a recipient's Påminn nu.</summary>
    public static string RemindField(Guid recipientId) => $"paminn-{recipientId}";

    public Task<IActionResult> OnPostGrantExtensionAsync(Guid id, Guid recipientId, Guid extensionId, CancellationToken cancellationToken) =>
        ActAsync(id, $"meddelande-{extensionId}", async () =>
        {
            await sending.GrantExtensionAsync(Remiss, recipientId, extensionId, GrantedDeadline, Message, UserId, cancellationToken);
            return "Anståndet är beviljat. Remissinstansen får besked.";
        }, cancellationToken);

    public Task<IActionResult> OnPostRefuseExtensionAsync(Guid id, Guid recipientId, Guid extensionId, CancellationToken cancellationToken) =>
        ActAsync(id, $"meddelande-{extensionId}", async () =>
        {
            await sending.RefuseExtensionAsync(Remiss, recipientId, extensionId, Message, UserId, cancellationToken);
            return "Anståndet är avslaget. Remissinstansen får besked.";
        }, cancellationToken);

    /// <summary>An owner's action: done and redirected with a message, or refused on the page with what was typed kept.</summary>
    private async Task<IActionResult> ActAsync(Guid id, string field, Func<Task<string>> action, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Policies.RemissReader, cancellationToken) || !await IsOwnerAsync())
        {
            return NotFound();
        }

        try
        {
            TempData["StatusMessage"] = await action();
            return Redirect(Filter.IsDefault ? RemissUrl : $"{RemissUrl}?{Filter.Query}#remissinstanser");
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.AllAt(field));
            await ShowAsync(await memberships.OrganisationIdsAsync(User, cancellationToken), cancellationToken);
            return Page();
        }
    }

    /// <summary>What the page shows of the loaded remiss: the document, the reader's own recipients, and for owners the follow-up.</summary>
    private async Task ShowAsync(IReadOnlySet<Guid> mine, CancellationToken cancellationToken)
    {
        IsOwner = await IsOwnerAsync();
        var myRecipients = new List<Recipient>();
        foreach (var entry in Remiss.Recipients.Where(r => mine.Contains(r.OrganisationId)).OrderBy(r => OrganisationName(r.OrganisationId), SwedishOrder.Comparer))
        {
            myRecipients.Add(await Reader.FindRecipientAsync(entry.Id, cancellationToken) ?? throw new NotFoundException($"Remissinstansen {entry.Id} finns inte."));
        }

        MyRecipients = myRecipients;
        var today = sending.Today;
        var ownDeadline = IsOwner ? Remiss.Deadline : MyRecipientDeadline();
        Document = new RemissDocumentView(
            Remiss,
            sanitizer.Sanitize(Remiss.Description),
            OrganisationName(Remiss.OwnerOrganisationId),
            ownDeadline,
            RemissUrl,
            IsOwner ? null : SwedishOrder.By(await queries.RecipientNames(Remiss.Id).ToListAsync(cancellationToken), n => n));
        if (!IsOwner)
        {
            return;
        }

        var followUp = await queries.FollowUpRowsAsync(Remiss.Id, cancellationToken);
        var tenant = await settings.CurrentAsync(cancellationToken);
        var schedule = Remiss.ReminderDaysBefore ?? tenant.ReminderDaysBefore;
        Rows = [.. SwedishOrder.By(followUp, r => r.Name).Select(r =>
        {
            var deadline = Remiss.Deadline is { } remissDeadline ? Recipient.DeadlineOf(remissDeadline, r.ExtendedDeadline) : today;
            var open = Remiss.Status == RemissStatus.Sent && r.Status is not (RecipientStatus.Submitted or RecipientStatus.Declined);
            return new RecipientRow(
                r.RecipientId,
                r.Name,
                r.Status,
                Remiss.Deadline is not null && Recipient.IsOverdueOn(today, Remiss.Status, r.Status, deadline),
                r.ExtendedDeadline is not null,
                deadline,
                r.ExtendedDeadline is { } e && e > Remiss.Deadline,
                r.LastActivity,
                r.RemindersSent,
                r.DeclineReason)
            {
                ExtensionRequested = r.HasPendingExtension,
                IsNearDeadline = open && Remiss.Deadline is not null && ReminderPlan.IsNearDeadline(schedule, deadline, today),
                Kind = r.Kind,
                CanRemind = open,
                RemindedToday = !Recipient.CanBeRemindedOn(today, r.RemindedOn),
            };
        })];
        Shown = Filter.Apply(Rows);

        // Each part is read only when the page shows it.
        var waiting = followUp.Where(r => r.HasPendingExtension).Select(r => r.RecipientId).ToList();
        PendingExtensions = waiting.Count > 0
            ? SwedishOrder.By(await queries.PendingExtensions(waiting).ToListAsync(cancellationToken), p => p.RecipientName)
            : [];
        OtherOrganisations = Remiss.Status == RemissStatus.Sent
            ? SwedishOrder.By(await queries.NotYetRecipients(Remiss.Id, Remiss.OwnerOrganisationId).ToListAsync(cancellationToken), o => o.Name)
            : [];
        NewDeadline ??= Remiss.Deadline;
        History = await audit.ForRemissAsync(Remiss.Id, cancellationToken);
        PublicUrl = Remiss.HasFinalAnswers && Publication.IsPublished(tenant, Remiss)
            ? $"/offentligt/{TenantSlug}/remisser/{Remiss.Id}"
            : null;
    }

    /// <summary>The recipients of this remiss that the user answers for (usually one).</summary>
    public IReadOnlyList<Recipient> MyRecipients { get; private set; } = [];

    private DateOnly? MyRecipientDeadline() => MyRecipients.Count == 1 ? MyRecipients[0].Deadline : Remiss.Deadline;
}
