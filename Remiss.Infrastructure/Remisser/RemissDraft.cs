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
