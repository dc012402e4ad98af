namespace Remiss.Infrastructure.Identity;

using Remiss.Domain.Audit;

/// <summary>
/// Puts sign-ins and failed sign-ins of an account in the log of every tenant it has access to (<see cref="AccountAudit"/>).
/// An address without an account, or the platform operator's account, belongs to no tenant: those attempts are only
/// logged by the application.
/// </summary>
public sealed class SignInRecorder(AccountAudit audit)
{
    public Task RecordAsync(ApplicationUser user, bool succeeded, string summary, CancellationToken cancellationToken) =>
        audit.RecordAsync(user, succeeded ? AuditAction.SignedIn : AuditAction.SignInFailed, summary, cancellationToken);
}
