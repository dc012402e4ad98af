namespace Remiss.Web.Pages.Tenant.Remisser.Questions;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>
/// Teman: the remiss's own labels for synpunkter, with how many each holds; the owner adds, renames and merges them.
/// Read-only once the remiss is Avslutad. For the remiss's owners only; anyone else, another tenant too, gets 404.
/// </summary>
public sealed class ThemesModel(ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, RemissReview review)
    : RemissPageModel(tenantContext, reader, authorization)
{
    public ReviewSnapshot Snapshot { get; private set; } = ReviewSnapshot.Empty;

    /// <summary>A theme's new name (with <see cref="RenamedThemeId"/>).</summary>
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>"Nytt tema": the name of a theme to add.</summary>
    [BindProperty]
    public string? NewTheme { get; set; }

    /// <summary>The theme whose rename was refused: its field shows what was typed.</summary>
    public Guid? RenamedThemeId { get; private set; }

    [BindProperty]
    public Guid? FromThemeId { get; set; }

    [BindProperty]
    public Guid? IntoThemeId { get; set; }

    public bool CanEdit => Remiss.Status is RemissStatus.Sent or RemissStatus.Closed;

    public string ThemesUrl => $"{RemissUrl}/teman";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadPageAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "NewTheme", async () =>
        {
            var theme = await review.AddThemeAsync(Remiss, NewTheme ?? string.Empty, cancellationToken);
            return $"Temat {theme.Name} är tillagt.";
        }, cancellationToken);

    public Task<IActionResult> OnPostRenameAsync(Guid id, Guid themeId, CancellationToken cancellationToken)
    {
        RenamedThemeId = themeId;
        return ActAsync(id, $"namn-{themeId}", async () =>
        {
            await review.RenameThemeAsync(Remiss, themeId, Name ?? string.Empty, cancellationToken);
            return "Temat har bytt namn.";
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostMergeAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "FromThemeId", async () =>
        {
            await review.MergeThemesAsync(Remiss, FromThemeId ?? Guid.Empty, IntoThemeId ?? Guid.Empty, cancellationToken);
            return "Temana är sammanslagna.";
        }, cancellationToken);

    /// <summary>How many synpunkter are filed under <paramref name="theme"/>.</summary>
    public int PointsUnder(Theme theme) => Snapshot.PointsUnder(theme).Count;

    private async Task<IActionResult> ActAsync(Guid id, string field, Func<Task<string>> action, CancellationToken cancellationToken)
    {
        if (!await LoadPageAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            TempData["StatusMessage"] = await action();
            return Redirect(ThemesUrl);
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.AllAt(field));
            Snapshot = await review.ReadAsync(Remiss.Id, cancellationToken);
            return Page();
        }
    }

    private async Task<bool> LoadPageAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Policies.RemissOwner, cancellationToken) || Remiss.IsDraft)
        {
            return false;
        }

        Snapshot = await review.ReadAsync(Remiss.Id, cancellationToken);
        return true;
    }
}
