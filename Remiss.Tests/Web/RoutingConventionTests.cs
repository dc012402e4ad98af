namespace Remiss.Tests.Web;

using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Tests.TestSupport;

/// <summary>Every tenant page sits under /{tenant}, read from the app's own endpoints, not a hand-kept list.</summary>
public sealed class RoutingConventionTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    [Fact]
    public void EveryPageInTheTenantFolder_HasTheTenantRoutePrefix()
    {
        var pages = PageEndpoints().Where(p => p.Descriptor.ViewEnginePath.StartsWith("/Tenant/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(pages);
        Assert.All(pages, p => Assert.StartsWith("{tenant}", p.Route, StringComparison.Ordinal));
    }

    [Fact]
    public void NoPageOutsideTheTenantFolder_TakesATenant()
    {
        var pages = PageEndpoints().Where(p => !p.Descriptor.ViewEnginePath.StartsWith("/Tenant/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(pages);
        Assert.All(pages, p => Assert.DoesNotContain("{tenant}", p.Route, StringComparison.Ordinal));
    }

    [Fact]
    public void NoFixedRoute_CollidesWithATenantSlugThatCouldBeCreated()
    {
        var firstSegments = PageEndpoints()
            .Select(p => p.Route.Split('/')[0])
            .Where(s => s.Length > 0 && !s.StartsWith('{'))
            .Distinct();

        Assert.All(firstSegments, s => Assert.Contains(s, Remiss.Domain.Organisations.Tenant.ReservedSlugs));
    }

    private List<(PageActionDescriptor Descriptor, string Route)> PageEndpoints()
    {
        factory.StartServer();
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Descriptor: e.Metadata.GetMetadata<PageActionDescriptor>(), Route: e.RoutePattern.RawText ?? string.Empty))
            .Where(p => p.Descriptor is not null)
            .Select(p => (p.Descriptor!, p.Route.TrimStart('/')))
            .ToList();
    }
}
