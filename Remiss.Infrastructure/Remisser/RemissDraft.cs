namespace Remiss.Infrastructure.Remisser;

using Remiss.Domain.Remisser;

/// <summary>Everything the remiss form holds, as typed; the draft service turns it into domain calls.</summary>
public sealed record RemissDraft(
    string Title,
    string? Diarienummer,
    string? Description,
    DateOnly? Deadline,
    Guid OwnerOrganisationId,
    string? ContactName,
    string? ContactEmail,
    IReadOnlyList<QuestionDefinition> Questions,
    IReadOnlyList<Guid> RecipientOrganisationIds,
    int Version,
    string? ReminderDays = null);

/// <summary>A refusal tied to a field of the form (null: the form as a whole), in Swedish.</summary>
public sealed record FormError(string? Field, string Message);

public sealed class FormErrorsException(IReadOnlyList<FormError> errors)
    : Exception(string.Join(" ", errors.Select(e => e.Message)))
{
    public FormErrorsException()
        : this([])
    {
    }

    public FormErrorsException(string message)
        : this([new FormError(null, message)])
    {
    }

    public FormErrorsException(string message, Exception innerException)
        : this([new FormError(null, message)]) => _ = innerException;

    public IReadOnlyList<FormError> Errors { get; } = errors;
}
