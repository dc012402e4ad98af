namespace Remiss.Web.Hosting;

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Persistence;
using Remiss.Web.SignInProviders;
using Remiss.Web.Resources;
using Remiss.Web.Tenancy;

public static class WebRegistration
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static IServiceCollection AddRemissWeb(this IServiceCollection services, IWebHostEnvironment environment, IConfiguration configuration)
    {
        // The marker SharedResource lives in Remiss.Web.Resources, so its .resx files are found without a ResourcesPath.
        services.AddLocalization();
        services.AddSingleton<Refusals.RefusalTexts>();

        // Write å, ä, ö as themselves in pages, not as character references.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Tenant", Policies.TenantMember);
                options.Conventions.AuthorizeFolder("/Tenant/Admin", Policies.TenantAdmin);
                options.Conventions.AuthorizeFolder("/Platform", Policies.PlatformAdmin);
                options.Conventions.AllowAnonymousToFolder("/Account");
                options.Conventions.AllowAnonymousToFolder("/Published");
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(o =>
            {
                SwedishModelBindingMessages.Apply(o.ModelBindingMessageProvider);
                o.Filters.Add<PostWithoutHandlerFilter>();
                o.Filters.Add<NotFoundExceptionFilter>();
            });

        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Swedish);
            o.SupportedCultures = [Swedish, English];
            o.SupportedUICultures = [Swedish, English];

            // Swedish unless the user picks English; a browser's own language does not switch it.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        // The session cookie is Secure everywhere but on a developer's own http://localhost.
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "Remiss.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/konto/logga-in";
            o.LogoutPath = "/konto/logga-ut";
            o.AccessDeniedPath = "/konto/nekad";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;

            // Every request: the account is active, its stamp unchanged, the session younger than its absolute lifetime.
            o.Events.OnValidatePrincipal = Sessions.ValidatePrincipalAsync;
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = Sessions.KeepSignInTimeAsync);
        services.AddOrganisationSignIn();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "Remiss.Antiforgery";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;

            // SecurityHeadersMiddleware sends X-Frame-Options DENY (and frame-ancestors 'none') on every response.
            o.SuppressXFrameOptionsHeader = true;
        });

        // Keys in the database: every web instance reads the same ones, so any instance can read any cookie. In production
        // they are encrypted at rest with a certificate, so a copy of the database (a backup, say) holds no usable key.
        var dataProtection = services.AddDataProtection().SetApplicationName("Remiss").PersistKeysToDbContext<AppDbContext>();
        if (DataProtectionCertificate.Load(configuration) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }
        else if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"Production needs {DataProtectionCertificate.PathKey}: a .pfx certificate that encrypts the data-protection keys stored in the database (see infra/README.md).");
        }

        services.AddRemissRateLimits(configuration);

        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return services;
    }

    public static WebApplication UseRemissPipeline(this WebApplication app)
    {
        // First, so that error pages carry the headers too.
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/fel");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/fel/{0}");
        app.UseMiddleware<TooLargeRequestMiddleware>();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseMiddleware<ProviderCallbackMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<TwoFactorSetUpMiddleware>();

        // The job dashboard is the platform operator's: it shows every tenant's jobs. It comes before the tenant
        // middleware, which would otherwise take "hangfire" for a tenant's slug.
        app.UseHangfireDashboard(
            "/hangfire",
            new DashboardOptions
            {
                Authorization = [new PlatformAdminDashboardFilter()],
                AsyncAuthorization = [],
                DashboardTitle = "Remiss – bakgrundsjobb",
                AppPath = "/plattform",
                DisplayStorageConnectionString = false,
            },
            app.Services.GetRequiredService<JobStorage>());

        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseMiddleware<PasswordNotAllowedMiddleware>();
        app.UseAuthorization();

        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new() { Predicate = c => c.Tags.Contains("ready") });
        app.MapRazorPages();
        return app;
    }
}

/// <summary>Only a signed-in platform operator sees the job dashboard; Hangfire answers 401 or 403 to anyone else.</summary>
internal sealed class PlatformAdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User is { Identity.IsAuthenticated: true } user && user.IsInRole(Roles.PlatformAdmin);
}
