namespace Remiss.Tests.Web;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Remiss.Infrastructure;
using Remiss.Web.Hosting;

/// <summary>
/// Every registration can be built, and no singleton holds a scoped service: what Development checks when
/// <c>dotnet run</c> starts the app, and what the tests' Testing environment does not check by itself.
/// </summary>
public sealed class ServiceRegistrationTests
{
    [Fact]
    public void TheAppsServices_BuildWithScopesValidated_AsDevelopmentStartsThem()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development, ApplicationName = typeof(WebRegistration).Assembly.GetName().Name });
        builder.Configuration["Database:Provider"] = "Sqlite";
        builder.Configuration["ConnectionStrings:Remiss"] = "Data Source=:memory:";
        builder.Services.AddRemissInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddRemissWeb(builder.Environment, builder.Configuration);

        using var provider = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        Assert.NotNull(provider.GetRequiredService<Remiss.Infrastructure.Identity.EqualTiming>());
    }
}
