namespace Remiss.Web.Pages.Tenant.Remisser.Questions;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.RichText;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Forms;

/// <summary>A part of a submitted yttrande outside the questions, sanitised for the page.</summary>
public sealed record ShownSection(string Name, string Html);

/// <summary>A submitted yttrande's parts outside the questions, as the page lists them.</summary>
public sealed record ShownSections(SubmittedSections Yttrande, IReadOnlyList<ShownSection> Parts);

/// <summary>
/// Synpunkter utanför frågorna: every submitted yttrande's Sammanfattning, Övergripande synpunkter and standard sections
/// (Ekonomiska konsekvenser…), each with its synpunkter and "Lägg till synpunkt". A synpunkt taken here belongs to no
/// question and is filed under its section. For the remiss's owners only; anyone else, another tenant too, gets 404.
/// </summary>
public sealed class OutsideModel(
    ITenantContext tenantContext,
    RemissReader reader,
    IAuthorizationService authorization,
    RemissReview review,
    QuestionAnswers answers,
    SanitizedTextCache sanitizer) : ReviewPageModel(tenantContext, reader, authorization, review)
{
    public IReadOnlyList<ShownSections> Yttranden { get; private set; } = [];

    public override string PageUrl => $"{RemissUrl}/synpunkter-utanfor-fragorna";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPageAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await ShowAsync(cancellationToken);
        OpenFormFromAddress();
        return Page();
    }

    /// <summary>Lägg till synpunkt: a synpunkt taken from the section <see cref="PointForm.Section"/> of a submitted yttrande.</summary>
    public async Task<IActionResult> OnPostRaiseAsync(Guid id, Guid recipientId, CancellationToken cancellationToken) =>
        await LoadPageAsync(id, cancellationToken)
            ? await RaiseAsync(recipientId, () => PointSource.InSection(Point.Section), () => ShowAsync(cancellationToken), cancellationToken)
            : NotFound();

    public async Task<IActionResult> OnPostReviseAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadPageAsync(id, cancellationToken) ? await ReviseAsync(() => ShowAsync(cancellationToken), cancellationToken) : NotFound();

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid pointId, CancellationToken cancellationToken) =>
        await LoadPageAsync(id, cancellationToken) ? await RemoveAsync(pointId, () => ShowAsync(cancellationToken), cancellationToken) : NotFound();

    /// <summary>The synpunkter taken from one section of <paramref name="yttrande"/>, with the forms to add and change them.</summary>
    public PointsView PointsFor(SubmittedSections yttrande, ShownSection part)
    {
        ArgumentNullException.ThrowIfNull(yttrande);
        ArgumentNullException.ThrowIfNull(part);
        return new PointsView(this, yttrande.RecipientId, yttrande.Name, null, part.Name, [], AnchorOf(yttrande.RecipientId));
    }

    public static string AnchorOf(Guid recipientId) => $"yttrande-{recipientId}";

    protected override string AnchorOf(PointForm form) => AnchorOf(form?.RecipientId ?? Guid.Empty);

    /// <summary>Loads the remiss for its owners and its synpunkter; the yttranden's texts are read only when the page is shown.</summary>
    private Task<bool> LoadPageAsync(Guid id, CancellationToken cancellationToken) => LoadReviewAsync(id, cancellationToken);

    /// <summary>Every submitted yttrande's texts outside the questions, in one query, in Swedish order of the remissinstans's name.</summary>
    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        var sections = SwedishOrder.By(await answers.Sections(Remiss.Id).ToListAsync(cancellationToken), s => s.Name);
        Yttranden = [.. sections.Select(s => new ShownSections(s, [.. Parts(s)]))];
    }

    private IEnumerable<ShownSection> Parts(SubmittedSections yttrande)
    {
        var parts = new List<(string Name, string? Text)> { (PointSource.SummarySection, yttrande.Summary), (PointSource.GeneralViewsSection, yttrande.GeneralViews) };
        parts.AddRange(yttrande.Sections.Select(s => (s.Name, s.Text)));
        return parts.Where(p => !global::Remiss.Domain.Remisser.Response.IsBlankHtml(p.Text)).Select(p => new ShownSection(p.Name, sanitizer.Sanitize(p.Text)));
    }
}
