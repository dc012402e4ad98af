namespace Remiss.Web.Pages.Tenant.Remisser;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// `Stäng remissen` → this confirmation (how many have answered, who can no longer answer, that it cannot be undone
/// here) → `Bekräfta och stäng` (<see cref="ConfirmationPageModel"/>).
/// </summary>
public sealed class CloseModel(ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, RemissSending sending, RemissQueries queries)
    : ConfirmationPageModel(tenantContext, reader, authorization)
{
    public int Recipients { get; private set; }

    public int Answered { get; private set; }

    public int Declined { get; private set; }

    public override bool CanConfirm => Remiss.Status == RemissStatus.Sent;

    protected override string PagePath => "stang";

    protected override string NotNowRefusal => RefusalKey.CloseOnlyWhenSent;

    protected override async Task<IActionResult> ConfirmAsync(CancellationToken cancellationToken)
    {
        await sending.CloseAsync(Remiss, cancellationToken);
        TempData["StatusMessage"] = "Remissen är stängd. Inga fler svar tas emot. Avsluta remissen när synpunkterna är bemötta.";
        return Redirect(RemissUrl);
    }

    protected override async Task DescribeAsync(CancellationToken cancellationToken)
    {
        var rows = await queries.FollowUpRowsAsync(Remiss.Id, cancellationToken);
        Recipients = rows.Count;
        Answered = rows.Count(r => r.Status is RecipientStatus.Submitted or RecipientStatus.Declined);
        Declined = rows.Count(r => r.Status == RecipientStatus.Declined);
    }
}
