namespace Remiss.Web.Pages.Tenant.Remisser.Questions;

/// <summary>
/// The synpunkter taken from one answer or section, as the partial <c>_Points</c> shows them: the page, the
/// remissinstans and its name, the question or section, the filters a "Lägg till synpunkt" keeps in the address, and
/// the id of the place on the page that "Avbryt" goes back to.
/// </summary>
public sealed record PointsView(
    ReviewPageModel Page,
    Guid RecipientId,
    string RecipientName,
    int? QuestionNumber,
    string? Section,
    IReadOnlyList<KeyValuePair<string, string>> KeptQuery,
    string Anchor);
