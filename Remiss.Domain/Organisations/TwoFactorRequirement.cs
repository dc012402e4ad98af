namespace Remiss.Domain.Organisations;

/// <summary>Who of a tenant's people must use two-step verification when they sign in with a password.</summary>
public enum TwoFactorRequirement
{
    /// <summary>Each person chooses for themselves.</summary>
    Nobody = 0,

    /// <summary>The tenant's administrators, who can change accounts and settings.</summary>
    Administrators = 1,

    /// <summary>Everyone who signs in with a password.</summary>
    Everyone = 2,
}
