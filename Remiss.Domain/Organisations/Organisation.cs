namespace Remiss.Domain.Organisations;

using Remiss.Domain.Common;

/// <summary>A body that sends or answers remisser: nämnd, bolag, förvaltning or external organisation.</summary>
public sealed class Organisation : TenantEntity
{
    public const int NameMaxLength = 200;

    private Organisation()
    {
        Name = string.Empty;
    }

    private Organisation(Guid tenantId)
        : base(tenantId)
    {
        Name = string.Empty;
    }

    public string Name { get; private set; }

    public OrganisationKind Kind { get; private set; }

    /// <summary>The organisation's shared mailbox (registrator, nämndsekreterare), copied on invitations.</summary>
    public string? FunctionalMailbox { get; private set; }

    public string? ContactName { get; private set; }

    /// <summary>A retired organisation stays on the remisser it took part in but cannot get new ones.</summary>
    public bool IsRetired { get; private set; }

    public static Organisation Create(Guid tenantId, string name, OrganisationKind kind, string? functionalMailbox = null, string? contactName = null)
    {
        var organisation = new Organisation(tenantId);
        organisation.Rename(name);
        organisation.ChangeKind(kind);
        organisation.SetContact(functionalMailbox, contactName);
        return organisation;
    }

    public void Rename(string name) => Name = Text.Required(name, Field.Name, NameMaxLength);

    public void ChangeKind(OrganisationKind kind) =>
        Kind = Enum.IsDefined(kind) ? kind : throw new DomainException(Field.Kind, RefusalKey.InvalidOrganisationKind);

    public void SetContact(string? functionalMailbox, string? contactName)
    {
        FunctionalMailbox = Text.OptionalEmail(functionalMailbox, Field.FunctionalMailbox);
        ContactName = Text.Optional(contactName, Field.ContactName, 200);
    }

    public void Retire()
    {
        if (IsRetired)
        {
            throw new DomainException(Field.Form, RefusalKey.OrganisationAlreadyRetired, Name);
        }

        IsRetired = true;
    }

    public void Reinstate()
    {
        if (!IsRetired)
        {
            throw new DomainException(Field.Form, RefusalKey.OrganisationNotRetired, Name);
        }

        IsRetired = false;
    }
}
