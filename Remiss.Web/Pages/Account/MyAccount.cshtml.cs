namespace Remiss.Web.Pages.Account;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;
using Remiss.Infrastructure.Identity;
using Remiss.Web.Resources;

/// <summary>
/// The signed-in person's own account, and there two-step verification: turning it on with an authenticator app
/// (the key as text and as a QR code), recovery codes shown once, new ones, and turning it off, each with a code.
/// </summary>
public sealed class MyAccountModel(
    SignInManager<ApplicationUser> signInManager,
    TwoStepVerification twoStep,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    private ApplicationUser _user = null!;

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RenewCode { get; set; }

    [BindProperty]
    public string? DisableCode { get; set; }

    public string DisplayName => _user.DisplayName;

    public string Email => _user.Email ?? string.Empty;

    public bool HasPassword { get; private set; }

    public bool IsEnabled => _user.TwoFactorEnabled;

    public bool IsRequired { get; private set; }

    /// <summary>The authenticator key in groups of four, while it is being turned on.</summary>
    public string? Key { get; private set; }

    /// <summary>The QR code of the key's otpauth address, as a PNG data URI (the security policy allows data: images).</summary>
    public string? QrCode { get; private set; }

    /// <summary>Recovery codes just made: shown on this response only, never stored readable.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    /// <summary>Account pages are open to all (/Account allows anonymous); this one is the signed-in person's.</summary>
    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (User.Identity?.IsAuthenticated != true || await signInManager.UserManager.GetUserAsync(User) is not { } user)
        {
            context.Result = Challenge();
            return;
        }

        _user = user;
        HasPassword = await signInManager.UserManager.HasPasswordAsync(user);
        IsRequired = await twoStep.IsRequiredAsync(user, HttpContext.RequestAborted);
        await next();
    }

    public async Task OnGetAsync() => await ShowKeyAsync();

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        if (!HasPassword || IsEnabled)
        {
            return RedirectToPage();
        }

        var codes = await twoStep.EnableAsync(_user, Code, cancellationToken);
        if (codes is null)
        {
            ModelState.AddModelError(nameof(Code), localizer["Koden stämmer inte. Skriv de sex siffrorna som appen visar just nu."]);
            await ShowKeyAsync();
            return Page();
        }

        // Turning it on renewed the security stamp; the new cookie carries it, and no longer the demand to turn it on.
        await Sessions.RenewCookieAsync(HttpContext, signInManager, _user);
        RecoveryCodes = codes;
        Code = null;
        TempData["StatusMessage"] = localizer["Tvåstegsverifiering är påslagen."].Value;
        return Page();
    }

    public async Task<IActionResult> OnPostRenewAsync(CancellationToken cancellationToken)
    {
        var codes = await twoStep.RenewRecoveryCodesAsync(_user, RenewCode, cancellationToken);
        if (codes is null)
        {
            ModelState.AddModelError(nameof(RenewCode), localizer["Koden stämmer inte. Skriv de sex siffrorna som appen visar just nu."]);
            return Page();
        }

        RecoveryCodes = codes;
        RenewCode = null;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        if (IsRequired)
        {
            ModelState.AddModelError(nameof(DisableCode), localizer["Tvåstegsverifiering krävs för ditt konto och kan inte stängas av."]);
            return Page();
        }

        if (!await twoStep.DisableAsync(_user, DisableCode, cancellationToken))
        {
            ModelState.AddModelError(nameof(DisableCode), localizer["Koden stämmer inte. Skriv koden från appen eller en oanvänd återställningskod."]);
            return Page();
        }

        await Sessions.RenewCookieAsync(HttpContext, signInManager, _user);
        TempData["StatusMessage"] = localizer["Tvåstegsverifiering är avstängd."].Value;
        return RedirectToPage();
    }

    /// <summary>While it is off, the key to scan, as text and as a QR code.</summary>
    private async Task ShowKeyAsync()
    {
        if (!HasPassword || IsEnabled)
        {
            return;
        }

        var key = await twoStep.KeyAsync(_user);
        Key = TwoStepVerification.Readable(key);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(TwoStepVerification.AuthenticatorUri(Email, key), QRCodeGenerator.ECCLevel.Q);
        QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
