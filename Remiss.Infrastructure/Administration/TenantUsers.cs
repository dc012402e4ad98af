namespace Remiss.Infrastructure.Administration;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// A user of the tenant as the administrator's list shows it. <paramref name="HasSignedIn"/> is whether the person has
/// opened this tenant yet: until then they are "Inbjuden", whether their account is new or not.
/// </summary>
public sealed record UserRow(Guid Id, string Email, string DisplayName, string? Title, bool IsActive, bool IsAdmin, bool HasSignedIn, IReadOnlyList<Guid> OrganisationIds);

/// <summary>What the user form sends.</summary>
public sealed record UserInput(string? Email, string? DisplayName, string? Title, IReadOnlyList<Guid> OrganisationIds, bool IsAdmin);

/// <summary>
/// The tenant administrator's users: invite by e-mail, assign to organisations, make tenant admin, deactivate and
/// reactivate. A user of the tenant is an account with a <see cref="TenantAccess"/> to it; the role and the active state
/// are the access's, so nothing done here reaches the person's other tenants. Accounts and accesses are not
/// tenant-filtered (they sign in before a tenant is known), so every query here says which tenant it means; a person
/// without access here is simply not found.
/// </summary>
public sealed class TenantUsers(
    AppDbContext db,
    ITenantContext tenantContext,
    UserManager<ApplicationUser> users,
    AccountLinks links,
    AuditLog audit,
    TimeProvider clock)
{
    private CurrentTenant Tenant => tenantContext.Tenant ?? throw new InvalidOperationException("No tenant.");

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken)
    {
        var tenantId = Tenant.Id;
        var memberships = await db.Memberships.ToListAsync(cancellationToken).ConfigureAwait(false);
        var accounts = await (
                from a in db.TenantAccesses.AsNoTracking()
                where a.TenantId == tenantId
                join u in db.Users.AsNoTracking() on a.UserId equals u.Id
                select new { User = u, Access = a })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return SwedishOrder.By(
            accounts.Select(x => new UserRow(
                x.User.Id,
                x.User.Email ?? string.Empty,
                x.User.DisplayName,
                x.User.Title,
                x.Access.IsActive,
                x.Access.IsAdmin,
                x.Access.FirstUsedAt is not null,
                [.. memberships.Where(m => m.UserId == x.User.Id).Select(m => m.OrganisationId)])),
            u => u.DisplayName);
    }

    public async Task<UserRow?> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).SingleOrDefault(u => u.Id == userId);

    /// <summary>
    /// Gives the address access to the tenant in one transaction: a new account with the invitation to choose a password,
    /// or an existing account's access to this tenant with an e-mail saying so (<see cref="AccountLinks.InviteAsync"/>).
    /// </summary>
    public async Task<Guid> InviteAsync(UserInput input, string invitedBy, CancellationToken cancellationToken)
    {
        var email = Text.OptionalEmail(input.Email, Field.Email) ?? throw new DomainException(Field.Email, RefusalKey.Required);
        var name = Text.Required(input.DisplayName, Field.Name, 200);
        var title = Text.Optional(input.Title, Field.UserTitle, 200);
        var organisations = await OrganisationsAsync(input.OrganisationIds, new HashSet<Guid>(), cancellationToken).ConfigureAwait(false);
        return await db.InTransactionAsync(
            async _ =>
            {
                var user = await links.InviteAsync(Tenant, email, name, title, input.IsAdmin, invitedBy, clock.GetUtcNow().UtcDateTime).ConfigureAwait(false);
                db.Memberships.AddRange(organisations.Select(o => Membership.Create(o, user.Id)));
                var where = organisations.Count == 0 ? "utan organisation" : $"i {string.Join(", ", organisations.Select(o => o.Name))}";
                audit.Record(AuditAction.UserInvited, AuditSubjects.User, user.Id, $"{name} ({email}) bjöds in {where}{(input.IsAdmin ? " som administratör" : string.Empty)}.");
                return user.Id;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes name, title, organisations and the admin role; the acting admin cannot change their own role. Name and
    /// title are the person's, the same in every tenant they work in.
    /// </summary>
    public async Task UpdateAsync(Guid userId, UserInput input, Guid actingUserId, CancellationToken cancellationToken)
    {
        var (user, access) = await AccountAsync(userId, cancellationToken).ConfigureAwait(false);
        var name = Text.Required(input.DisplayName, Field.Name, 200);
        var title = Text.Optional(input.Title, Field.UserTitle, 200);
        var current = await db.Memberships.Where(m => m.UserId == userId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var organisations = await OrganisationsAsync(input.OrganisationIds, current.Select(m => m.OrganisationId).ToHashSet(), cancellationToken).ConfigureAwait(false);
        var wasAdmin = access.IsAdmin;
        if (!wasAdmin && input.IsAdmin)
        {
            // A demoted admin's session must not give the role back (taking it away is refused below, with the last-admin rule).
            AccountRules.EnsureCanChangeAdminRole(actingUserId, userId);
        }

        if (wasAdmin && !input.IsAdmin)
        {
            AccountRules.EnsureCanRemoveAdmin(actingUserId, userId, await OtherActiveAdminsAsync(userId, cancellationToken).ConfigureAwait(false));
        }

        await db.InTransactionAsync(
            async _ =>
            {
                user.DisplayName = name;
                user.Title = title;
                var chosen = organisations.Select(o => o.Id).ToHashSet();
                var removed = current.Where(m => !chosen.Contains(m.OrganisationId)).ToList();
                var added = organisations.Where(o => current.All(m => m.OrganisationId != o.Id)).ToList();
                db.Memberships.RemoveRange(removed);
                db.Memberships.AddRange(added.Select(o => Membership.Create(o, user.Id)));
                if (removed.Count + added.Count > 0)
                {
                    var names = await db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
                    audit.Record(
                        AuditAction.MembershipsChanged,
                        AuditSubjects.User,
                        user.Id,
                        $"{name}: medlem i {Names(chosen.Select(id => names[id]))}"
                        + (added.Count > 0 ? $"; tillagd i {Names(added.Select(o => o.Name))}" : string.Empty)
                        + (removed.Count > 0 ? $"; borttagen ur {Names(removed.Select(m => names[m.OrganisationId]))}" : string.Empty) + ".");
                }

                if (wasAdmin != input.IsAdmin)
                {
                    (await TrackedAsync(access, cancellationToken).ConfigureAwait(false)).IsAdmin = input.IsAdmin;
                    audit.Record(AuditAction.AdminRoleChanged, AuditSubjects.User, user.Id, input.IsAdmin ? $"{name} blev administratör." : $"{name} är inte längre administratör.");
                }

                // No new security stamp: the role and the memberships are read from the database on every request, so one
                // taken away is gone at the person's next click, and their sessions in other tenants go on undisturbed.
                IdentityResults.Check(await users.UpdateAsync(user).ConfigureAwait(false));
                return 0;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task DeactivateAsync(Guid userId, Guid actingUserId, CancellationToken cancellationToken)
    {
        AccountRules.EnsureCanDeactivate(actingUserId, userId);
        var (user, access) = await AccountAsync(userId, cancellationToken).ConfigureAwait(false);
        if (!access.IsActive)
        {
            throw new DomainException(Field.Form, RefusalKey.UserAlreadyDeactivated, user.DisplayName);
        }

        if (access.IsAdmin)
        {
            AccountRules.EnsureCanRemoveAdmin(actingUserId, userId, await OtherActiveAdminsAsync(userId, cancellationToken).ConfigureAwait(false));
        }

        await SetActiveAsync(user, access, false, cancellationToken).ConfigureAwait(false);
    }

    public async Task ReactivateAsync(Guid userId, Guid actingUserId, CancellationToken cancellationToken)
    {
        AccountRules.EnsureCanReactivate(actingUserId, userId);
        var (user, access) = await AccountAsync(userId, cancellationToken).ConfigureAwait(false);
        if (access.IsActive)
        {
            throw new DomainException(Field.Form, RefusalKey.UserAlreadyActive, user.DisplayName);
        }

        await SetActiveAsync(user, access, true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The invitation again, for a person who has not yet opened the tenant: a new link to choose a password to an account
    /// without one (the old link stops working), else the e-mail that the account has access here.
    /// </summary>
    public async Task ResendInvitationAsync(Guid userId, string invitedBy, CancellationToken cancellationToken)
    {
        var (user, access) = await AccountAsync(userId, cancellationToken).ConfigureAwait(false);
        if (access.FirstUsedAt is not null)
        {
            throw new DomainException(Field.Form, RefusalKey.PasswordAlreadyChosen, user.DisplayName);
        }

        if (!access.IsActive)
        {
            throw new DomainException(Field.Form, RefusalKey.UserDeactivated, user.DisplayName);
        }

        await db.InTransactionAsync(
            async _ =>
            {
                await links.QueueReminderAsync(user, Tenant, invitedBy).ConfigureAwait(false);
                audit.Record(AuditAction.UserInvited, AuditSubjects.User, user.Id, $"En ny inbjudan skickades till {user.DisplayName} ({user.Email}).");
                return 0;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task SetActiveAsync(ApplicationUser user, TenantAccess access, bool active, CancellationToken cancellationToken) =>
        await db.InTransactionAsync(
            async _ =>
            {
                // The access, not the account: the person keeps their other tenants. The tenant middleware reads the access
                // on every request, so the open session loses this tenant at its next click.
                (await TrackedAsync(access, cancellationToken).ConfigureAwait(false)).IsActive = active;
                audit.Record(
                    active ? AuditAction.UserReactivated : AuditAction.UserDeactivated,
                    AuditSubjects.User,
                    user.Id,
                    active ? $"{user.DisplayName} ({user.Email}) aktiverades igen." : $"{user.DisplayName} ({user.Email}) inaktiverades.");
                return 0;
            },
            cancellationToken).ConfigureAwait(false);

    /// <summary>The tenant's active administrators other than <paramref name="userId"/>: the last one may not go.</summary>
    private async Task<int> OtherActiveAdminsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var tenantId = Tenant.Id;
        return await db.TenantAccesses.CountAsync(a => a.TenantId == tenantId && a.IsActive && a.IsAdmin && a.UserId != userId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The access as this attempt's context tracks it: a retried transaction starts from a cleared tracker.</summary>
    private async Task<TenantAccess> TrackedAsync(TenantAccess access, CancellationToken cancellationToken) =>
        await db.TenantAccesses.SingleAsync(a => a.UserId == access.UserId && a.TenantId == access.TenantId, cancellationToken).ConfigureAwait(false);

    private async Task<(ApplicationUser User, TenantAccess Access)> AccountAsync(Guid userId, CancellationToken cancellationToken)
    {
        var tenantId = Tenant.Id;
        var access = await db.TenantAccesses.SingleOrDefaultAsync(a => a.UserId == userId && a.TenantId == tenantId, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException(Field.Form, RefusalKey.UserNotFound);
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken).ConfigureAwait(false);
        return (user, access);
    }

    private async Task<IReadOnlyList<Organisation>> OrganisationsAsync(IReadOnlyList<Guid> ids, IReadOnlySet<Guid> current, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var organisations = await db.Organisations.Where(o => wanted.Contains(o.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (organisations.Count != wanted.Count)
        {
            throw new DomainException(Field.Organisations, RefusalKey.SelectedOrganisationNotFound);
        }

        return SwedishOrder.By(AccountRules.ValidMemberships(organisations, current), o => o.Name);
    }

    private static string Names(IEnumerable<string> names) =>
        string.Join(", ", names.Order(SwedishOrder.Comparer)) is { Length: > 0 } list ? list : "ingen organisation";
}
