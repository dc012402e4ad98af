namespace Remiss.Web.Pages.Tenant.Admin.Users;

using System.ComponentModel.DataAnnotations;
using Remiss.Infrastructure.Administration;

/// <summary>The user form as posted: who the person is, their organisations and whether they administer the tenant.</summary>
public sealed class UserForm
{
    [Display(Name = "E-post")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Ange namn.")]
    [Display(Name = "Namn")]
    public string? DisplayName { get; set; }

    [Display(Name = "Titel")]
    public string? Title { get; set; }

    public List<Guid> OrganisationIds { get; set; } = [];

    public bool IsAdmin { get; set; }

    public UserInput ToInput() => new(Email, DisplayName, Title, OrganisationIds, IsAdmin);

    public static UserForm Of(UserRow user) =>
        new() { Email = user.Email, DisplayName = user.DisplayName, Title = user.Title, OrganisationIds = [.. user.OrganisationIds], IsAdmin = user.IsAdmin };
}
