namespace Remiss.Tests.Web;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Infrastructure.Persistence;
using Remiss.Tests.TestSupport;

/// <summary>The data-protection keys in the database are encrypted with a certificate in production, and production will not start without one.</summary>
public sealed class DataProtectionTests
{
    [Fact]
    public async Task InProduction_TheStoredKeys_AreEncryptedWithTheCertificate()
    {
        await using var production = new ProductionAppFactory();
        using var session = production.NewSession();

        // The sign-in page's antiforgery token makes the key ring's first key.
        using var page = await session.GetAsync("/konto/logga-in");

        await using var scope = production.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Production_WithoutTheCertificate_RefusesToStart()
    {
        using var bare = new BareProductionAppFactory();

        var e = Assert.ThrowsAny<Exception>(() => bare.NewSession());

        Assert.Contains("DataProtection:CertificatePath", e.ToString(), StringComparison.Ordinal);
    }

    private sealed class BareProductionAppFactory() : RemissAppFactory("Production", seedDemo: false);
}
