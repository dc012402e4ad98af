namespace Remiss.Web.Pages.Tenant.Remisser.Questions;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.RichText;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Components.QuestionTypes;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>A submitted answer as the question page shows it: its remissinstans, and its text sanitised with the search's hits marked.</summary>
public sealed record ShownAnswer(SubmittedAnswer Item, string Html);

/// <summary>
/// Fråga N: the question with its tally, every submitted answer in full under its remissinstans, and apart from them
/// the remissinstanser that declined or have not answered. The owner filters the answers with a plain GET form: by kind
/// of organisation, by position, choice or colour, and by words, whose hits are marked. For the remiss's owners only;
/// anyone else, another tenant too, gets 404. Drafts are never read.
/// </summary>
public sealed class QuestionModel(
    ITenantContext tenantContext,
    RemissReader reader,
    IAuthorizationService authorization,
    RemissReview review,
    QuestionAnswers answers,
    SanitizedTextCache sanitizer) : ReviewPageModel(tenantContext, reader, authorization, review)
{
    /// <summary>The kind of organisation to show, by its code name; empty for all.</summary>
    [FromQuery(Name = "typ")]
    public string? KindFilter { get; set; }

    /// <summary>A position, option or item's colour to show (a key of <see cref="Facets"/>); empty for all.</summary>
    [FromQuery(Name = "svar")]
    public string? FacetFilter { get; set; }

    /// <summary>Words that a shown answer holds, all of them.</summary>
    [FromQuery(Name = "ord")]
    public string? Search { get; set; }

    /// <summary>A theme that a synpunkt taken from a shown answer is filed under.</summary>
    [FromQuery(Name = "tema")]
    public Guid? ThemeFilter { get; set; }

    /// <summary>Kommentar till fråga N as typed.</summary>
    [BindProperty]
    public string? CommentText { get; set; }

    /// <summary>The version of the comment the page showed; 0 when it showed none.</summary>
    [BindProperty]
    public int CommentVersion { get; set; }

    public QuestionComment? Comment { get; private set; }

    public string CommentSavedBy { get; private set; } = string.Empty;

    /// <summary>After a stale save of the comment: the comment as the other person saved it.</summary>
    public QuestionComment? TheirComment { get; private set; }

    public Question Question { get; private set; } = null!;

    /// <summary>Every submitted answer to the question, in Swedish order of the remissinstans's name: what the tally counts.</summary>
    public IReadOnlyList<SubmittedAnswer> All { get; private set; } = [];

    /// <summary>The answers that pass the filters, in the same order.</summary>
    public IReadOnlyList<ShownAnswer> Shown { get; private set; } = [];

    public IReadOnlyList<NotAnswered> Declined { get; private set; } = [];

    /// <summary>Not started, or drafting: nothing submitted.</summary>
    public IReadOnlyList<NotAnswered> Silent { get; private set; } = [];

    public IReadOnlyList<AnswerFacet> Facets { get; private set; } = [];

    /// <summary>The answers the tally counts: those given (an yttrande that left the question unanswered has none).</summary>
    public IReadOnlyList<RecipientAnswer> Tallied { get; private set; } = [];

    public IReadOnlyList<string> Words { get; private set; } = [];

    public bool IsFiltered => Kind is not null || Facets.Any(f => f.Key == FacetFilter) || Words.Count > 0 || Theme is not null;

    /// <summary>The theme filtered by, when it is one of the remiss's.</summary>
    public Theme? Theme => Snapshot.Themes.FirstOrDefault(t => t.Id == ThemeFilter);

    public override string PageUrl => QuestionUrl;

    /// <summary>The synpunkter taken from <paramref name="item"/>'s answer, with the forms to add and change them.</summary>
    public PointsView PointsFor(SubmittedAnswer item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new PointsView(this, item.RecipientId, item.Name, Question.Number, null, KeptQuery, $"svar-{item.RecipientId}");
    }

    /// <summary>The filters in force, for the forms that open a synpunkt form and should keep the list as it is.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> KeptQuery =>
    [
        .. new (string Name, string? Value)[] { ("typ", Kind?.ToString()), ("svar", Facets.Any(f => f.Key == FacetFilter) ? FacetFilter : null), ("ord", Words.Count > 0 ? Search : null), ("tema", Theme?.Id.ToString()) }
            .Where(q => q.Value is not null)
            .Select(q => new KeyValuePair<string, string>(q.Name, q.Value!)),
    ];

    /// <summary>The answers are final once the remiss no longer takes any.</summary>
    public bool IsPreliminary => Remiss.Status is not (RemissStatus.Closed or RemissStatus.Completed);

    public string QuestionUrl => $"{RemissUrl}/fragor/{Question.Number}";

    private OrganisationKind? Kind => Enum.TryParse<OrganisationKind>(KindFilter, out var kind) && Enum.IsDefined(kind) ? kind : null;

    public async Task<IActionResult> OnGetAsync(Guid id, int number, CancellationToken cancellationToken)
    {
        if (!await LoadQuestionAsync(id, number, cancellationToken))
        {
            return NotFound();
        }

        await ShowAsync(cancellationToken);
        OpenFormFromAddress();
        return Page();
    }

    /// <summary>Lägg till synpunkt: a synpunkt taken from the answer of <paramref name="recipientId"/> to this question.</summary>
    public async Task<IActionResult> OnPostRaiseAsync(Guid id, int number, Guid recipientId, CancellationToken cancellationToken) =>
        await LoadQuestionAsync(id, number, cancellationToken)
            ? await RaiseAsync(recipientId, () => PointSource.Question(number), () => ShowAsync(cancellationToken), cancellationToken)
            : NotFound();

    public async Task<IActionResult> OnPostReviseAsync(Guid id, int number, CancellationToken cancellationToken) =>
        await LoadQuestionAsync(id, number, cancellationToken) ? await ReviseAsync(() => ShowAsync(cancellationToken), cancellationToken) : NotFound();

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, int number, Guid pointId, CancellationToken cancellationToken) =>
        await LoadQuestionAsync(id, number, cancellationToken) ? await RemoveAsync(pointId, () => ShowAsync(cancellationToken), cancellationToken) : NotFound();

    /// <summary>Spara kommentar: Kommentar till fråga N, saved on the version the page showed; a stale save keeps both texts.</summary>
    public async Task<IActionResult> OnPostCommentAsync(Guid id, int number, CancellationToken cancellationToken)
    {
        if (!await LoadQuestionAsync(id, number, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await Review.SaveCommentAsync(Remiss, number, CommentText, CommentVersion, cancellationToken);
            TempData["StatusMessage"] = $"Kommentaren till fråga {number} är sparad.";
            return Redirect($"{QuestionUrl}#kommentar");
        }
        catch (ConcurrencyConflictException conflict)
        {
            await RereadAsync(cancellationToken);
            await ShowAsync(cancellationToken);
            TheirComment = Comment;
            ModelState.AddModelError("CommentText", this.Texts([conflict.Refusal])[0]);
            ModelState.Remove(nameof(CommentVersion));
            CommentVersion = conflict.CurrentVersion;
            return Page();
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.Point);
            await ShowAsync(cancellationToken);
            return Page();
        }
    }

    /// <summary>
    /// Loads the remiss (owners only, once sent), its synpunkter and the question; what the page shows of the answers is
    /// read only when the page is shown (<see cref="ShowAsync"/>), not for a post that succeeds. False means "answer 404".
    /// </summary>
    private async Task<bool> LoadQuestionAsync(Guid id, int number, CancellationToken cancellationToken)
    {
        if (!await LoadReviewAsync(id, cancellationToken) || Remiss.Questions.SingleOrDefault(q => q.Number == number) is not { } question)
        {
            return false;
        }

        Question = question;
        return true;
    }

    /// <summary>
    /// What the page shows of the question: its submitted answers in one query, the remissinstanser without an yttrande
    /// in another, the filters and the comment.
    /// </summary>
    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        var question = Question;
        All = SwedishOrder.By(await answers.To(Remiss.Id, question.Id).ToListAsync(cancellationToken), a => a.Name);
        var others = SwedishOrder.By(await answers.NotSubmitted(Remiss.Id).ToListAsync(cancellationToken), r => r.Name);
        Declined = [.. others.Where(r => r.Status == RecipientStatus.Declined)];
        Silent = [.. others.Where(r => r.Status != RecipientStatus.Declined)];
        Tallied = [.. All.Where(a => a.Answer is not null).Select(a => new RecipientAnswer(a.Name, a.Answer!))];
        Facets = question.Kind.Facets(question, Tallied.Select(a => a.Answer));
        Words = RichTextHits.Words(Search);
        Shown = [.. All.Where(Passes).Select(a => new ShownAnswer(a, Html(a.Answer?.Text)))];
        await ShowCommentAsync(cancellationToken);
    }

    private async Task ShowCommentAsync(CancellationToken cancellationToken)
    {
        Comment = Snapshot.CommentOn(Question.Number);
        CommentSavedBy = Comment is null ? string.Empty : await NameOfAsync(Comment.LastSavedByUserId, cancellationToken);
        if (Request.Method == HttpMethods.Get)
        {
            CommentText = Comment?.Text;
            CommentVersion = Comment?.Version ?? 0;
        }
    }

    private bool Passes(SubmittedAnswer item)
    {
        if (Kind is { } kind && item.Kind != kind)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(FacetFilter) && Facets.Any(f => f.Key == FacetFilter)
            && (item.Answer is null || !Question.Kind.Has(Question, item.Answer, FacetFilter)))
        {
            return false;
        }

        if (Theme is { } theme && !Snapshot.PointsOn(Question.Number).Any(p => p.RecipientId == item.RecipientId && p.ThemeIds.Contains(theme.Id)))
        {
            return false;
        }

        return Words.Count == 0
            || (item.Answer is { } answer && RichTextHits.HoldsAll([answer.Text, .. (answer.Value as TrafficLightAnswer)?.Ratings.Select(r => r.Comment) ?? []], Words));
    }

    private string Html(string? text)
    {
        var html = sanitizer.Sanitize(text);
        return Words.Count == 0 ? html : RichTextHits.Mark(html, Words);
    }

    /// <summary>The Swedish words of a kind of organisation.</summary>
    public static string KindLabel(OrganisationKind kind) => OrganisationKinds.Label(kind);
}
