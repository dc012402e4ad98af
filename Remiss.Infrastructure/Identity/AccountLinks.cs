namespace Remiss.Infrastructure.Identity;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Remiss.Domain.Audit;
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
    AuditLog audit,
    ILogger<AccountLinks> logger)
{
    /// <summary>Queues the invitation to choose a password, unsaved: the caller saves it with the account.</summary>
    public async Task QueueInvitationAsync(ApplicationUser user, string tenantName, string invitedBy)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.Name, InvitationTokenProvider.Purpose).ConfigureAwait(false);
        var content = AccountEmails.Invitation(tenantName, user.DisplayName, invitedBy, emails.SetPasswordUrl(user.Id, token, invitation: true), invitationTokens.Lifespan);
        outbox.Queue(user.TenantId!.Value, new EmailAddress(user.Email!, user.DisplayName), content, EmailReason.AccountInvitation, EmailConcerns.User, user.Id);
    }

    /// <summary>
    /// Sends a reset link to an active account of an active tenant, and does nothing otherwise: the caller tells
    /// every asker the same, so nobody learns which addresses have accounts.
    /// </summary>
    public async Task RequestPasswordResetAsync(string email, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email.Trim()).ConfigureAwait(false);
        var tenant = user?.TenantId is { } tenantId
            ? await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId && !t.IsSuspended, cancellationToken).ConfigureAwait(false)
            : null;
        if (user is null || !user.IsActive || tenant is null || user.Email is null)
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
        if (string.IsNullOrEmpty(token) || await users.FindByIdAsync(userId.ToString()).ConfigureAwait(false) is not { IsActive: true, TenantId: not null } user)
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

        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == user.TenantId, cancellationToken).ConfigureAwait(false);
        if (tenant.IsSuspended)
        {
            return ["Länken är ogiltig, har redan använts eller har gått ut. Be om en ny länk."];
        }

        tenantContext.Set(new CurrentTenant(tenant.Id, tenant.Slug, tenant.Name, tenant.TimeZoneId));
        return await db.InTransactionAsync<IReadOnlyList<string>>(
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
                audit.RecordAs(user.Id, user.Email, AuditAction.PasswordSet, AuditSubjects.User, user.Id, invitation ? "Lösenordet valdes via inbjudan." : "Lösenordet återställdes via e-postlänk.");
                return [];
            },
            cancellationToken).ConfigureAwait(false);
    }
}
