namespace Remiss.Infrastructure;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Demo;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Files;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Jobs;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;

public static class DependencyInjection
{
    /// <summary>Everything that touches the outside: the database, Identity's stores, tenancy, rights and use-case services.</summary>
    public static IServiceCollection AddRemissInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.AddRemissDatabase(configuration, contentRoot);

        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.AddScoped<TenantClock>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<EqualTiming>();

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Password.RequiredUniqueChars = 6;
                // No lockout: anyone who knew an address could lock it, and its message told them it existed.
                // SignInThrottle slows guessing per address and client instead.
                options.Lockout.AllowedForNewUsers = false;
                options.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.Name;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.Name)
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.Name)
            .AddErrorDescriber<SwedishIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<RemissClaimsPrincipalFactory>();

        services.AddScoped<UserMemberships>();
        services.AddScoped<IAuthorizationHandler, TenantMemberHandler>();
        services.AddScoped<IAuthorizationHandler, RemissOwnerHandler>();
        services.AddScoped<IAuthorizationHandler, RecipientMemberHandler>();
        services.AddScoped<IAuthorizationHandler, RemissReaderHandler>();
        services.AddAuthorizationBuilder();
        services.Configure<AuthorizationOptions>(o => o.AddRemissPolicies());

        services.AddRemissFiles(configuration, contentRoot);
        services.AddRemissEmail(configuration);
        services.AddRemissJobs(configuration, contentRoot);
        services.AddScoped<RemissQueries>();
        services.AddScoped<QuestionAnswers>();
        services.AddScoped<RemissDrafts>();
        services.AddScoped<RemissSending>();
        services.AddScoped<RemissReview>();
        services.AddScoped<RemissCompletion>();
        services.AddScoped<Responses.ResponseWriting>();
        services.AddScoped<RemissReader>();
        services.AddScoped<Documents.DocumentTemplates>();
        services.AddScoped<Documents.WordDocuments>();
        services.AddScoped<Documents.SpreadsheetDocuments>();
        services.AddScoped<Platform.TenantOverview>();
        services.AddScoped<Platform.TenantProvisioning>();
        services.AddHttpContextAccessor();
        services.AddScoped<Audit.IAuditActor, Audit.HttpAuditActor>();
        services.AddScoped<Audit.AuditLog>();
        services.AddScoped<Audit.AuditQueries>();
        services.AddScoped<Administration.OrganisationDirectory>();
        services.AddScoped<Administration.TenantUsers>();
        services.AddScoped<Administration.TenantSettings>();
        services.AddScoped<Publication.PublishedRemisser>();
        services.AddSingleton<InvitationTokenProvider>();
        services.AddSingleton<PasswordResetTokenProvider>();
        services.AddSingleton<AccountEmails>();
        services.AddScoped<AccountLinks>();
        services.AddScoped<SignInRecorder>();
        services.AddScoped<PersonTenants>();
        services.AddScoped<AccountAudit>();
        services.AddScoped<TwoStepVerification>();
        services.AddScoped<OrganisationAccounts>();
        services.AddScoped<OrganisationSignIn>();
        services.AddScoped<Administration.SignInProviderSettings>();
        services.AddHttpClient(Administration.SignInProviderSettings.HttpClientName);
        services.AddSingleton<RichText.RichTextSanitizer>();
        services.AddSingleton<RichText.SanitizedTextCache>();
        services.AddSingleton<DemoDataSeeder>();
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }
}
