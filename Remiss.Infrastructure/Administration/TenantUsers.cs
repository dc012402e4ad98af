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

/// <summary>A user of the tenant as the administrator's list shows it.</summary>
public sealed record UserRow(Guid Id, string Email, string DisplayName, string? Title, bool IsActive, bool IsAdmin, bool HasPassword, IReadOnlyList<Guid> OrganisationIds);

/// <summary>What the user form sends.</summary>
public sealed record UserInput(string? Email, string? DisplayName, string? Title, IReadOnlyList<Guid> OrganisationIds, bool IsAdmin);

/// <summary>
/// The tenant administrator's users: invite by e-mail, assign to organisations, make tenant admin, deactivate and
/// reactivate. Users are not tenant-filtered (they sign in before a tenant is known), so every query here says
/// which tenant it means; a user of another tenant is simply not found.
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
        var adminIds = await AdminIdsAsync(cancellationToken).ConfigureAwait(false);
        var memberships = await db.Memberships.ToListAsync(cancellationToken).ConfigureAwait(false);
        var accounts = await db.Users.AsNoTracking().Where(u => u.TenantId == tenantId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return SwedishOrder.By(
            accounts.Select(u => new UserRow(
                u.Id,
                u.Email ?? string.Empty,
                u.DisplayName,
                u.Title,
                u.IsActive,
                adminIds.Contains(u.Id),
                u.PasswordHash is not null,
                [.. memberships.Where(m => m.UserId == u.Id).Select(m => m.OrganisationId)])),
            u => u.DisplayName);
    }

    public async Task<UserRow?> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).SingleOrDefault(u => u.Id == userId);

    /// <summary>Creates the account without a password and queues the invitation to choose one, in one transaction.</summary>
    public async Task<Guid> InviteAsync(UserInput input, string invitedBy, CancellationToken cancellationToken)
    {
        var email = Text.OptionalEmail(input.Email, Field.Email) ?? throw new DomainException(Field.Email, RefusalKey.Required);
        var name = Text.Required(input.DisplayName, Field.Name, 200);
        var title = Text.Optional(input.Title, Field.UserTitle, 200);
        var organisations = await OrganisationsAsync(input.OrganisationIds, new HashSet<Guid>(), cancellationToken).ConfigureAwait(false);
        if (await users.FindByEmailAsync(email).ConfigureAwait(false) is not null)
        {
            throw new DomainException(Field.Email, RefusalKey.EmailTaken, email);
        }

        return await db.InTransactionAsync(
            async _ =>
            {
                var user = new ApplicationUser
                {
                    UserName = email,
                    Email = email,
                    TenantId = Tenant.Id,
                    DisplayName = name,
                    Title = title,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                };
                IdentityResults.Check(await users.CreateAsync(user).ConfigureAwait(false));
                if (input.IsAdmin)
                {
                    IdentityResults.Check(await users.AddToRoleAsync(user, Roles.TenantAdmin).ConfigureAwait(false));
                }

                db.Memberships.AddRange(organisations.Select(o => Membership.Create(o, user.Id)));
                await links.QueueInvitationAsync(user, Tenant.Name, invitedBy).ConfigureAwait(false);
                var where = organisations.Count == 0 ? "utan organisation" : $"i {string.Join(", ", organisations.Select(o => o.Name))}";
                audit.Record(AuditAction.UserInvited, AuditSubjects.User, user.Id, $"{name} ({email}) bjöds in {where}{(input.IsAdmin ? " som administratör" : string.Empty)}.");
                return user.Id;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes name, title, organisations and the admin role; the acting admin cannot remove their own role.</summary>
    public async Task UpdateAsync(Guid userId, UserInput input, Guid actingUserId, CancellationToken cancellationToken)
    {
        var user = await AccountAsync(userId, cancellationToken).ConfigureAwait(false);
        var name = Text.Required(input.DisplayName, Field.Name, 200);
        var title = Text.Optional(input.Title, Field.UserTitle, 200);
        var current = await db.Memberships.Where(m => m.UserId == userId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var organisations = await OrganisationsAsync(input.OrganisationIds, current.Select(m => m.OrganisationId).ToHashSet(), cancellationToken).ConfigureAwait(false);
        var adminIds = await AdminIdsAsync(cancellationToken).ConfigureAwait(false);
        var wasAdmin = adminIds.Contains(userId);
        if (!wasAdmin && input.IsAdmin)
        {
            // A demoted admin's session must not give the role back (taking it away is refused below, with the last-admin rule).
            AccountRules.EnsureCanChangeAdminRole(actingUserId, userId);
        }

        if (wasAdmin && !input.IsAdmin)
        {
            var otherActiveAdmins = await db.Users.CountAsync(u => u.TenantId == Tenant.Id && u.IsActive && u.Id != userId && adminIds.Contains(u.Id), cancellationToken).ConfigureAwait(false);
            AccountRules.EnsureCanRemoveAdmin(actingUserId, userId, otherActiveAdmins);
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
                    IdentityResults.Check(input.IsAdmin
                        ? await users.AddToRoleAsync(user, Roles.TenantAdmin).ConfigureAwait(false)
                        : await users.RemoveFromRoleAsync(user, Roles.TenantAdmin).ConfigureAwait(false));
                    audit.Record(AuditAction.AdminRoleChanged, AuditSubjects.User, user.Id, input.IsAdmin ? $"{name} blev administratör." : $"{name} är inte längre administratör.");
                }

                // A new stamp ends the user's open sessions at their next request (the cookie is checked on every one), so a
                // role or membership taken away is gone at once, not when the cookie is next refreshed.
                IdentityResults.Check(removed.Count + added.Count > 0 || wasAdmin != input.IsAdmin
                    ? await users.UpdateSecurityStampAsync(user).ConfigureAwait(false)
                    : await users.UpdateAsync(user).ConfigureAwait(false));
                return 0;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task DeactivateAsync(Guid userId, Guid actingUserId, CancellationToken cancellationToken)
    {
        AccountRules.EnsureCanDeactivate(actingUserId, userId);
        var user = await AccountAsync(userId, cancellationToken).ConfigureAwait(false);
        if (!user.IsActive)
        {
            throw new DomainException(Field.Form, RefusalKey.UserAlreadyDeactivated, user.DisplayName);
        }

        await SetActiveAsync(user, false, cancellationToken).ConfigureAwait(false);
    }

    public async Task ReactivateAsync(Guid userId, Guid actingUserId, CancellationToken cancellationToken)
    {
        AccountRules.EnsureCanReactivate(actingUserId, userId);
        var user = await AccountAsync(userId, cancellationToken).ConfigureAwait(false);
        if (user.IsActive)
        {
            throw new DomainException(Field.Form, RefusalKey.UserAlreadyActive, user.DisplayName);
        }

        await SetActiveAsync(user, true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A new invitation for a user who has not yet chosen a password (the old link stops working).</summary>
    public async Task ResendInvitationAsync(Guid userId, string invitedBy, CancellationToken cancellationToken)
    {
        var user = await AccountAsync(userId, cancellationToken).ConfigureAwait(false);
        if (user.PasswordHash is not null)
        {
            throw new DomainException(Field.Form, RefusalKey.PasswordAlreadyChosen, user.DisplayName);
        }

        if (!user.IsActive)
        {
            throw new DomainException(Field.Form, RefusalKey.UserDeactivated, user.DisplayName);
        }

        await db.InTransactionAsync(
            async _ =>
            {
                IdentityResults.Check(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false));
                await links.QueueInvitationAsync(user, Tenant.Name, invitedBy).ConfigureAwait(false);
                audit.Record(AuditAction.UserInvited, AuditSubjects.User, user.Id, $"En ny inbjudan skickades till {user.DisplayName} ({user.Email}).");
                return 0;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task SetActiveAsync(ApplicationUser user, bool active, CancellationToken cancellationToken) =>
        await db.InTransactionAsync(
            async _ =>
            {
                user.IsActive = active;
                IdentityResults.Check(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false));
                audit.Record(
                    active ? AuditAction.UserReactivated : AuditAction.UserDeactivated,
                    AuditSubjects.User,
                    user.Id,
                    active ? $"{user.DisplayName} ({user.Email}) aktiverades igen." : $"{user.DisplayName} ({user.Email}) inaktiverades.");
                return 0;
            },
            cancellationToken).ConfigureAwait(false);

    private async Task<ApplicationUser> AccountAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.TenantId == Tenant.Id, cancellationToken).ConfigureAwait(false)
        ?? throw new DomainException(Field.Form, RefusalKey.UserNotFound);

    private async Task<HashSet<Guid>> AdminIdsAsync(CancellationToken cancellationToken)
    {
        var tenantId = Tenant.Id;
        var ids = await (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                join u in db.Users on ur.UserId equals u.Id
                where r.Name == Roles.TenantAdmin && u.TenantId == tenantId
                select ur.UserId)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return [.. ids];
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
