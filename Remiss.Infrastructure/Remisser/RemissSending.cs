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
/// causes is queued in the outbox in the same SaveChanges as the change. The remiss and its remissinstanser are
/// separate aggregates: an action that changes both does so here, in one method and one SaveChanges.
/// </summary>
public sealed class RemissSending(
    AppDbContext db,
    RemissReader reader,
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

        // A draft's remissinstanser have no yttrande or anstånd yet: each is its row, which the invitation stamps.
        var recipients = await db.Recipients.Where(r => r.RemissId == remiss.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var recipient in recipients)
        {
            recipient.MarkInvited(Now);
        }

        var queued = await InviteAsync(remiss, [.. recipients.Select(r => (r.Id, r.OrganisationId))], cancellationToken).ConfigureAwait(false);
        audit.Record(AuditAction.RemissSent, AuditSubjects.Remiss, remiss.Id, $"Remissen skickades till {SwedishPlural.Count(remiss.Recipients.Count, "remissinstans", "remissinstanser")} med sista svarsdag {SwedishDates.Date(remiss.Deadline!.Value)}.", remiss.Id);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
        return queued;
    }

    /// <summary>Moves the deadline; recipients still answering whose own deadline changed are told.</summary>
    public async Task MoveDeadlineAsync(Remiss remiss, DateOnly newDeadline, CancellationToken cancellationToken)
    {
        var old = remiss.Deadline!.Value;
        remiss.MoveDeadline(newDeadline, Today);
        audit.Record(AuditAction.DeadlineMoved, AuditSubjects.Remiss, remiss.Id, $"Sista svarsdag ändrades från {SwedishDates.Date(old)} till {SwedishDates.Date(newDeadline)}.", remiss.Id);
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        var content = emails.DeadlineMoved(Tenant, remiss, names[remiss.OwnerOrganisationId], old, newDeadline);
        var answering = await db.Recipients
            .Where(r => r.RemissId == remiss.Id && r.Status != RecipientStatus.Submitted && r.Status != RecipientStatus.Declined)
            .Select(r => new { r.Id, r.OrganisationId, r.ExtendedDeadline })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        foreach (var recipient in answering.Where(r => Recipient.DeadlineOf(newDeadline, r.ExtendedDeadline) != Recipient.DeadlineOf(old, r.ExtendedDeadline)))
        {
            await QueueAsync((recipient.Id, recipient.OrganisationId), content, EmailReason.DeadlineMoved, cancellationToken).ConfigureAwait(false);
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
        db.Recipients.AddRange(added);
        audit.Record(AuditAction.RecipientsAdded, AuditSubjects.Remiss, remiss.Id, $"Nya remissinstanser: {string.Join(", ", SwedishOrder.By(organisations, o => o.Name).Select(o => o.Name))}.", remiss.Id);
        if (remiss.Status == RemissStatus.Sent)
        {
            await InviteAsync(remiss, [.. added.Select(r => (r.Id, r.OrganisationId))], cancellationToken).ConfigureAwait(false);
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
        var notDeclined = await db.Recipients
            .Where(r => r.RemissId == remiss.Id && r.Status != RecipientStatus.Declined)
            .Select(r => new { r.Id, r.OrganisationId })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        foreach (var recipient in notDeclined)
        {
            await QueueAsync((recipient.Id, recipient.OrganisationId), content, EmailReason.Withdrawn, cancellationToken).ConfigureAwait(false);
        }

        await SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task CloseAsync(Remiss remiss, CancellationToken cancellationToken)
    {
        remiss.Close(Now);
        audit.Record(AuditAction.RemissClosed, AuditSubjects.Remiss, remiss.Id, "Remissen stängdes av avsändaren.", remiss.Id);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What withdrawing would do, for the confirmation page: the e-mail every recipient that has not declined gets, how
    /// many recipients that is, and how many addresses it reaches. The reason the owner writes is quoted in the e-mail
    /// when it goes; the preview is of the message around it.
    /// </summary>
    public async Task<(EmailContent Notice, int Recipients, int Addresses)> PreviewWithdrawalAsync(Remiss remiss, CancellationToken cancellationToken)
    {
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        var told = await db.Recipients
            .Where(r => r.RemissId == remiss.Id && r.Status != RecipientStatus.Declined)
            .Select(r => r.OrganisationId)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var addresses = 0;
        foreach (var organisationId in told)
        {
            addresses += (await outbox.AddressesOfOrganisationAsync(organisationId, cancellationToken).ConfigureAwait(false)).Count;
        }

        return (emails.Withdrawn(Tenant, remiss, names[remiss.OwnerOrganisationId]), told.Count, addresses);
    }

    /// <summary>
    /// Påminn nu: sends one recipient its påminnelse now, through the same e-mail and outbox as the scheduled ones (the
    /// late notice once its deadline has passed), at most once a day (<see cref="Recipient.RemindNow"/>). The step is
    /// recorded as a <see cref="Reminder"/>, so the follow-up counts it. Returns the recipient's name and how many
    /// addresses the påminnelse went to.
    /// </summary>
    public async Task<(string Name, int Addresses)> RemindNowAsync(Remiss remiss, Guid recipientId, CancellationToken cancellationToken)
    {
        var recipient = await RecipientOfAsync(remiss, recipientId, cancellationToken).ConfigureAwait(false);
        recipient.RemindNow(Today);
        var deadline = recipient.Deadline;
        db.Reminders.Add(Reminder.Manual(recipient, deadline, Today, Now));
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        var name = names[recipient.OrganisationId];
        var owner = names[remiss.OwnerOrganisationId];
        var content = recipient.IsOverdue(Today)
            ? emails.Overdue(Tenant, remiss, owner, name, deadline)
            : emails.Reminder(Tenant, remiss, owner, name, deadline, deadline.DayNumber - Today.DayNumber, recipient.Status == RecipientStatus.Drafting);
        var queued = await outbox.QueueForOrganisationAsync(Tenant.Id, recipient.OrganisationId, content, EmailReason.Reminder, EmailConcerns.Recipient, recipient.Id, cancellationToken)
            .ConfigureAwait(false);
        audit.Record(AuditAction.ReminderSentNow, AuditSubjects.Recipient, recipient.Id, $"Påminnelse skickades till {name} ({queued.Count} mottagare).", remiss.Id);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
        return (name, queued.Count);
    }

    public async Task GrantExtensionAsync(
        Remiss remiss, Guid recipientId, Guid extensionId, DateOnly? date, string? message, Guid userId, CancellationToken cancellationToken)
    {
        var recipient = await RecipientOfAsync(remiss, recipientId, cancellationToken).ConfigureAwait(false);
        var extension = recipient.GrantExtension(extensionId, date, userId, Now, Today, message);
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        audit.Record(AuditAction.ExtensionGranted, AuditSubjects.Recipient, recipient.Id, $"Anstånd beviljades för {names[recipient.OrganisationId]} till {SwedishDates.Date(recipient.Deadline)}.", remiss.Id);
        await QueueAsync((recipient.Id, recipient.OrganisationId), emails.ExtensionGranted(Tenant, remiss, names[remiss.OwnerOrganisationId], recipient.Deadline, extension.DecisionComment), EmailReason.ExtensionGranted, cancellationToken)
            .ConfigureAwait(false);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RefuseExtensionAsync(
        Remiss remiss, Guid recipientId, Guid extensionId, string? message, Guid userId, CancellationToken cancellationToken)
    {
        var recipient = await RecipientOfAsync(remiss, recipientId, cancellationToken).ConfigureAwait(false);
        var extension = recipient.RefuseExtension(extensionId, message, userId, Now);
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        audit.Record(AuditAction.ExtensionRefused, AuditSubjects.Recipient, recipient.Id, $"Anstånd avslogs för {names[recipient.OrganisationId]}.", remiss.Id);
        await QueueAsync((recipient.Id, recipient.OrganisationId), emails.ExtensionRefused(Tenant, remiss, names[remiss.OwnerOrganisationId], recipient.Deadline, extension.DecisionComment), EmailReason.ExtensionRefused, cancellationToken)
            .ConfigureAwait(false);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Gives a submitted yttrande back to its recipient; a closed remiss opens again with it. Both aggregates change
    /// here, in one SaveChanges: the yttrande is reopened, then the remiss follows.
    /// </summary>
    public async Task ReopenAsync(Remiss remiss, Guid recipientId, string? reason, CancellationToken cancellationToken)
    {
        var recipient = await RecipientOfAsync(remiss, recipientId, cancellationToken).ConfigureAwait(false);
        recipient.Under(remiss.Terms).Reopen(Now);
        remiss.ReopenForRecipient();
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        audit.Record(AuditAction.ResponseReopened, AuditSubjects.Recipient, recipient.Id, $"Yttrandet från {names[recipient.OrganisationId]} öppnades igen.", remiss.Id);
        await QueueAsync((recipient.Id, recipient.OrganisationId), emails.Reopened(Tenant, remiss, names[remiss.OwnerOrganisationId], Text.Optional(reason, Field.Motivation, 4_000)), EmailReason.Reopened, cancellationToken)
            .ConfigureAwait(false);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The remissinstans of this remiss with <paramref name="recipientId"/>, whole, under the remiss's terms as loaded.</summary>
    private async Task<Recipient> RecipientOfAsync(Remiss remiss, Guid recipientId, CancellationToken cancellationToken) =>
        (await reader.FindRecipientAsync(recipientId, cancellationToken).ConfigureAwait(false)) is { } recipient && recipient.RemissId == remiss.Id
            ? recipient.Under(remiss.Terms)
            : throw new NotFoundException($"Remissinstansen {recipientId} finns inte i remissen {remiss.Id}.");

    private async Task<int> InviteAsync(Remiss remiss, IReadOnlyList<(Guid Id, Guid OrganisationId)> recipients, CancellationToken cancellationToken)
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

    private async Task QueueAsync((Guid Id, Guid OrganisationId) recipient, EmailContent content, EmailReason reason, CancellationToken cancellationToken) =>
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
