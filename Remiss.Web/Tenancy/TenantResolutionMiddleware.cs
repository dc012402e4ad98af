namespace Remiss.Web.Tenancy;

using Microsoft.EntityFrameworkCore;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// Resolves <c>{tenant}</c> from the route into the scoped tenant context, before authorization. An unknown or
/// suspended tenant, or a signed-in user of another tenant, gets 404: nothing says the other tenant exists.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, ILogger<TenantResolutionMiddleware> logger)
{
    public const string RouteKey = "tenant";

    public async Task InvokeAsync(HttpContext http, AppDbContext db, TenantContext tenantContext)
    {
        if (http.GetRouteValue(RouteKey) is string slug)
        {
            var tenant = await db.Tenants.AsNoTracking()
                .Where(t => t.Slug == slug && !t.IsSuspended)
                .Select(t => new CurrentTenant(t.Id, t.Slug, t.Name, t.TimeZoneId))
                .SingleOrDefaultAsync(http.RequestAborted);

            if (tenant is null)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            if (http.User.Identity?.IsAuthenticated == true && http.User.TenantId() != tenant.Id)
            {
                logger.LogWarning("User {UserId} of tenant {UserTenant} asked for {Path} of tenant {Tenant}: refused with 404.",
                    http.User.UserId(), http.User.TenantId(), http.Request.Path.Value, tenant.Slug);
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            tenantContext.Set(tenant);
        }

        await next(http);
    }
}
