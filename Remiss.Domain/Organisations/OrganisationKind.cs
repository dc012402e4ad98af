namespace Remiss.Domain.Organisations;

public enum OrganisationKind
{
    /// <summary>Nämnd: a board of the municipality, with its förvaltning.</summary>
    Namnd = 1,

    /// <summary>Kommunalt bolag.</summary>
    Bolag = 2,

    /// <summary>Förvaltning or kontor, e.g. Stadskontoret.</summary>
    Forvaltning = 3,

    /// <summary>Extern organisation.</summary>
    Extern = 4,
}
