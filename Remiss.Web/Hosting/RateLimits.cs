namespace Remiss.Web.Hosting;

using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

/// <summary>Configuration section <c>RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in and password-reset posts one address may make in <see cref="Window"/>.</summary>
    public int AccountPostsPerWindow { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// ASP.NET Core's rate limiter on the pages that guess passwords or send e-mail to any address typed: posts to
/// sign-in and password reset are limited per client address (behind the proxy, the forwarded one). Reading the
/// pages is not limited. Over the limit the answer is 429 with the Swedish error page.
/// </summary>
public static class RateLimits
{
    public const string AccountPolicy = "account";

    public static IServiceCollection AddRemissRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(AccountPolicy, http =>
                HttpMethods.IsPost(http.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = options.AccountPostsPerWindow, Window = options.Window, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("read"));
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits))
                    .LogWarning("Too many account posts from {Address} to {Path}: refused with 429.", context.HttpContext.Connection.RemoteIpAddress, context.HttpContext.Request.Path.Value);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }
}
