namespace Remiss.Web.Pages.Tenant.Remisser.Responses;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Responses;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>`Skicka in yttrande` → this page: unanswered required questions first, then `Bekräfta och skicka in`.</summary>
public sealed class SubmitModel(
    ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, UserMemberships memberships, ResponseWriting writing)
    : ResponsePageModel(tenantContext, reader, authorization, memberships)
{
    public IReadOnlyList<Question> Missing { get; private set; } = [];

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
