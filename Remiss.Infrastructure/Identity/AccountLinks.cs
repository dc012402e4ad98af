namespace Remiss.Infrastructure.Identity;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Remiss.Domain.Audit;
using Remiss.Domain.Common;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// Links that let a person choose a password: the invitation of a new user, and the reset of a forgotten password.
/// Both are Identity tokens bound to the account's security stamp (one use) and to a lifespan.
/// </summary>
public sealed class AccountLinks(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    TenantContext tenantContext,
    Outbox outbox,
    AccountEmails emails,
    InvitationTokenProvider invitationTokens,
    PasswordResetTokenProvider resetTokens,
    AccountAudit accountAudit,
    PersonTenants tenants,
    ILogger<AccountLinks> logger)
{
    /// <summary>
    /// Gives <paramref name="email"/> access to the tenant, unsaved (the caller saves it with its own changes and audit):
    /// a new account with the invitation to choose a password, or, for an address that already has an account, an access
    /// to this tenant and an e-mail saying so. The caller tells the inviting admin the same either way, so no tenant learns
    /// which addresses have accounts elsewhere. An address that already has access here is refused: that the admin can see.
    /// </summary>
    public async Task<ApplicationUser> InviteAsync(CurrentTenant tenant, string email, string displayName, string? title, bool isAdmin, string invitedBy, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (await users.FindByEmailAsync(email).ConfigureAwait(false) is { } existing)
        {
            if (await db.TenantAccesses.AnyAsync(a => a.UserId == existing.Id && a.TenantId == tenant.Id).ConfigureAwait(false))
            {
                throw new DomainException(Field.Email, RefusalKey.EmailTaken, email);
            }

            db.TenantAccesses.Add(TenantAccess.Grant(existing.Id, tenant.Id, isAdmin, now));
            QueueAccessGranted(existing, tenant, invitedBy);
            logger.LogInformation("An existing account was given access to tenant {Tenant}.", tenant.Slug);
            return existing;
        }

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = displayName,
            Title = title,
            CreatedAt = now,
        };
        IdentityResults.Check(await users.CreateAsync(user).ConfigureAwait(false));
        db.TenantAccesses.Add(TenantAccess.Grant(user.Id, tenant.Id, isAdmin, now));
        await QueueInvitationAsync(user, tenant, invitedBy).ConfigureAwait(false);
        return user;
    }

    /// <summary>
    /// Sends the invitation again, unsaved: a new link to choose a password to an account without one (the old link stops
    /// working), and the access e-mail to one that has a password.
    /// </summary>
    public async Task QueueReminderAsync(ApplicationUser user, CurrentTenant tenant, string invitedBy)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await users.HasPasswordAsync(user).ConfigureAwait(false))
        {
            QueueAccessGranted(user, tenant, invitedBy);
            return;
        }

        IdentityResults.Check(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false));
        await QueueInvitationAsync(user, tenant, invitedBy).ConfigureAwait(false);
    }

    private async Task QueueInvitationAsync(ApplicationUser user, CurrentTenant tenant, string invitedBy)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.Name, InvitationTokenProvider.Purpose).ConfigureAwait(false);
        var content = AccountEmails.Invitation(tenant.Name, user.DisplayName, invitedBy, emails.SetPasswordUrl(user.Id, token, invitation: true), invitationTokens.Lifespan);
        outbox.Queue(tenant.Id, new EmailAddress(user.Email!, user.DisplayName), content, EmailReason.AccountInvitation, EmailConcerns.User, user.Id);
    }

    private void QueueAccessGranted(ApplicationUser user, CurrentTenant tenant, string invitedBy)
    {
        var content = AccountEmails.AccessGranted(tenant.Name, user.DisplayName, invitedBy, emails.TenantUrl(tenant.Slug));
        outbox.Queue(tenant.Id, new EmailAddress(user.Email!, user.DisplayName), content, EmailReason.AccountInvitation, EmailConcerns.User, user.Id);
    }

    /// <summary>
    /// Sends a reset link to an account with an active access to an active tenant, and does nothing otherwise: the caller
    /// tells every asker the same, so nobody learns which addresses have accounts. The e-mail is sent in the name of the
    /// tenant the person starts in.
    /// </summary>
    public async Task RequestPasswordResetAsync(string email, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email.Trim()).ConfigureAwait(false);
        var start = user is null ? null : await tenants.StartAsync(user.Id, cancellationToken).ConfigureAwait(false);
        var tenant = start is null ? null : await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == start.Id, cancellationToken).ConfigureAwait(false);
        if (user is null || tenant is null || user.Email is null)
        {
            logger.LogInformation("A password reset was asked for an address without an active tenant account; nothing sent.");
            return;
        }

        tenantContext.Set(new CurrentTenant(tenant.Id, tenant.Slug, tenant.Name, tenant.TimeZoneId));
        var token = await users.GeneratePasswordResetTokenAsync(user).ConfigureAwait(false);
        var content = AccountEmails.PasswordReset(tenant.Name, user.DisplayName, emails.SetPasswordUrl(user.Id, token, invitation: false), resetTokens.Lifespan);
        outbox.Queue(tenant.Id, new EmailAddress(user.Email, user.DisplayName), content, EmailReason.PasswordReset, EmailConcerns.User, user.Id);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The account the link is for, if the link is still good; null for a used, expired or forged link.</summary>
    public async Task<ApplicationUser?> ValidLinkAsync(Guid userId, string? token, bool invitation)
    {
        if (string.IsNullOrEmpty(token) || await users.FindByIdAsync(userId.ToString()).ConfigureAwait(false) is not { } user
            || (await tenants.ActiveAsync(user.Id).ConfigureAwait(false)).Count == 0)
        {
            return null;
        }

        var valid = invitation
            ? await users.VerifyUserTokenAsync(user, InvitationTokenProvider.Name, InvitationTokenProvider.Purpose, token).ConfigureAwait(false)
            : await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token).ConfigureAwait(false);
        return valid ? user : null;
    }

    /// <summary>Sets the password the link's holder chose. Returns Identity's Swedish refusals (link or password), none on success.</summary>
    public async Task<IReadOnlyList<string>> SetPasswordAsync(Guid userId, string? token, bool invitation, string password, CancellationToken cancellationToken)
    {
        var user = await ValidLinkAsync(userId, token, invitation).ConfigureAwait(false);
        if (user is null)
        {
            return ["Länken är ogiltig, har redan använts eller har gått ut. Be om en ny länk."];
        }

        var refusals = await db.InTransactionAsync<IReadOnlyList<string>>(
            async _ =>
            {
                foreach (var validator in users.PasswordValidators)
                {
                    var check = await validator.ValidateAsync(users, user, password).ConfigureAwait(false);
                    if (!check.Succeeded)
                    {
                        return [.. check.Errors.Select(e => e.Description)];
                    }
                }

                if (await users.HasPasswordAsync(user).ConfigureAwait(false))
                {
                    await users.RemovePasswordAsync(user).ConfigureAwait(false);
                }

                // Adding the password renews the security stamp, which ends every link issued before.
                var result = await users.AddPasswordAsync(user, password).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    return [.. result.Errors.Select(e => e.Description)];
                }

                user.EmailConfirmed = true;
                await users.SetLockoutEndDateAsync(user, null).ConfigureAwait(false);
                return [];
            },
            cancellationToken).ConfigureAwait(false);
        if (refusals.Count == 0)
        {
            await accountAudit.RecordAsync(user, AuditAction.PasswordSet, invitation ? "Lösenordet valdes via inbjudan." : "Lösenordet återställdes via e-postlänk.", cancellationToken).ConfigureAwait(false);
        }

        return refusals;
    }
}
