namespace Remiss.Infrastructure.Audit;

using Microsoft.AspNetCore.Http;
using Remiss.Infrastructure.Identity;

/// <summary>The signed-in user of the current request; the system when there is no request or nobody is signed in.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public Guid? UserId => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user.UserId() : null;

    public string? Name
    {
        get
        {
            var user = accessor.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated != true)
            {
                return null;
            }

            var name = user.DisplayName();
            var email = user.Identity.Name;
            return string.IsNullOrWhiteSpace(email) || name == email ? name : $"{name} ({email})";
        }
    }
}
