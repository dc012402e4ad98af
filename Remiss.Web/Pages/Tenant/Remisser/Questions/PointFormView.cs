namespace Remiss.Web.Pages.Tenant.Remisser.Questions;

using Remiss.Domain.Remisser;
using Remiss.Web.Forms;

/// <summary>The synpunkt form of <c>_PointForm</c>: where it is, what it holds, and the remiss's themes to tick.</summary>
public sealed record PointFormView(PointsView Place, PointForm Form, IReadOnlyList<Theme> Themes)
{
    public bool IsNew => Form.PointId is null;

    /// <summary>The page's handler the form posts to: Raise a new synpunkt, Revise one.</summary>
    public string Handler => IsNew ? "Raise" : "Revise";
}
