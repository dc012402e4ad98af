namespace Remiss.Infrastructure.Identity;

using Microsoft.AspNetCore.Identity;

/// <summary>
/// A person who signs in. The e-mail address is unique across the service so that one sign-in page serves
/// every tenant. What the person may do in a tenant is in their <see cref="TenantAccess"/> to it (the platform
/// operator has none).
/// </summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public ApplicationUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    /// <summary>The tenant the person last worked in: their start page after signing in, while the access lasts.</summary>
    public Guid? LastTenantId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>A job title, e.g. Nämndsekreterare, used when the person signs an yttrande.</summary>
    public string? Title { get; set; }

    public DateTime CreatedAt { get; set; }
}
