namespace Remiss.Infrastructure.Remisser;

using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// The owner's actions on a remiss once it is written: send it, move its deadline, invite more recipients,
/// withdraw or close it, decide anstånd and reopen yttranden. The domain decides; every e-mail the action
/// causes is queued in the outbox in the same SaveChanges as the change.
/// </summary>
public sealed class RemissSending(
    AppDbContext db,
    ITenantContext tenantContext,
    TimeProvider clock,
    TenantClock tenantClock,
    Outbox outbox,
    RemissEmails emails,
    AuditLog audit)
{
    private CurrentTenant Tenant => tenantContext.Tenant ?? throw new InvalidOperationException("No tenant.");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => tenantClock.Today;

    /// <summary>The invitation as the first recipient will get it, and how many addresses it will reach.</summary>
    public async Task<(EmailContent Invitation, int Addresses)> PreviewInvitationAsync(Remiss remiss, CancellationToken cancellationToken)
    {
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        var first = remiss.Recipients.Select(r => names[r.OrganisationId]).Order(SwedishOrder.Comparer).FirstOrDefault() ?? string.Empty;
        var addresses = 0;
        foreach (var recipient in remiss.Recipients)
        {
            addresses += (await outbox.AddressesOfOrganisationAsync(recipient.OrganisationId, cancellationToken).ConfigureAwait(false)).Count;
        }

        return (emails.Invitation(Tenant, remiss, names[remiss.OwnerOrganisationId], first), addresses);
    }

    /// <summary>Sends the remiss; returns the number of invitations queued.</summary>
    public async Task<int> SendAsync(Remiss remiss, CancellationToken cancellationToken)
    {
        remiss.Send(Today, Now);
        var queued = await InviteAsync(remiss, remiss.Recipients, cancellationToken).ConfigureAwait(false);
        audit.Record(AuditAction.RemissSent, AuditSubjects.Remiss, remiss.Id, $"Remissen skickades till {remiss.Recipients.Count} remissinstanser med sista svarsdag {remiss.Deadline:yyyy-MM-dd}.", remiss.Id);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
        return queued;
    }

    /// <summary>Moves the deadline; recipients still answering whose own deadline changed are told.</summary>
    public async Task MoveDeadlineAsync(Remiss remiss, DateOnly newDeadline, CancellationToken cancellationToken)
    {
        var before = remiss.Recipients.ToDictionary(r => r.Id, r => r.Deadline);
        var old = remiss.Deadline!.Value;
        remiss.MoveDeadline(newDeadline, Today);
        audit.Record(AuditAction.DeadlineMoved, AuditSubjects.Remiss, remiss.Id, $"Sista svarsdag ändrades från {old:yyyy-MM-dd} till {newDeadline:yyyy-MM-dd}.", remiss.Id);
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        var content = emails.DeadlineMoved(Tenant, remiss, names[remiss.OwnerOrganisationId], old, newDeadline);
        foreach (var recipient in remiss.Recipients.Where(r => !r.HasAnswered && r.Deadline != before[r.Id]))
        {
            await QueueAsync(recipient, content, EmailReason.DeadlineMoved, cancellationToken).ConfigureAwait(false);
        }

        await SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds recipients to a sent remiss and invites them; returns how many were added.</summary>
    public async Task<int> AddRecipientsAsync(Remiss remiss, IReadOnlyList<Guid> organisationIds, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (organisations.Count != organisationIds.Distinct().Count())
        {
            throw new DomainException(Field.Recipients, RefusalKey.SelectedOrganisationNotFound);
        }

        var added = organisations.Select(o => remiss.AddRecipient(o, Now)).ToList();
        audit.Record(AuditAction.RecipientsAdded, AuditSubjects.Remiss, remiss.Id, $"Nya remissinstanser: {string.Join(", ", SwedishOrder.By(organisations, o => o.Name).Select(o => o.Name))}.", remiss.Id);
        if (remiss.Status == RemissStatus.Sent)
        {
            await InviteAsync(remiss, added, cancellationToken).ConfigureAwait(false);
        }

        await SaveAsync(cancellationToken).ConfigureAwait(false);
        return added.Count;
    }

    public async Task WithdrawAsync(Remiss remiss, string? reason, CancellationToken cancellationToken)
    {
        remiss.Withdraw(reason, Now);
        audit.Record(AuditAction.RemissWithdrawn, AuditSubjects.Remiss, remiss.Id, string.IsNullOrWhiteSpace(remiss.WithdrawalReason) ? "Remissen återkallades." : $"Remissen återkallades: {remiss.WithdrawalReason}", remiss.Id);
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        var content = emails.Withdrawn(Tenant, remiss, names[remiss.OwnerOrganisationId]);
        foreach (var recipient in remiss.Recipients.Where(r => r.Status != RecipientStatus.Declined))
        {
            await QueueAsync(recipient, content, EmailReason.Withdrawn, cancellationToken).ConfigureAwait(false);
        }

        await SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task CloseAsync(Remiss remiss, CancellationToken cancellationToken)
    {
        remiss.Close(Now);
        audit.Record(AuditAction.RemissClosed, AuditSubjects.Remiss, remiss.Id, "Remissen stängdes av avsändaren.", remiss.Id);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task GrantExtensionAsync(
        Remiss remiss, Guid recipientId, Guid extensionId, DateOnly? date, string? message, Guid userId, CancellationToken cancellationToken)
    {
        var recipient = RecipientOf(remiss, recipientId);
        var extension = recipient.GrantExtension(extensionId, date, userId, Now, Today, message);
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        audit.Record(AuditAction.ExtensionGranted, AuditSubjects.Recipient, recipient.Id, $"Anstånd beviljades för {names[recipient.OrganisationId]} till {recipient.Deadline:yyyy-MM-dd}.", remiss.Id);
        await QueueAsync(recipient, emails.ExtensionGranted(Tenant, remiss, names[remiss.OwnerOrganisationId], recipient.Deadline, extension.DecisionComment), EmailReason.ExtensionGranted, cancellationToken)
            .ConfigureAwait(false);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RefuseExtensionAsync(
        Remiss remiss, Guid recipientId, Guid extensionId, string? message, Guid userId, CancellationToken cancellationToken)
    {
        var recipient = RecipientOf(remiss, recipientId);
        var extension = recipient.RefuseExtension(extensionId, message, userId, Now);
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        audit.Record(AuditAction.ExtensionRefused, AuditSubjects.Recipient, recipient.Id, $"Anstånd avslogs för {names[recipient.OrganisationId]}.", remiss.Id);
        await QueueAsync(recipient, emails.ExtensionRefused(Tenant, remiss, names[remiss.OwnerOrganisationId], recipient.Deadline, extension.DecisionComment), EmailReason.ExtensionRefused, cancellationToken)
            .ConfigureAwait(false);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ReopenAsync(Remiss remiss, Guid recipientId, string? reason, CancellationToken cancellationToken)
    {
        var recipient = RecipientOf(remiss, recipientId);
        recipient.Reopen(Now);
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        audit.Record(AuditAction.ResponseReopened, AuditSubjects.Recipient, recipient.Id, $"Yttrandet från {names[recipient.OrganisationId]} öppnades igen.", remiss.Id);
        await QueueAsync(recipient, emails.Reopened(Tenant, remiss, names[remiss.OwnerOrganisationId], Text.Optional(reason, Field.Motivation, 4_000)), EmailReason.Reopened, cancellationToken)
            .ConfigureAwait(false);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Recipient RecipientOf(Remiss remiss, Guid recipientId) =>
        remiss.Recipients.SingleOrDefault(r => r.Id == recipientId) ?? throw new NotFoundException($"Remissinstansen {recipientId} finns inte i remissen {remiss.Id}.");

    private async Task<int> InviteAsync(Remiss remiss, IEnumerable<Recipient> recipients, CancellationToken cancellationToken)
    {
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        var queued = 0;
        foreach (var recipient in recipients)
        {
            var content = emails.Invitation(Tenant, remiss, names[remiss.OwnerOrganisationId], names[recipient.OrganisationId]);
            queued += (await outbox.QueueForOrganisationAsync(Tenant.Id, recipient.OrganisationId, content, EmailReason.Invitation, EmailConcerns.Recipient, recipient.Id, cancellationToken)
                .ConfigureAwait(false)).Count;
        }

        return queued;
    }

    private async Task QueueAsync(Recipient recipient, EmailContent content, EmailReason reason, CancellationToken cancellationToken) =>
        await outbox.QueueForOrganisationAsync(Tenant.Id, recipient.OrganisationId, content, reason, EmailConcerns.Recipient, recipient.Id, cancellationToken)
            .ConfigureAwait(false);

    private async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(CancellationToken cancellationToken) =>
        await db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(Field.Form, RefusalKey.ChangedConcurrently);
        }
    }
}
