namespace Remiss.Web.Pages.Published;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Publication;
using Remiss.Infrastructure.RichText;

/// <summary>One published yttrande, read-only: its text and its signatories' names and titles, no bilagor, no editors.</summary>
public sealed class PublicResponseModel(PublishedRemisser published, RichTextSanitizer sanitizer) : PageModel
{
    public PublishedRemiss Published { get; private set; } = null!;

    public Recipient Recipient { get; private set; } = null!;

    public string OrganisationName { get; private set; } = string.Empty;

    public string SubmittedOn { get; private set; } = string.Empty;

    public Func<string?, string> Sanitize => sanitizer.Sanitize;

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, Guid recipientId, CancellationToken cancellationToken)
    {
        if (await published.FindResponseAsync(slug, id, recipientId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        (Published, Recipient) = found;
        var listed = Published.Responses.Single(r => r.RecipientId == recipientId);
        OrganisationName = listed.OrganisationName;
        SubmittedOn = TenantCalendar.For(Published.Tenant.TimeZoneId).DateAndTime(listed.SubmittedAt);
        return Page();
    }
}
