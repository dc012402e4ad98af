namespace Remiss.Web.Pages.Published;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Remiss.Infrastructure.Documents;
using Remiss.Infrastructure.Publication;

/// <summary>
/// The final sammanställning of an Avslutad remiss of a tenant that publishes, as stored when it was completed. No
/// sign-in; a remiss that is not published, or not yet Avslutad, has none.
/// </summary>
public sealed class PublicSummaryModel(PublishedRemisser published) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        if (await published.FinalSummaryAsync(slug, id, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return new FileStreamResult(file.Content, WordFile.ContentType) { FileDownloadName = file.FileName };
    }
}
