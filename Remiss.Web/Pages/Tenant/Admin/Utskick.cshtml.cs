namespace Remiss.Web.Pages.Tenant.Admin;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>The tenant admin's list of e-mails that failed: what, to whom, why, and a way to send one again.</summary>
[Authorize(Policy = Policies.TenantAdmin)]
public sealed class UtskickModel(ITenantContext tenantContext, OutboxAdministration outbox, ILogger<UtskickModel> logger) : TenantPageModel(tenantContext)
{
    public IReadOnlyList<TroubledMessage> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Messages = await outbox.TroubledAsync(cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(Guid messageId, CancellationToken cancellationToken)
    {
        try
        {
            if (!await outbox.RetryAsync(messageId, cancellationToken))
            {
                // Another tenant's id, or none at all: not found, as anything of another tenant.
                logger.LogWarning("Retry of outbox message {MessageId}, not one of tenant {Tenant}: refused with 404.", messageId, TenantSlug);
                return NotFound();
            }
        }
        catch (DomainException refusal)
        {
            // One that is not given up (already retried, or sent).
            AddRefusal(refusal);
            Messages = await outbox.TroubledAsync(cancellationToken);
            return Page();
        }

        TempData["StatusMessage"] = "Meddelandet skickas igen.";
        return RedirectToPage();
    }

    public string Time(DateTime utc) => Format(utc);

    public static string ReasonLabel(EmailReason reason) => reason switch
    {
        EmailReason.Invitation => "Inbjudan",
        EmailReason.DeadlineMoved => "Ny sista svarsdag",
        EmailReason.Withdrawn => "Remissen återkallad",
        EmailReason.ExtensionRequested => "Begäran om anstånd",
        EmailReason.ExtensionGranted => "Anstånd beviljat",
        EmailReason.ExtensionRefused => "Anstånd avslaget",
        EmailReason.Reopened => "Yttrande öppnat igen",
        EmailReason.Reminder => "Påminnelse",
        EmailReason.Overdue => "Försenat yttrande",
        EmailReason.OverdueDigest => "Sammandrag av försenade",
        EmailReason.Receipt => "Kvittens",
        EmailReason.SubmittedNotice => "Yttrande inkommet",
        EmailReason.DecisionConfirmed => "Beslut inkommet",
        EmailReason.Declined => "Avstår",
        EmailReason.Feedback => "Återkoppling",
        _ => reason.ToString(),
    };
}
