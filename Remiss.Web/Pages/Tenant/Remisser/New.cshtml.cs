namespace Remiss.Web.Pages.Tenant.Remisser;

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>"Ny remiss": a title and the sending organisation make a draft; the rest is written on the draft's page.</summary>
public sealed class NewModel(ITenantContext tenantContext, UserMemberships memberships, AppDbContext db, RemissDrafts drafts)
    : TenantPageModel(tenantContext)
{
    [BindProperty]
    [Required(ErrorMessage = "Ange en titel.")]
    [StringLength(Domain.Remisser.Remiss.TitleMaxLength, ErrorMessage = "Ange en titel på högst {1} tecken.")]
    public string Title { get; set; } = string.Empty;

    [BindProperty]
    public Guid OwnerOrganisationId { get; set; }

    public IReadOnlyList<Organisation> Owners { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadOwnersAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadOwnersAsync(cancellationToken);
        if (Owners.All(o => o.Id != OwnerOrganisationId))
        {
            ModelState.AddModelError(nameof(OwnerOrganisationId), "Välj en organisation som du är medlem i.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var remiss = await drafts.CreateAsync(OwnerOrganisationId, Title, User.UserId()!.Value, cancellationToken);
            TempData["StatusMessage"] = "Utkastet är skapat. Fyll i resten och spara.";
            return Redirect($"/{TenantSlug}/remisser/{remiss.Id}/redigera");
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.AllAt(nameof(Title)));
            return Page();
        }
    }

    private async Task LoadOwnersAsync(CancellationToken cancellationToken)
    {
        var mine = await memberships.OrganisationIdsAsync(User, cancellationToken);
        Owners = SwedishOrder.By(await db.Organisations.Where(o => mine.Contains(o.Id) && !o.IsRetired).ToListAsync(cancellationToken), o => o.Name);
    }
}
