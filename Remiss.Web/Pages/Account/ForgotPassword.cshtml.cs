namespace Remiss.Web.Pages.Account;

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Remiss.Infrastructure.Identity;

/// <summary>
/// Asks for a reset link. Every asker gets the same answer, in the same page and in about the same time, so the page never
/// tells whether an address has an account: the link is made in a scope of its own, whose tenant never reaches this
/// page's title or header, and the answer waits out <see cref="EqualTiming.ResetFloor"/>.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.RateLimits.AccountPolicy)]
public sealed class ForgotPasswordModel(IServiceScopeFactory scopes) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await EqualTiming.WithFloorAsync(
            async () =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AccountLinks>().RequestPasswordResetAsync(Input.Email, cancellationToken);
            },
            cancellationToken);
        Sent = true;
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Ange din e-postadress.")]
        [EmailAddress(ErrorMessage = "Ange en giltig e-postadress, till exempel namn@kommun.se.")]
        public string Email { get; set; } = string.Empty;
    }
}
