namespace Remiss.Infrastructure.Identity;

using System.Security.Claims;

public static class ClaimsPrincipalExtensions
{
    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? TenantId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(RemissClaims.TenantId), out var id) ? id : null;

    public static string? TenantSlug(this ClaimsPrincipal user) => user.FindFirstValue(RemissClaims.TenantSlug);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(RemissClaims.DisplayName) is { Length: > 0 } name ? name : user.Identity?.Name ?? string.Empty;
}
