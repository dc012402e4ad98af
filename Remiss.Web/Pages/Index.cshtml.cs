namespace Remiss.Web.Pages;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Remiss.Infrastructure.Identity;

/// <summary>The root leads each user to their own start page, or to sign-in.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return RedirectToPage("/Account/SignIn");
        }

        if (User.TenantSlug() is { } slug)
        {
            return Redirect($"/{slug}");
        }

        return User.IsInRole(Roles.PlatformAdmin) ? RedirectToPage("/Platform/Index") : RedirectToPage("/Account/SignIn");
    }
}
