namespace Remiss.Web.Pages.Account;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Remiss.Infrastructure.Identity;

/// <summary>
/// Signing out ends the session on the server too: a new security stamp makes every copy of the cookie worthless at its
/// next request (<see cref="Sessions"/>), on this device and any other.
/// </summary>
public sealed class SignOutModel(SignInManager<ApplicationUser> signInManager, UserManager<ApplicationUser> userManager) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await userManager.GetUserAsync(User) is { } user)
        {
            await userManager.UpdateSecurityStampAsync(user);
        }

        await signInManager.SignOutAsync();

        // The browser forgets this site's stored data too: the copies of unsent yttrande text the form keeps.
        Response.Headers["Clear-Site-Data"] = "\"storage\"";
        TempData["StatusMessage"] = "Du är utloggad.";
        return RedirectToPage("/Account/SignIn");
    }
}
