namespace Remiss.Web.Pages.Tenant.Remisser.Questions;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Components.QuestionTypes;
using Remiss.Web.Tenancy;

/// <summary>
/// Svar per fråga: every question of a sent remiss with its tally, and a link to each question's page. For the
/// remiss's owners only; anyone else, another tenant too, gets 404. Only submitted yttranden count.
/// </summary>
public sealed class IndexModel(ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization, QuestionAnswers answers, RemissReview review)
    : RemissPageModel(tenantContext, reader, authorization)
{
    /// <summary>Each question with the submitted answers its tally counts (none read for a Fritext question: it only counts).</summary>
    public IReadOnlyList<(Question Question, IReadOnlyList<RecipientAnswer> Answers, int Count)> Questions { get; private set; } = [];

    public int Submitted { get; private set; }

    /// <summary>The office's work so far: the synpunkter and comments, per question.</summary>
    public ReviewSnapshot Review { get; private set; } = ReviewSnapshot.Empty;

    public int RecipientCount => Remiss.Recipients.Count;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Policies.RemissOwner, cancellationToken) || Remiss.IsDraft)
        {
            return NotFound();
        }

        var counted = Remiss.Questions.Where(q => q.Type != QuestionType.FreeText).Select(q => q.Id).ToList();
        var given = counted.Count == 0 ? [] : await answers.SubmittedTo(Remiss.Id, counted).ToListAsync(cancellationToken);
        var counts = await answers.AnswerCountsAsync(Remiss.Id, cancellationToken);
        Submitted = RecipientCount - await answers.NotSubmitted(Remiss.Id).CountAsync(cancellationToken);
        Review = await review.ReadAsync(Remiss.Id, cancellationToken);
        Questions = [.. Remiss.Questions.Select(q => (
            q,
            (IReadOnlyList<RecipientAnswer>)[.. given.Where(a => a.QuestionId == q.Id).Select(a => new RecipientAnswer(string.Empty, a))],
            counts.GetValueOrDefault(q.Id)))];
        return Page();
    }

    /// <summary>The answers are final once the remiss no longer takes any.</summary>
    public bool IsPreliminary => Remiss.Status is not (RemissStatus.Closed or RemissStatus.Completed);
}
