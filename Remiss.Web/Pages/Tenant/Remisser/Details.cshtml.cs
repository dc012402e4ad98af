namespace Remiss.Web.Pages.Tenant.Remisser;

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.RichText;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>The remiss as its owner or a recipient sees it. Anyone else — another tenant too — gets 404.</summary>
public sealed class DetailsModel(
    ITenantContext tenantContext,
    RemissReader reader,
    IAuthorizationService authorization,
    RichTextSanitizer sanitizer,
    TimeProvider clock) : TenantPageModel(tenantContext)
{
    private IReadOnlyDictionary<Guid, string> _organisationNames = new Dictionary<Guid, string>();

    public Remiss Remiss { get; private set; } = null!;

    public bool IsOwner { get; private set; }

    public string DescriptionHtml { get; private set; } = string.Empty;

    public IEnumerable<Recipient> RecipientsInOrder =>
        Remiss.Recipients.OrderBy(r => OrganisationName(r.OrganisationId), StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), false));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var remiss = await reader.FindWithRecipientsAsync(id, cancellationToken);
        if (remiss is null || !(await authorization.AuthorizeAsync(User, remiss, Policies.RemissReader)).Succeeded)
        {
            return NotFound();
        }

        Remiss = remiss;
        IsOwner = (await authorization.AuthorizeAsync(User, remiss, Policies.RemissOwner)).Succeeded;
        DescriptionHtml = sanitizer.Sanitize(remiss.Description);
        _organisationNames = await reader.OrganisationNamesAsync(cancellationToken);
        return Page();
    }

    public string OrganisationName(Guid id) => _organisationNames.TryGetValue(id, out var name) ? name : string.Empty;

    public bool IsOverdue(Recipient recipient) =>
        Remiss.Deadline is not null && recipient.IsOverdue(new Domain.Common.TenantCalendar(TimeZoneInfo.FindSystemTimeZoneById(Tenant.TimeZoneId)).Today(clock.GetUtcNow().UtcDateTime));
}
