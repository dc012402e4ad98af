namespace Remiss.Web.Components;

using Remiss.Domain.Remisser;

/// <summary>One line of the owner's recipient table.</summary>
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
    string? DeclineReason);
