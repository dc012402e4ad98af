namespace Remiss.Web.Pages.Published;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Remiss.Domain.Common;
using Remiss.Infrastructure.Publication;

/// <summary>
/// The public page of a closed remiss of a tenant that publishes: its questions and the yttranden that came in.
/// No sign-in; anything not published is simply not found.
/// </summary>
public sealed class PublicRemissModel(PublishedRemisser published) : PageModel
{
    public PublishedRemiss Published { get; private set; } = null!;

    public string Date(DateTime utc) => SwedishDates.Date(TenantCalendar.For(Published.Tenant.TimeZoneId).Today(utc));

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        if (await published.FindAsync(slug, id, cancellationToken) is not { } remiss)
        {
            return NotFound();
        }

        Published = remiss;
        return Page();
    }
}
