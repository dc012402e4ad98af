namespace Remiss.Web.Pages.Tenant.Remisser.Responses;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.RichText;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>The owner reads a recipient's yttrande, and may give a submitted one back for changes.</summary>
public sealed class ReadModel(
    ITenantContext tenantContext,
    RemissReader reader,
    IAuthorizationService authorization,
    RichTextSanitizer sanitizer,
    RemissSending sending) : RemissPageModel(tenantContext, reader, authorization)
{
    public Recipient Recipient { get; private set; } = null!;

    public string RecipientName => OrganisationName(Recipient.OrganisationId);

    [BindProperty]
    public string? ReopenReason { get; set; }

    public Func<string?, string> Sanitize => sanitizer.Sanitize;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid recipientId, CancellationToken cancellationToken) =>
        await LoadResponseAsync(id, recipientId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReopenAsync(Guid id, Guid recipientId, CancellationToken cancellationToken)
    {
        if (!await LoadResponseAsync(id, recipientId, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await sending.ReopenAsync(Remiss, recipientId, ReopenReason, cancellationToken);
            TempData["StatusMessage"] = $"Yttrandet från {RecipientName} är öppnat igen. De får besked.";
            return Redirect(RemissUrl);
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal);
            return Page();
        }
    }

    private async Task<bool> LoadResponseAsync(Guid id, Guid recipientId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Policies.RemissOwner, cancellationToken)
            || Remiss.Recipients.All(r => r.Id != recipientId)
            || await Reader.FindRecipientAsync(recipientId, cancellationToken) is not { } recipient)
        {
            return false;
        }

        Recipient = recipient;
        await IncludeNamesAsync([recipient.OrganisationId], cancellationToken);
        return true;
    }
}
