namespace Remiss.Domain.Remisser;

using global::Remiss.Domain.Common;

/// <summary>
/// The remiss's own record of one of its remissinstanser: which organisation, under which id. The remissinstans
/// itself (status, yttrande, anstånd) is the <see cref="Recipient"/> aggregate with the same id.
/// </summary>
public sealed class RecipientEntry : TenantEntity
{
    private RecipientEntry()
    {
    }

    internal RecipientEntry(Recipient recipient)
        : base(recipient.TenantId)
    {
        Id = recipient.Id;
        RemissId = recipient.RemissId;
        OrganisationId = recipient.OrganisationId;
    }

    public Guid RemissId { get; private set; }

    public Guid OrganisationId { get; private set; }
}
