namespace Remiss.Infrastructure.Remisser;

using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Persistence;

/// <summary>
/// A submitted yttrande's answer to one question, with what the question page says of its remissinstans: name, kind
/// of organisation, when it came in and the decision behind it. <see cref="Answer"/> is null when the yttrande left
/// the question unanswered.
/// </summary>
public sealed record SubmittedAnswer(
    Guid RecipientId,
    string Name,
    OrganisationKind Kind,
    DateTime SubmittedAt,
    DecisionKind? DecisionKind,
    string? DecidedBy,
    DateOnly? DecisionDate,
    string? DecisionParagraph,
    Answer? Answer)
{
    /// <summary>The förvaltning's text, not yet decided by its nämnd.</summary>
    public bool IsPreliminary => DecisionKind == Domain.Remisser.DecisionKind.PreliminaryAnswer;
}

/// <summary>A remissinstans without a submitted yttrande: it declined, or has not started or is still drafting.</summary>
public sealed record NotAnswered(Guid RecipientId, string Name, OrganisationKind Kind, RecipientStatus Status, string? DeclineReason);

/// <summary>A submitted yttrande's texts outside the questions: Sammanfattning, Övergripande synpunkter and the standard sections.</summary>
public sealed record SubmittedSections(
    Guid RecipientId,
    string Name,
    OrganisationKind Kind,
    string? Summary,
    string? GeneralViews,
    IReadOnlyList<SectionText> Sections);

/// <summary>
/// The answers of a remiss read per question, for its owners' pages "Svar per fråga" and "Fråga N". Only what was
/// submitted: a draft is neither read nor shown. Each read is one query over the remiss's recipients, never one
/// remissinstans loaded after another. The queries are public so a test can translate them to SQL Server SQL.
/// </summary>
public sealed class QuestionAnswers(AppDbContext db)
{
    /// <summary>Every submitted yttrande's answer to the question with <paramref name="questionId"/>, unanswered ones included.</summary>
    public IQueryable<SubmittedAnswer> To(Guid remissId, Guid questionId) =>
        from r in db.Recipients.AsNoTracking()
        where r.RemissId == remissId && r.Status == RecipientStatus.Submitted
        join x in db.Responses.AsNoTracking() on r.Id equals x.RecipientId
        where x.SubmittedAt != null
        join o in db.Organisations.AsNoTracking() on r.OrganisationId equals o.Id
        from a in db.Answers.AsNoTracking().Where(a => a.ResponseId == x.Id && a.QuestionId == questionId).DefaultIfEmpty()
        select new SubmittedAnswer(
            r.Id,
            o.Name,
            o.Kind,
            x.SubmittedAt!.Value,
            x.Decision == null ? null : x.Decision.Kind,
            x.Decision == null ? null : x.Decision.DecidedBy,
            x.Decision == null ? null : x.Decision.DecisionDate,
            x.Decision == null ? null : x.Decision.Paragraph,
            a);

    /// <summary>
    /// The answers that the overview's tallies count: the submitted answers to the questions with <paramref name="questionIds"/>
    /// (those whose type has a tally; a Fritext answer's text is not read for a count).
    /// </summary>
    public IQueryable<Answer> SubmittedTo(Guid remissId, IReadOnlyCollection<Guid> questionIds) =>
        from a in db.Answers.AsNoTracking()
        where questionIds.Contains(a.QuestionId)
        join x in db.Responses on a.ResponseId equals x.Id
        where x.SubmittedAt != null
        join r in db.Recipients on x.RecipientId equals r.Id
        where r.RemissId == remissId && r.Status == RecipientStatus.Submitted
        select a;

    /// <summary>How many submitted yttranden answer each question (an answer row, whatever it holds), by question id.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> AnswerCountsAsync(Guid remissId, CancellationToken cancellationToken) =>
        await (from a in db.Answers
               join x in db.Responses on a.ResponseId equals x.Id
               where x.SubmittedAt != null
               join r in db.Recipients on x.RecipientId equals r.Id
               where r.RemissId == remissId && r.Status == RecipientStatus.Submitted
               group a by a.QuestionId into g
               select new { QuestionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.QuestionId, g => g.Count, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>The remissinstanser without a submitted yttrande: declined, not started or drafting. Unordered: pages sort by Swedish rules.</summary>
    public IQueryable<NotAnswered> NotSubmitted(Guid remissId) =>
        from r in db.Recipients.AsNoTracking()
        where r.RemissId == remissId && r.Status != RecipientStatus.Submitted
        join o in db.Organisations.AsNoTracking() on r.OrganisationId equals o.Id
        select new NotAnswered(r.Id, o.Name, o.Kind, r.Status, r.DeclineReason);

    /// <summary>Every submitted yttrande's Sammanfattning, Övergripande synpunkter and standard sections. Unordered.</summary>
    public IQueryable<SubmittedSections> Sections(Guid remissId) =>
        from r in db.Recipients.AsNoTracking()
        where r.RemissId == remissId && r.Status == RecipientStatus.Submitted
        join x in db.Responses.AsNoTracking() on r.Id equals x.RecipientId
        where x.SubmittedAt != null
        join o in db.Organisations.AsNoTracking() on r.OrganisationId equals o.Id
        select new SubmittedSections(r.Id, o.Name, o.Kind, x.Summary, x.GeneralViews, x.Sections);
}
