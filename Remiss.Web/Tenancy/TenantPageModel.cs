namespace Remiss.Web.Tenancy;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Remiss.Domain.Common;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Refusals;

/// <summary>Base of every page under <c>/{tenant}</c>: the tenant is resolved before the page runs.</summary>
public abstract class TenantPageModel(ITenantContext tenantContext) : PageModel
{
    [FromRoute(Name = TenantResolutionMiddleware.RouteKey)]
    public string TenantSlug { get; set; } = string.Empty;

    public CurrentTenant Tenant => tenantContext.Tenant ?? throw new InvalidOperationException("A tenant page ran without a tenant.");

    /// <summary>An instant as the tenant's people read it: "30 november 2023 kl. 11.00".</summary>
    public string Format(DateTime utc) => TenantCalendar.For(Tenant.TimeZoneId).DateAndTime(utc);

    /// <summary>A domain refusal on the page, each reason next to its field in <paramref name="fields"/> (else at the top), with what was typed kept.</summary>
    protected void AddRefusal(DomainException refusal, FormFields? fields = null) => RefusalModelState.AddRefusal(this, refusal, fields);
}
