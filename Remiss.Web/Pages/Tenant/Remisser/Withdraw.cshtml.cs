namespace Remiss.Web.Pages.Tenant.Remisser;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Refusals;

/// <summary>
/// `Återkalla remissen` → this confirmation (who is e-mailed and what, how many have answered, that it cannot be
/// undone) with the reason → `Bekräfta och återkalla` (<see cref="ConfirmationPageModel"/>).
/// </summary>
public sealed class WithdrawModel(ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, RemissSending sending, RemissQueries queries)
    : ConfirmationPageModel(tenantContext, reader, authorization)
{
    [BindProperty]
    public string? WithdrawalReason { get; set; }

    public int Recipients { get; private set; }

    public int Answered { get; private set; }

    /// <summary>Recipients that get the e-mail: all but those that declined.</summary>
    public int Told { get; private set; }

    public int Addresses { get; private set; }

    public EmailContent Notice { get; private set; } = new(string.Empty, string.Empty, string.Empty);

    public override bool CanConfirm => Remiss.Status == RemissStatus.Sent;

    protected override string PagePath => "aterkalla";

    protected override string NotNowRefusal => RefusalKey.WithdrawOnlyWhenSent;

    protected override FormFields RefusalFields => FormFields.AllAt(nameof(WithdrawalReason));

    protected override async Task<IActionResult> ConfirmAsync(CancellationToken cancellationToken)
    {
        await sending.WithdrawAsync(Remiss, WithdrawalReason, cancellationToken);
        TempData["StatusMessage"] = "Remissen är återkallad. Remissinstanserna får besked med e-post.";
        return Redirect(RemissUrl);
    }

    protected override async Task DescribeAsync(CancellationToken cancellationToken)
    {
        var rows = await queries.FollowUpRowsAsync(Remiss.Id, cancellationToken);
        Recipients = rows.Count;
        Answered = rows.Count(r => r.Status is RecipientStatus.Submitted or RecipientStatus.Declined);
        (Notice, Told, Addresses) = await sending.PreviewWithdrawalAsync(Remiss, cancellationToken);
    }
}
