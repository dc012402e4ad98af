namespace Remiss.Web.Pages.Tenant.Admin.Organisations;

using System.ComponentModel.DataAnnotations;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Administration;

/// <summary>The organisation form as posted; the domain checks the rest.</summary>
public sealed class OrganisationForm
{
    [Required(ErrorMessage = "Ange namn.")]
    [Display(Name = "Namn")]
    public string? Name { get; set; }

    [Display(Name = "Typ")]
    public OrganisationKind Kind { get; set; } = OrganisationKind.Namnd;

    [Display(Name = "Funktionsbrevlåda")]
    public string? FunctionalMailbox { get; set; }

    [Display(Name = "Kontaktperson")]
    public string? ContactName { get; set; }

    public OrganisationInput ToInput() => new(Name, Kind, FunctionalMailbox, ContactName);

    public static OrganisationForm Of(Organisation o) =>
        new() { Name = o.Name, Kind = o.Kind, FunctionalMailbox = o.FunctionalMailbox, ContactName = o.ContactName };
}
