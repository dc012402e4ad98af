namespace Remiss.Domain.Remisser;

using global::Remiss.Domain.Common;

/// <summary>Anstånd: a recipient's request for a later deadline, and the owner's decision on it.</summary>
public sealed class Extension : TenantEntity
{
    private Extension()
    {
    }

    internal Extension(Recipient recipient, DateOnly requestedDeadline, string? reason, Guid userId, DateTime nowUtc)
        : base(recipient.TenantId)
    {
        RecipientId = recipient.Id;
        RequestedDeadline = requestedDeadline;
        Reason = reason;
        RequestedByUserId = userId;
        RequestedAt = nowUtc;
        Status = ExtensionStatus.Requested;
    }

    public Guid RecipientId { get; private set; }

    public DateOnly RequestedDeadline { get; private set; }

    public string? Reason { get; private set; }

    public Guid RequestedByUserId { get; private set; }

    public DateTime RequestedAt { get; private set; }

    public ExtensionStatus Status { get; private set; }

    public DateOnly? GrantedDeadline { get; private set; }

    public string? DecisionComment { get; private set; }

    public Guid? DecidedByUserId { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    internal void Grant(DateOnly deadline, string? comment, Guid userId, DateTime nowUtc)
    {
        Status = ExtensionStatus.Granted;
        GrantedDeadline = deadline;
        DecisionComment = comment;
        DecidedByUserId = userId;
        DecidedAt = nowUtc;
    }

    internal void Refuse(string? comment, Guid userId, DateTime nowUtc)
    {
        Status = ExtensionStatus.Refused;
        DecisionComment = comment;
        DecidedByUserId = userId;
        DecidedAt = nowUtc;
    }

    /// <summary>A request that no longer matters (the recipient submitted or declined) is closed as refused, without a decision-maker.</summary>
    internal void Withdraw(string why, DateTime nowUtc)
    {
        Status = ExtensionStatus.Refused;
        DecisionComment = why;
        DecidedAt = nowUtc;
    }
}
