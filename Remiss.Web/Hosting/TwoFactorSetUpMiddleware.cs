namespace Remiss.Web.Hosting;

using Remiss.Infrastructure.Identity;

/// <summary>
/// A person who must have two-step verification but has not turned it on may use nothing but their own account
/// pages (/konto/…, where Mitt konto is) until they have: every other address leads to Mitt konto. The rule was
/// read into the cookie at sign-in (<see cref="RemissClaims.TwoFactorSetUpRequired"/>), so this costs no query.
/// </summary>
public sealed class TwoFactorSetUpMiddleware(RequestDelegate next)
{
    public const string MyAccountPath = "/konto/mitt-konto";

    public Task InvokeAsync(HttpContext http)
    {
        if (http.User.HasClaim(RemissClaims.TwoFactorSetUpRequired, "true") && !http.Request.Path.StartsWithSegments("/konto", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Redirect(MyAccountPath);
            return Task.CompletedTask;
        }

        return next(http);
    }
}
