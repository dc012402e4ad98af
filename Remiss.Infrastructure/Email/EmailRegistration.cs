namespace Remiss.Infrastructure.Email;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

public static class EmailRegistration
{
    /// <summary>The outbox and the e-mail texts; delivery is registered separately.</summary>
    public static IServiceCollection AddRemissEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .Validate(
                o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp),
                "App:BaseUrl must be the absolute http(s) address of the application, e.g. https://remiss.example.se.")
            .ValidateOnStart();
        services.AddScoped<Outbox>();
        services.AddSingleton<RemissEmails>();
        return services;
    }
}
