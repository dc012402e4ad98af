namespace Remiss.Web.Pages.Account;

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Remiss.Infrastructure.Identity;
using Remiss.Web.Resources;

/// <summary>
/// The second step of signing in, for an account with two-step verification: the code from the authenticator app, or
/// one of the recovery codes (each works once). Identity's two-factor cookie remembers who gave the right password;
/// wrong codes count in the same throttle as wrong passwords.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.RateLimits.AccountPolicy)]
public sealed class SignInCodeModel(
    SignInManager<ApplicationUser> signInManager,
    SignInRecorder recorder,
    IStringLocalizer<SharedResource> localizer,
    SignInThrottle throttle,
    ILogger<SignInCodeModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Without the two-factor cookie (it expired, or the password step never happened) there is nobody to check a code for.
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            TempData["StatusMessage"] = localizer["Inloggningen tog för lång tid. Logga in igen."].Value;
            return RedirectToPage("/Account/SignIn", new { ReturnUrl });
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var client = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (!throttle.Allows(user.Email, client))
        {
            logger.LogWarning("Second sign-in step throttled after repeated failures.");
            ModelState.AddModelError("Input.Code", localizer["För många misslyckade försök. Vänta en stund och försök igen."]);
            return Page();
        }

        var code = TwoStepVerification.Normalise(Input.Code);
        var fromApp = TwoStepVerification.IsAppCode(code);
        var result = fromApp
            ? await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signInManager.TwoFactorRecoveryCodeSignInAsync(code);
        if (!result.Succeeded)
        {
            logger.LogWarning("Wrong second-step code for user {UserId}.", user.Id);
            throttle.RecordFailure(user.Email, client);
            await recorder.RecordAsync(user, succeeded: false, "Fel kod i tvåstegsverifieringen.", cancellationToken);
            ModelState.AddModelError("Input.Code", localizer["Koden stämmer inte. Skriv koden från appen eller en oanvänd återställningskod."]);
            return Page();
        }

        throttle.RecordSuccess(user.Email, client);
        logger.LogInformation("User {UserId} signed in with two-step verification.", user.Id);
        await recorder.RecordAsync(user, succeeded: true, fromApp ? "Inloggad med tvåstegsverifiering." : "Inloggad med en återställningskod.", cancellationToken);
        return !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : Redirect("/");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Skriv koden från appen.")]
        [Display(Name = "Kod")]
        public string Code { get; set; } = string.Empty;
    }
}
