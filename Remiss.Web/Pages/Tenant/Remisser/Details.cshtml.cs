namespace Remiss.Web.Pages.Tenant.Remisser;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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
    RemissDrafts drafts,
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

    public IReadOnlyList<RecipientRow> Rows { get; private set; } = [];

    public IReadOnlyList<(Recipient Recipient, Extension Extension)> PendingExtensions { get; private set; } = [];

    public IReadOnlyList<Organisation> OtherOrganisations { get; private set; } = [];

    public DateOnly Today => sending.Today;

    public int Answered => Remiss.Recipients.Count(r => r.HasAnswered);

    public int Declined => Remiss.Recipients.Count(r => r.Status == RecipientStatus.Declined);

    public IEnumerable<Recipient> RecipientsInOrder => Remiss.Recipients.OrderBy(r => OrganisationName(r.OrganisationId), SwedishOrder.Comparer);

    [BindProperty]
    public DateOnly? NewDeadline { get; set; }

    [BindProperty]
    public List<Guid> AddedRecipientIds { get; set; } = [];

    [BindProperty]
    public string? WithdrawalReason { get; set; }

    [BindProperty]
    public DateOnly? GrantedDeadline { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadPageAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostMoveDeadlineAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "NewDeadline", async () =>
        {
            if (NewDeadline is not { } deadline)
            {
                throw new DomainException("Ange den nya sista svarsdagen.");
            }

            await sending.MoveDeadlineAsync(Remiss, deadline, cancellationToken);
            return $"Sista svarsdag är flyttad till {DeadlineText.Format(deadline)}. Remissinstanserna får besked.";
        }, cancellationToken);

    public Task<IActionResult> OnPostAddRecipientsAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "AddedRecipientIds", async () =>
        {
            if (AddedRecipientIds.Count == 0)
            {
                throw new DomainException("Välj minst en organisation att lägga till.");
            }

            var added = await sending.AddRecipientsAsync(Remiss, AddedRecipientIds, cancellationToken);
            return $"{added} remissinstans{(added == 1 ? " är tillagd och har" : "er är tillagda och har")} fått en inbjudan.";
        }, cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "WithdrawalReason", async () =>
        {
            await sending.WithdrawAsync(Remiss, WithdrawalReason, cancellationToken);
            return "Remissen är återkallad. Remissinstanserna får besked.";
        }, cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, string.Empty, async () =>
        {
            await sending.CloseAsync(Remiss, cancellationToken);
            return "Remissen är stängd.";
        }, cancellationToken);

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
        if (!await LoadPageAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!IsOwner)
        {
            return NotFound();
        }

        try
        {
            TempData["StatusMessage"] = await action();
            return Redirect(RemissUrl);
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, field);
            return Page();
        }
    }

    private async Task<bool> LoadPageAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Policies.RemissReader, cancellationToken))
        {
            return false;
        }

        IsOwner = await IsOwnerAsync();
        var mine = await memberships.OrganisationIdsAsync(User, cancellationToken);
        MyRecipients = [.. RecipientsInOrder.Where(r => mine.Contains(r.OrganisationId))];
        var today = sending.Today;
        var ownDeadline = IsOwner ? Remiss.Deadline : MyRecipientDeadline();
        Document = new RemissDocumentView(
            Remiss,
            sanitizer.Sanitize(Remiss.Description),
            OrganisationName(Remiss.OwnerOrganisationId),
            ownDeadline,
            RemissUrl,
            IsOwner ? null : [.. RecipientsInOrder.Select(r => OrganisationName(r.OrganisationId))]);
        if (!IsOwner)
        {
            return true;
        }

        var reminders = await queries.RemindersSentAsync(Remiss.Id, cancellationToken);
        Rows = [.. RecipientsInOrder.Select(r => new RecipientRow(
            r.Id,
            OrganisationName(r.OrganisationId),
            r.Status,
            Remiss.Status != RemissStatus.Draft && r.IsOverdue(today),
            r.ExtendedDeadline is not null || r.PendingExtension is not null,
            Remiss.Deadline is null ? today : r.Deadline,
            r.ExtendedDeadline is { } e && e > Remiss.Deadline,
            LastActivity(r),
            reminders.TryGetValue(r.Id, out var count) ? count : 0,
            r.DeclineReason))];
        PendingExtensions = [.. RecipientsInOrder.Where(r => r.PendingExtension is not null).Select(r => (r, r.PendingExtension!))];
        var current = Remiss.Recipients.Select(r => r.OrganisationId).ToHashSet();
        OtherOrganisations = [.. (await drafts.ActiveOrganisationsAsync(cancellationToken)).Where(o => o.Id != Remiss.OwnerOrganisationId && !current.Contains(o.Id))];
        NewDeadline ??= Remiss.Deadline;
        History = await audit.ForRemissAsync(Remiss.Id, cancellationToken);
        PublicUrl = Publication.IsPublished(await settings.CurrentAsync(cancellationToken), Remiss) ? $"/offentligt/{TenantSlug}/remisser/{Remiss.Id}" : null;
        return true;
    }

    /// <summary>The recipients of this remiss that the user answers for (usually one).</summary>
    public IReadOnlyList<Recipient> MyRecipients { get; private set; } = [];

    private DateOnly? MyRecipientDeadline() => MyRecipients.Count == 1 ? MyRecipients[0].Deadline : Remiss.Deadline;

    private static DateTime? LastActivity(Recipient recipient) =>
        new[] { recipient.Response?.LastSavedAt, recipient.SubmittedAt, recipient.DeclinedAt, recipient.Extensions.Select(e => (DateTime?)e.RequestedAt).DefaultIfEmpty().Max() }
            .Where(d => d is not null)
            .DefaultIfEmpty()
            .Max();
}
