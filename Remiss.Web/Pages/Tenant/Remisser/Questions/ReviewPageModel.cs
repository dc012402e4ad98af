namespace Remiss.Web.Pages.Tenant.Remisser.Questions;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Forms;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>
/// Base of the owner's pages that take synpunkter from the submitted answers (a question's page, the page of the
/// sections outside the questions): the synpunkt form, opened by a plain GET ("Lägg till synpunkt", "Ändra synpunkt")
/// so it works without scripts and only one is on the page at a time; saving, changing and removing through
/// <see cref="RemissReview"/>; and a stale save shown beside the other person's saved version with one's own text kept.
/// Everything is read-only once the remiss is Avslutad.
/// </summary>
public abstract class ReviewPageModel(ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, RemissReview review)
    : RemissPageModel(tenantContext, reader, authorization)
{
    /// <summary>The recipient whose answer (or section) gets a new synpunkt form.</summary>
    [FromQuery(Name = "ny")]
    public Guid? NewFor { get; set; }

    /// <summary>With <see cref="NewFor"/> on the page of the sections: the section the new synpunkt is taken from.</summary>
    [FromQuery(Name = "del")]
    public string? NewSection { get; set; }

    /// <summary>The synpunkt whose form is open for changes.</summary>
    [FromQuery(Name = "andra")]
    public Guid? EditPoint { get; set; }

    /// <summary>Text selected in the answer when "Lägg till synpunkt" was pressed (by the page's script): the new Synpunkt.</summary>
    [FromQuery(Name = "citat")]
    public string? Quote { get; set; }

    [BindProperty]
    public PointForm Point { get; set; } = new();

    public ReviewSnapshot Snapshot { get; private set; } = ReviewSnapshot.Empty;

    /// <summary>The synpunkt form shown on the page, if any: the one opened by the address, or the one posted and refused.</summary>
    public PointForm? OpenForm { get; private set; }

    /// <summary>After a stale save: the synpunkt as the other person saved it, shown beside the form that keeps one's own text.</summary>
    public RaisedPoint? TheirPoint { get; private set; }

    public string TheirName { get; private set; } = string.Empty;

    /// <summary>Synpunkter and comments can be worked on while answers are in or coming; an Avslutad remiss is read-only.</summary>
    public bool CanEdit => Remiss.Status is RemissStatus.Sent or RemissStatus.Closed;

    /// <summary>The page's own address, without filters.</summary>
    public abstract string PageUrl { get; }

    protected RemissReview Review => review;

    /// <summary>Where on the page a saved synpunkt's answer or section is, for the redirect after saving.</summary>
    protected virtual string AnchorOf(PointForm form) => $"svar-{form?.RecipientId}";

    public IReadOnlyList<RaisedPoint> PointsOf(Guid recipientId, int? questionNumber, string? section) =>
        [.. Snapshot.Points.Where(p => p.RecipientId == recipientId && p.QuestionNumber == questionNumber && p.Section == section)];

    /// <summary>Whether the new synpunkt form belongs under this answer or section.</summary>
    public bool IsNewFormFor(Guid recipientId, string? section) =>
        OpenForm is { PointId: null } form && form.RecipientId == recipientId && (form.Section ?? string.Empty) == (section ?? string.Empty);

    public bool IsEditing(Guid pointId) => OpenForm?.PointId == pointId;

    public string ThemeNames(RaisedPoint point) => string.Join(", ", Snapshot.ThemeNamesOf(point));

    /// <summary>Loads the remiss for its owners (sent, not a draft) and what the page shows; false means "answer 404".</summary>
    protected async Task<bool> LoadReviewAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Policies.RemissOwner, cancellationToken) || Remiss.IsDraft)
        {
            return false;
        }

        Snapshot = await review.ReadAsync(Remiss.Id, cancellationToken);
        return true;
    }

    /// <summary>Opens the form the address asks for (after a GET), when the remiss can still be worked on.</summary>
    protected void OpenFormFromAddress()
    {
        if (!CanEdit)
        {
            return;
        }

        if (EditPoint is { } pointId && Snapshot.Points.FirstOrDefault(p => p.Id == pointId) is { } point)
        {
            OpenForm = PointForm.From(point);
        }
        else if (NewFor is { } recipientId && Remiss.Recipients.Any(r => r.Id == recipientId))
        {
            OpenForm = new PointForm { RecipientId = recipientId, Section = NewSection, Text = Quote?.Trim() };
        }
    }

    /// <summary>
    /// Takes the posted synpunkt from <paramref name="source"/> of <paramref name="recipientId"/>'s yttrande (a form field
    /// of its own, like every id a handler takes); a recipient not of this remiss, another tenant's too, is not found.
    /// </summary>
    protected Task<IActionResult> RaiseAsync(Guid recipientId, Func<PointSource> source, Func<Task> reload, CancellationToken cancellationToken)
    {
        Point.RecipientId = recipientId;
        return Remiss.Recipients.All(r => r.Id != recipientId)
            ? Task.FromResult<IActionResult>(NotFound())
            : SaveAsync(
                async () => await review.RaiseAsync(Remiss, recipientId, source(), Point.ToContent(), Point.NewThemeNames, cancellationToken),
                "Synpunkten är sparad.",
                reload,
                cancellationToken);
    }

    protected Task<IActionResult> ReviseAsync(Func<Task> reload, CancellationToken cancellationToken) =>
        SaveAsync(
            () => review.ReviseAsync(Remiss, Point.PointId ?? Guid.Empty, Point.ToContent(), Point.NewThemeNames, Point.Version, cancellationToken),
            "Synpunkten är ändrad.",
            reload,
            cancellationToken);

    protected async Task<IActionResult> RemoveAsync(Guid pointId, Func<Task> reload, CancellationToken cancellationToken)
    {
        try
        {
            await review.RemoveAsync(Remiss, pointId, cancellationToken);
            TempData["StatusMessage"] = "Synpunkten är borttagen.";
            return Redirect(PageUrl);
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal);
            await ReloadAsync(reload, cancellationToken);
            return Page();
        }
    }

    /// <summary>The name of the person who last saved, for "sparad av".</summary>
    protected Task<string> NameOfAsync(Guid userId, CancellationToken cancellationToken) => Reader.UserNameAsync(userId, cancellationToken);

    private async Task<IActionResult> SaveAsync(Func<Task> save, string message, Func<Task> reload, CancellationToken cancellationToken)
    {
        try
        {
            await save();
            TempData["StatusMessage"] = message;
            return Redirect($"{PageUrl}#{AnchorOf(Point)}");
        }
        catch (ConcurrencyConflictException conflict)
        {
            await ReloadAsync(reload, cancellationToken);
            TheirPoint = Snapshot.Points.FirstOrDefault(p => p.Id == Point.PointId);
            TheirName = TheirPoint is null ? string.Empty : await NameOfAsync(TheirPoint.LastSavedByUserId, cancellationToken);
            ModelState.AddModelError(string.Empty, this.Texts([conflict.Refusal])[0]);
            ModelState.Remove("Point.Version");
            Point.Version = conflict.CurrentVersion;
            OpenForm = Point;
            return Page();
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.Point);
            await ReloadAsync(reload, cancellationToken);

            // A synpunkt that someone removed meanwhile: the text stays in a new form, so saving takes it again.
            if (Point.PointId is { } pointId && Snapshot.Points.All(p => p.Id != pointId))
            {
                Point.PointId = null;
            }

            OpenForm = CanEdit ? Point : null;
            return Page();
        }
    }

    /// <summary>Reads the synpunkter, themes and comments again, as they are after what this request did or was refused.</summary>
    protected async Task RereadAsync(CancellationToken cancellationToken) => Snapshot = await review.ReadAsync(Remiss.Id, cancellationToken);

    private async Task ReloadAsync(Func<Task> reload, CancellationToken cancellationToken)
    {
        await RereadAsync(cancellationToken);
        await reload();
    }
}
