namespace Remiss.Domain.Organisations;

using Remiss.Domain.Common;

/// <summary>
/// What a tenant administrator may do to accounts: never lock themselves out, and never leave the tenant without
/// an administrator. Accounts are Identity's; the rules are the tenant's.
/// </summary>
public static class AccountRules
{
    public static void EnsureCanDeactivate(Guid actingUserId, Guid userId)
    {
        if (actingUserId == userId)
        {
            throw new DomainException(Field.Form, RefusalKey.CannotDeactivateSelf);
        }
    }

    /// <summary>Nobody gives or takes their own administrator role: an admin whose role was taken cannot take it back.</summary>
    public static void EnsureCanChangeAdminRole(Guid actingUserId, Guid userId)
    {
        if (actingUserId == userId)
        {
            throw new DomainException(Field.Form, RefusalKey.CannotChangeOwnAdminRole);
        }
    }

    /// <summary>Nobody reactivates their own account: a deactivated admin's open session must not undo the deactivation.</summary>
    public static void EnsureCanReactivate(Guid actingUserId, Guid userId)
    {
        if (actingUserId == userId)
        {
            throw new DomainException(Field.Form, RefusalKey.CannotReactivateSelf);
        }
    }

    /// <param name="otherActiveAdmins">Active administrators of the tenant other than <paramref name="userId"/>.</param>
    public static void EnsureCanRemoveAdmin(Guid actingUserId, Guid userId, int otherActiveAdmins)
    {
        if (actingUserId == userId)
        {
            throw new DomainException(Field.Form, RefusalKey.CannotRemoveOwnAdminRole);
        }

        if (otherActiveAdmins < 1)
        {
            throw new DomainException(Field.Form, RefusalKey.LastAdministrator);
        }
    }

    /// <summary>Refuses a second membership of one organisation, or one in a retired organisation (unless the user already had it).</summary>
    public static IReadOnlyList<Organisation> ValidMemberships(IEnumerable<Organisation> chosen, IReadOnlySet<Guid> current)
    {
        var organisations = chosen.DistinctBy(o => o.Id).ToList();
        var retired = organisations.FirstOrDefault(o => o.IsRetired && !current.Contains(o.Id));
        return retired is not null
            ? throw new DomainException(Field.Organisations, RefusalKey.RetiredCannotGetMembers, retired.Name)
            : organisations;
    }

    /// <summary>
    /// Whether a person must have two-step verification on before they may use the service: a tenant's rule for its
    /// administrators or for everyone, and the platform operator always, except on a developer's own machine, where
    /// the demo must start without an authenticator app.
    /// </summary>
    public static bool RequiresTwoFactor(TwoFactorRequirement tenantRequirement, bool isTenantAdmin) => tenantRequirement switch
    {
        TwoFactorRequirement.Everyone => true,
        TwoFactorRequirement.Administrators => isTenantAdmin,
        _ => false,
    };

    /// <inheritdoc cref="RequiresTwoFactor(TwoFactorRequirement, bool)"/>
    public static bool OperatorRequiresTwoFactor(bool isDevelopment) => !isDevelopment;
}
