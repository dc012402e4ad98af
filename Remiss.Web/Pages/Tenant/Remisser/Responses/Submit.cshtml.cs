namespace Remiss.Web.Pages.Tenant.Remisser.Responses;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Responses;
using Remiss.Infrastructure.RichText;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>
/// `Skicka in yttrande` → this page: unanswered required questions first; then what will be sent, read-only, with a
/// warning where it has no Beslut and no Ansvariga (allowed, but rarely meant), and `Bekräfta och skicka in`.
/// </summary>
public sealed class SubmitModel(
    ITenantContext tenantContext,
    RemissReader reader,
    IAuthorizationService authorization,
    UserMemberships memberships,
    ResponseWriting writing,
    RichTextSanitizer sanitizer)
    : ResponsePageModel(tenantContext, reader, authorization, memberships)
{
    public IReadOnlyList<Question> Missing { get; private set; } = [];

    public Func<string?, string> Sanitize => sanitizer.Sanitize;

    /// <summary>No Beslut given: the owner cannot tell who stands behind the yttrande.</summary>
    public bool LacksDecision => Recipient.Response?.Decision is null;

    /// <summary>No Ansvariga given: nobody signs the yttrande.</summary>
    public bool LacksSignatories => Recipient.Response is not { Signatories.Count: > 0 };

    public bool IsPreliminary => Recipient.Response?.Decision?.Kind == DecisionKind.PreliminaryAnswer;

    public bool IsLate => Recipient.IsOverdue(writing.Today);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadOpenAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadOpenAsync(id, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        try
        {
            await writing.SubmitAsync(Remiss, Recipient, UserId, UserEmail, UserName, cancellationToken);
            TempData["StatusMessage"] = "Yttrandet är inskickat. En kvittens skickas till dig med e-post.";
            return Redirect(ResponseUrl);
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal);
            return Page();
        }
    }

    private async Task<IActionResult?> LoadOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadRecipientAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Recipient.HasAnswered || Remiss.Status != RemissStatus.Sent)
        {
            return Redirect(ResponseUrl);
        }

        var unanswered = Domain.Remisser.Response.ProblemsBeforeSubmitting(Recipient.Response, Remiss.Questions).Select(p => p.Subject.Index).ToHashSet();
        Missing = [.. Remiss.Questions.Where(q => unanswered.Contains(q.Number))];
        return null;
    }
}
