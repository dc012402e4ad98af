namespace Remiss.Domain.Remisser;

using global::Remiss.Domain.Common;

/// <summary>
/// Kommentar till fråga N: the owner's office's summary of what the remissinstanser said on one question. One per
/// question; internal until the remiss is Avslutad, read-only from then on; a stale save is refused, as for a synpunkt.
/// </summary>
public sealed class QuestionComment : TenantEntity
{
    public const int TextMaxLength = 50_000;

    private QuestionComment()
    {
    }

    private QuestionComment(Remiss remiss, int questionNumber)
        : base(remiss.TenantId)
    {
        RemissId = remiss.Id;
        QuestionNumber = questionNumber;
    }

    public Guid RemissId { get; private set; }

    public int QuestionNumber { get; private set; }

    public string? Text { get; private set; }

    public int Version { get; private set; }

    public DateTime LastSavedAt { get; private set; }

    public Guid LastSavedByUserId { get; private set; }

    /// <summary>The first comment on question <paramref name="questionNumber"/>; the caller makes sure there is none yet.</summary>
    public static QuestionComment Write(Remiss remiss, int questionNumber, string? text, Guid userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        Review.EnsureOpen(remiss);
        if (remiss.Questions.All(q => q.Number != questionNumber))
        {
            throw new DomainException(new Subject(Field.Comment, questionNumber), RefusalKey.QuestionNotFound);
        }

        var comment = new QuestionComment(remiss, questionNumber);
        comment.Apply(text, userId, nowUtc);
        comment.Version = 1;
        return comment;
    }

    public void Revise(Remiss remiss, string? text, int basedOnVersion, Guid userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        if (remiss.Id != RemissId)
        {
            throw new DomainException(new Subject(Field.Comment, QuestionNumber), RefusalKey.QuestionNotFound);
        }

        Review.EnsureOpen(remiss);
        if (basedOnVersion != Version)
        {
            throw new ConcurrencyConflictException(new Refusal(new Subject(Field.Comment, QuestionNumber), RefusalKey.CommentSavedMeanwhile), Version);
        }

        Apply(text, userId, nowUtc);
        Version++;
    }

    private void Apply(string? text, Guid userId, DateTime nowUtc)
    {
        Text = Common.Text.Optional(text, new Subject(Field.Comment, QuestionNumber), TextMaxLength);
        LastSavedAt = nowUtc;
        LastSavedByUserId = userId;
    }
}

/// <summary>The rule all of the office's work on the answers shares: it is done while answers are in or coming, never after.</summary>
internal static class Review
{
    /// <summary>Utskickad or Stängd: an Avslutad remiss is read-only, a draft has no answers, a withdrawn one is over.</summary>
    public static void EnsureOpen(Remiss remiss)
    {
        switch (remiss.Status)
        {
            case RemissStatus.Sent or RemissStatus.Closed:
                return;
            case RemissStatus.Completed:
                throw new DomainException(Field.Form, RefusalKey.CompletedIsReadOnly);
            default:
                throw new DomainException(Field.Form, RefusalKey.ReviewOnlyWhenAnswered);
        }
    }
}
