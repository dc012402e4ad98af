namespace Remiss.Web.Components;

using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;

/// <summary>One line of the owner's recipient table.</summary>
/// <param name="HasExtension">A granted anstånd; one only asked for is <see cref="ExtensionRequested"/>.</param>
public sealed record RecipientRow(
    Guid RecipientId,
    string Name,
    RecipientStatus Status,
    bool IsOverdue,
    bool HasExtension,
    DateOnly Deadline,
    bool DeadlineExtended,
    DateTime? LastActivity,
    int RemindersSent,
    string? DeclineReason)
{
    /// <summary>An anstånd the recipient has asked for and the owners have not decided.</summary>
    public bool ExtensionRequested { get; init; }

    /// <summary>Not answered and closer to its deadline than the last påminnelse of the schedule.</summary>
    public bool IsNearDeadline { get; init; }

    public OrganisationKind Kind { get; init; }

    /// <summary>The remiss is out and the recipient has neither submitted nor declined: Påminn nu is offered.</summary>
    public bool CanRemind { get; init; }

    /// <summary>An owner already sent a påminnelse by hand today.</summary>
    public bool RemindedToday { get; init; }
}
