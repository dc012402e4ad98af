namespace Remiss.Tests.TestSupport;

using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Infrastructure.Administration;

/// <summary>
/// The app beside a real OpenID Connect provider (<see cref="OidcProvider"/>) on loopback: its back channel trusts the
/// test certificate, and a test can change the ID tokens on their way (<see cref="TokenChanges"/>).
/// </summary>
public sealed class ProviderAppFactory : RemissAppFactory, IAsyncLifetime
{
    public IdTokenChanges TokenChanges { get; } = new();

    public OidcProvider Provider { get; private set; } = null!;

    /// <summary>A second provider, of another organisation.</summary>
    public OidcProvider OtherProvider { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await OidcProvider.StartAsync();
        OtherProvider = await OidcProvider.StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Provider.DisposeAsync();
        await OtherProvider.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddHttpClient(SignInProviderSettings.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == TestCertificate.Value.Thumbprint,
            })
            .AddHttpMessageHandler(() => new ProviderBackchannel(TokenChanges)));
    }
}
