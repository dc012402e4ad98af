namespace Remiss.Infrastructure.Identity;

using Microsoft.AspNetCore.Identity;

/// <summary>
/// A person who signs in. The e-mail address is unique across the service so that one sign-in page serves
/// every tenant; the account belongs to one tenant (the platform operator's to none).
/// </summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public ApplicationUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    /// <summary>The tenant the account belongs to; null for the platform operator.</summary>
    public Guid? TenantId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>A job title, e.g. Nämndsekreterare, used when the person signs an yttrande.</summary>
    public string? Title { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}
