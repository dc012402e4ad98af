namespace Remiss.Domain.Common;

/// <summary>Something with an identity of its own. Ids are time-ordered GUIDs made by the domain.</summary>
public abstract class Entity
{
    protected Entity() => Id = Guid.CreateVersion7();

    public Guid Id { get; protected set; }
}

/// <summary>
/// A row that belongs to one tenant. Persistence filters every query on it and refuses to save it under
/// another tenant; the domain stamps it when it creates it.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}

public abstract class TenantEntity : Entity, ITenantOwned
{
    protected TenantEntity()
    {
    }

    protected TenantEntity(Guid tenantId)
    {
        if (tenantId == Guid.Empty)
        {
            throw new ArgumentException("A tenant-owned row needs its tenant.", nameof(tenantId));
        }

        TenantId = tenantId;
    }

    public Guid TenantId { get; private set; }
}
