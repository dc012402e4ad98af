namespace Remiss.Domain.Remisser;

using global::Remiss.Domain.Common;

/// <summary>
/// What a remissinstans needs to know of its remiss: whether it is open for answers, its sista svarsdag and the
/// questions with their rules. A read-only value handed to the <see cref="Recipient"/> aggregate when it is
/// loaded, so the remissinstans never reaches into the <see cref="Remiss"/> aggregate, and a 300-recipient remiss
/// is never loaded to change one of them.
/// </summary>
public sealed record RemissTerms(Guid RemissId, RemissStatus Status, DateOnly? Deadline, IReadOnlyList<Question> Questions)
{
    internal void EnsureOpenForAnswers(Act act)
    {
        if (Status != RemissStatus.Sent)
        {
            throw new DomainException(
                Field.Form,
                Status switch
                {
                    RemissStatus.Draft => RefusalKey.RemissNotSent,
                    RemissStatus.Withdrawn => RefusalKey.RemissWithdrawn,
                    _ => RefusalKey.RemissClosed,
                },
                act);
        }
    }
}
