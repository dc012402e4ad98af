namespace Remiss.Web.Pages;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Remiss.Infrastructure.Identity;

/// <summary>
/// The root leads each person to their start page: the tenant they last worked in (of those they still have access
/// to), the platform for the operator, else sign-in.
/// </summary>
public sealed class IndexModel(PersonTenants tenants) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return RedirectToPage("/Account/SignIn");
        }

        if (await tenants.StartAsync(User, cancellationToken) is { } start)
        {
            return Redirect($"/{start.Slug}");
        }

        return User.IsInRole(Roles.PlatformAdmin) ? RedirectToPage("/Platform/Index") : RedirectToPage("/Account/NoAccess");
    }
}
