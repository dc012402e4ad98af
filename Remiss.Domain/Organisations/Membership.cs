namespace Remiss.Domain.Organisations;

using Remiss.Domain.Common;

/// <summary>
/// A user's place in an organisation. Rights come from memberships: members of a remiss's owner manage it,
/// members of a recipient answer for it.
/// </summary>
public sealed class Membership : TenantEntity
{
    private Membership()
    {
    }

    private Membership(Guid tenantId, Guid userId, Guid organisationId)
        : base(tenantId)
    {
        UserId = userId;
        OrganisationId = organisationId;
    }

    public Guid UserId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public static Membership Create(Organisation organisation, Guid userId)
    {
        if (organisation.IsRetired)
        {
            throw new DomainException(Field.Organisations, RefusalKey.RetiredCannotGetMembers, organisation.Name);
        }

        return userId == Guid.Empty
            ? throw new ArgumentException("A membership needs its user.", nameof(userId))
            : new Membership(organisation.TenantId, userId, organisation.Id);
    }
}
