namespace Remiss.Domain.Organisations;

using Remiss.Domain.Common;

/// <summary>The Swedish names of the kinds of organisation, as people write them in the directory and in a CSV file.</summary>
public static class OrganisationKinds
{
    public static IReadOnlyList<OrganisationKind> All { get; } = [OrganisationKind.Namnd, OrganisationKind.Bolag, OrganisationKind.Forvaltning, OrganisationKind.Extern];

    public static string Label(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Namnd => "Nämnd",
        OrganisationKind.Bolag => "Bolag",
        OrganisationKind.Forvaltning => "Förvaltning",
        OrganisationKind.Extern => "Extern organisation",
        _ => kind.ToString(),
    };

    /// <summary>"nämnd", "Bolag", "förvaltning", "extern" or "extern organisation", in any case; the code names too.</summary>
    public static bool TryParse(string? text, out OrganisationKind kind)
    {
        var value = text?.Trim() ?? string.Empty;
        foreach (var candidate in All)
        {
            if (string.Equals(value.ToLower(Text.Swedish), Label(candidate).ToLower(Text.Swedish), StringComparison.Ordinal)
                || string.Equals(value, candidate.ToString(), StringComparison.OrdinalIgnoreCase)
                || (candidate == OrganisationKind.Extern && string.Equals(value, "Extern", StringComparison.OrdinalIgnoreCase)))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
