namespace Remiss.Web.Tenancy;

using Microsoft.EntityFrameworkCore;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// Resolves <c>{tenant}</c> from the route into the scoped tenant context, before authorization. An unknown or
/// suspended tenant, or a signed-in person without an active access to it, gets 404: nothing says the tenant exists.
/// The person's access to this tenant is read from the database on every request and added to the request's principal
/// (<see cref="PersonTenants.EnterAsync"/>): the cookie names the person only, so one account serves several tenants,
/// and an access or a role taken away is gone at the next request.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, ILogger<TenantResolutionMiddleware> logger)
{
    public const string RouteKey = "tenant";

    public async Task InvokeAsync(HttpContext http, AppDbContext db, TenantContext tenantContext, PersonTenants tenants)
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

            if (http.User.Identity?.IsAuthenticated == true && !await tenants.EnterAsync(http.User, tenant, http.RequestAborted))
            {
                logger.LogWarning("User {UserId} without access asked for {Path} of tenant {Tenant}: refused with 404.",
                    http.User.UserId(), http.Request.Path.Value, tenant.Slug);
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            tenantContext.Set(tenant);
        }

        await next(http);
    }
}
