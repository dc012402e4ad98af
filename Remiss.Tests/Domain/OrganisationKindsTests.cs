namespace Remiss.Tests.Domain;

using Remiss.Domain.Organisations;

/// <summary>The kinds of organisation by their Swedish names, as the directory and its CSV import write them.</summary>
public sealed class OrganisationKindsTests
{
    [Theory]
    [InlineData("Nämnd", OrganisationKind.Namnd)]
    [InlineData("NÄMND", OrganisationKind.Namnd)]
    [InlineData(" bolag ", OrganisationKind.Bolag)]
    [InlineData("förvaltning", OrganisationKind.Forvaltning)]
    [InlineData("Extern organisation", OrganisationKind.Extern)]
    [InlineData("extern", OrganisationKind.Extern)]
    [InlineData("Forvaltning", OrganisationKind.Forvaltning)]
    public void TryParse_ReadsTheSwedishNameInAnyCase(string text, OrganisationKind expected)
    {
        Assert.True(OrganisationKinds.TryParse(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("Kommunförbund")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("5")]
    public void TryParse_AnythingElse_IsNotAKind(string? text) => Assert.False(OrganisationKinds.TryParse(text, out _));

    [Fact]
    public void EveryKind_HasALabelThatParsesBack() =>
        Assert.All(OrganisationKinds.All, k => Assert.True(OrganisationKinds.TryParse(OrganisationKinds.Label(k), out var back) && back == k));
}
