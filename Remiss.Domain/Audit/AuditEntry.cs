namespace Remiss.Domain.Audit;

using Remiss.Domain.Common;

/// <summary>
/// One line of the tenant's log: who did what, when, to which row. Written in the same transaction as the change it
/// records and never changed afterwards, so the log holds exactly what happened.
/// </summary>
public sealed class AuditEntry : TenantEntity
{
    public const int ActorNameMaxLength = 200;
    public const int SubjectTypeMaxLength = 50;
    public const int SummaryMaxLength = 1_000;

    private AuditEntry()
    {
        ActorName = string.Empty;
        SubjectType = string.Empty;
        Summary = string.Empty;
    }

    private AuditEntry(Guid tenantId)
        : base(tenantId)
    {
        ActorName = string.Empty;
        SubjectType = string.Empty;
        Summary = string.Empty;
    }

    public DateTime OccurredAt { get; private set; }

    /// <summary>The user who acted; null for the system or an unknown person (a failed sign-in).</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>The actor's name or address as it was then: the log stays readable after the account is gone.</summary>
    public string ActorName { get; private set; }

    public AuditAction Action { get; private set; }

    /// <summary>The kind of row the change concerns: Remiss, Recipient, Organisation, User, Tenant.</summary>
    public string SubjectType { get; private set; }

    public Guid? SubjectId { get; private set; }

    /// <summary>The remiss the change belongs to, so its owners can read its history.</summary>
    public Guid? RemissId { get; private set; }

    /// <summary>What changed, in a sentence a tenant administrator can read.</summary>
    public string Summary { get; private set; }

    public static AuditEntry Create(
        Guid tenantId, DateTime occurredAtUtc, Guid? actorId, string? actorName, AuditAction action, string subjectType, Guid? subjectId, Guid? remissId, string summary)
    {
        if (!Enum.IsDefined(action))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown audit action.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(subjectType);
        if (subjectType.Length > SubjectTypeMaxLength)
        {
            throw new ArgumentException($"A subject type is at most {SubjectTypeMaxLength} characters.", nameof(subjectType));
        }

        return new AuditEntry(tenantId)
        {
            OccurredAt = occurredAtUtc.Kind == DateTimeKind.Local ? occurredAtUtc.ToUniversalTime() : occurredAtUtc,
            ActorId = actorId,
            ActorName = Shorten(string.IsNullOrWhiteSpace(actorName) ? "Systemet" : actorName.Trim(), ActorNameMaxLength),
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            RemissId = remissId,
            Summary = Shorten(string.IsNullOrWhiteSpace(summary) ? AuditActions.Label(action) : summary.Trim(), SummaryMaxLength),
        };
    }

    private static string Shorten(string value, int maxLength) => value.Length <= maxLength ? value : value[..(maxLength - 1)] + "…";
}
