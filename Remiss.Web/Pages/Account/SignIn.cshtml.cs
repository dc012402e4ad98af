namespace Remiss.Web.Pages.Account;

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Remiss.Infrastructure.Identity;
using Remiss.Web.Resources;

/// <summary>One sign-in page for everyone; the account leads the person to the tenants they have access to.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.RateLimits.AccountPolicy)]
public sealed class SignInModel(
    SignInManager<ApplicationUser> signInManager,
    PersonTenants tenants,
    SignInRecorder recorder,
    IStringLocalizer<SharedResource> localizer,
    SignInThrottle throttle,
    EqualTiming timing,
    OrganisationSignIn organisationSignIn,
    ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Where "Logga in med organisationskonto" leads, when the page was reached from a tenant with a provider.</summary>
    public string? OrganisationSignInUrl { get; private set; }

    /// <summary>The address typed is of a tenant's provider domain: the page goes on to the provider by itself.</summary>
    public bool SendsToProvider { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A tenant's page sent the person here (its path is the return address): that tenant's provider is offered.
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl)
            && ReturnUrl.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var slug, ..]
            && await organisationSignIn.HasProviderAsync(slug, cancellationToken))
        {
            OrganisationSignInUrl = $"/{slug}/logga-in/organisationskonto?returnUrl={Uri.EscapeDataString(ReturnUrl)}";
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // An address of exactly one tenant's provider domains signs in there: no password is asked, whatever was typed.
        // The page sends the browser on itself rather than redirecting the form's post: the policy's form-action 'self'
        // would stop a posted form from ending at the provider.
        if (ModelState.GetFieldValidationState("Input.Email") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Valid
            && await organisationSignIn.TenantForEmailAsync(Input.Email, cancellationToken) is { } providerTenant)
        {
            var back = !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? $"&returnUrl={Uri.EscapeDataString(ReturnUrl)}" : string.Empty;
            OrganisationSignInUrl = $"/{providerTenant}/logga-in/organisationskonto?loginHint={Uri.EscapeDataString(Input.Email.Trim())}{back}";
            SendsToProvider = true;
            ModelState.Clear();
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Every refusal reads the same and takes about as long, account or not, so the page tells nobody which addresses exist.
        var client = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (!throttle.Allows(Input.Email, client))
        {
            logger.LogWarning("Sign-in throttled after repeated failures.");
            return Refuse(localizer["För många misslyckade försök. Vänta en stund och försök igen."]);
        }

        var user = await signInManager.UserManager.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            logger.LogWarning("Failed sign-in for an unknown account.");
            timing.CheckDecoyPassword(Input.Password);
            return Fail(client);
        }

        if (await NowhereToGoAsync(user, cancellationToken) is { } why)
        {
            logger.LogWarning("Failed sign-in for user {UserId} without an active access.", user.Id);
            timing.CheckDecoyPassword(Input.Password);
            await recorder.RecordAsync(user, succeeded: false, why, cancellationToken);
            return Fail(client);
        }

        var result = await signInManager.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: false);
        if (result.RequiresTwoFactor)
        {
            // The password was right, but the sign-in is not done: the throttle's count stays until the code is right too,
            // so a known password does not buy fresh guesses at the code.
            logger.LogInformation("User {UserId} gave the password; the code is next.", user.Id);
            return RedirectToPage("/Account/SignInCode", new { ReturnUrl });
        }

        if (!result.Succeeded)
        {
            logger.LogWarning("Failed sign-in for user {UserId}.", user.Id);
            await recorder.RecordAsync(user, succeeded: false, "Fel lösenord.", cancellationToken);
            return Fail(client);
        }

        throttle.RecordSuccess(Input.Email, client);
        logger.LogInformation("User {UserId} signed in.", user.Id);
        await recorder.RecordAsync(user, succeeded: true, "Inloggad.", cancellationToken);
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl);
        }

        return Redirect("/");
    }

    /// <summary>
    /// Why the account may not sign in, for the tenants' logs: it needs an active access to a tenant that is not
    /// suspended, or the operator's role. Null when it may.
    /// </summary>
    private async Task<string?> NowhereToGoAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        if ((await tenants.ActiveAsync(user.Id, cancellationToken)).Count > 0 || await signInManager.UserManager.IsInRoleAsync(user, Roles.PlatformAdmin))
        {
            return null;
        }

        return await tenants.HasActiveAccessAsync(user.Id, cancellationToken)
            ? "Inloggningen nekades: kommunens tillgång till Remiss är avstängd."
            : "Inloggningen nekades: kontot är inaktiverat.";
    }

    private PageResult Fail(string? client)
    {
        throttle.RecordFailure(Input.Email, client);
        return Refuse(localizer["Fel e-postadress eller lösenord."]);
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Ange din e-postadress.")]
        [EmailAddress(ErrorMessage = "Ange en giltig e-postadress, till exempel namn@kommun.se.")]
        [Display(Name = "E-post")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Ange ditt lösenord.")]
        [DataType(DataType.Password)]
        [Display(Name = "Lösenord")]
        public string Password { get; set; } = string.Empty;
    }
}
