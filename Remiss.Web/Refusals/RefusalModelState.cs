namespace Remiss.Web.Refusals;

using Microsoft.AspNetCore.Mvc.RazorPages;
using Remiss.Domain.Common;

/// <summary>How a page shows a domain refusal: each reason in the user's language, next to the field its subject names.</summary>
public static class RefusalModelState
{
    public static void AddRefusal(this PageModel page, DomainException refusal, FormFields? fields = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(refusal);
        var texts = page.HttpContext.RequestServices.GetRequiredService<RefusalTexts>();
        foreach (var reason in refusal.Refusals)
        {
            page.ModelState.AddModelError((fields ?? FormFields.Top).KeyFor(reason.Subject), texts.Text(reason));
        }
    }

    /// <summary>The refusals said in the user's language, one sentence each: for a page that lists them itself.</summary>
    public static IReadOnlyList<string> Texts(this PageModel page, IEnumerable<Refusal> refusals)
    {
        ArgumentNullException.ThrowIfNull(page);
        var texts = page.HttpContext.RequestServices.GetRequiredService<RefusalTexts>();
        return [.. refusals.Select(texts.Text)];
    }
}
