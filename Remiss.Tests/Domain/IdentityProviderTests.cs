namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;
using Remiss.Domain.Organisations;

public sealed class IdentityProviderTests
{
    private static readonly Guid Tenant = Guid.CreateVersion7();

    [Theory]
    [InlineData("https://login.microsoftonline.com/abc/v2.0", false)]
    [InlineData("https://keycloak.kommun.se/realms/kommun", false)]
    [InlineData("http://127.0.0.1:8080/", true)]
    [InlineData("http://localhost:8080/realms/test", true)]
    public void ValidIssuer_AcceptsHttpsAndInDevelopmentALoopbackHttpIssuer(string issuer, bool development) =>
        Assert.Equal(issuer, IdentityProvider.ValidIssuer(issuer, development));

    [Theory]
    [InlineData("http://127.0.0.1:8080/", false)]
    [InlineData("http://localhost/", false)]
    [InlineData("http://idp.kommun.se/", true)]
    [InlineData("ftp://idp.kommun.se/", true)]
    [InlineData("https://idp.kommun.se/?tenant=1", true)]
    [InlineData("https://user:pw@idp.kommun.se/", true)]
    [InlineData("idp.kommun.se", true)]
    public void ValidIssuer_RefusesAnythingElse(string issuer, bool development)
    {
        var refusal = Assert.Throws<DomainException>(() => IdentityProvider.ValidIssuer(issuer, development));
        Assert.Equal(RefusalKey.InvalidIssuer, Assert.Single(refusal.Refusals).Key);
    }

    [Fact]
    public void ValidDomains_ReadsCommasSpacesAndLinesInLowerCaseEachOnce() =>
        Assert.Equal(["malmo.se", "stad.malmo.se"], IdentityProvider.ValidDomains("Malmo.se, @stad.malmo.se\nmalmo.se"));

    [Theory]
    [InlineData("malmo")]
    [InlineData("-malmo.se")]
    [InlineData("mal_mo.se")]
    public void ValidDomains_RefusesWhatIsNoDomain(string text)
    {
        var refusal = Assert.Throws<DomainException>(() => IdentityProvider.ValidDomains(text));
        Assert.Equal(RefusalKey.InvalidEmailDomain, Assert.Single(refusal.Refusals).Key);
    }

    [Fact]
    public void Save_ANewProviderWithoutSecretOrClientIdAndRequiredWithoutDomains_IsRefusedForEachField()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            IdentityProvider.Save(null, Tenant, new IdentityProviderSettings("http://idp.kommun.se", " ", string.Empty, true), null, false, DateTime.UtcNow));

        Assert.Equal(
            [Field.Issuer, Field.ClientId, Field.ClientSecret, Field.EmailDomains],
            refusal.Refusals.Select(r => r.Subject.Field));
    }

    [Fact]
    public void Save_WithoutANewSecret_KeepsTheStoredOneAndMarksTheChange()
    {
        var first = IdentityProvider.Save(null, Tenant, new IdentityProviderSettings("https://idp.kommun.se", "remiss", "kommun.se", false), "protected-1", false, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var version = first.Version;

        var changed = IdentityProvider.Save(first, Tenant, new IdentityProviderSettings("https://idp.kommun.se", "remiss-2", "kommun.se", true), null, false, new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc));

        Assert.Same(first, changed);
        Assert.Equal("protected-1", changed.ProtectedClientSecret);
        Assert.Equal("remiss-2", changed.ClientId);
        Assert.NotEqual(version, changed.Version);
    }

    [Theory]
    [InlineData("anna@kommun.se", true)]
    [InlineData("Anna@KOMMUN.SE", true)]
    [InlineData("anna@skola.kommun.se", false)]
    [InlineData("anna@kommun.se.example", false)]
    [InlineData("kommun.se", false)]
    public void ForbidsPasswordFor_OnlyAddressesOfItsDomainsWhenRequired(string email, bool forbidden)
    {
        var provider = IdentityProvider.Save(null, Tenant, new IdentityProviderSettings("https://idp.kommun.se", "remiss", "kommun.se", true), "p", false, DateTime.UtcNow);
        Assert.Equal(forbidden, provider.ForbidsPasswordFor(email));
        Assert.Equal(forbidden, provider.Covers(email));
    }
}
