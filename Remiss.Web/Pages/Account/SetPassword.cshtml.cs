namespace Remiss.Web.Pages.Account;

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Remiss.Infrastructure.Identity;

/// <summary>
/// Where an invitation or a reset link leads: the holder chooses a password. The link works once (setting the
/// password renews the account's security stamp) and only for its lifespan.
/// </summary>
public sealed class SetPasswordModel(AccountLinks links) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "anvandare")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "kod")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = "inbjudan")]
    public bool Invitation { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool LinkIsValid { get; private set; }

    public string Email { get; private set; } = string.Empty;

    public async Task OnGetAsync() => await CheckLinkAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await CheckLinkAsync())
        {
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var problems = await links.SetPasswordAsync(UserId, Code, Invitation, Input.Password, cancellationToken);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError("Input.Password", problem);
            }

            return Page();
        }

        TempData["StatusMessage"] = "Ditt lösenord är sparat. Logga in med din e-postadress och det nya lösenordet.";
        return Redirect("/konto/logga-in");
    }

    private async Task<bool> CheckLinkAsync()
    {
        var user = await links.ValidLinkAsync(UserId, Code, Invitation);
        LinkIsValid = user is not null;
        Email = user?.Email ?? string.Empty;
        return LinkIsValid;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Ange ett lösenord.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "Upprepa lösenordet.")]
        [Compare(nameof(Password), ErrorMessage = "Lösenorden är inte lika.")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
