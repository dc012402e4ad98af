namespace Remiss.Infrastructure.Email;

using Microsoft.EntityFrameworkCore;
using Remiss.Infrastructure.Persistence;

/// <summary>An address to send to, with the name shown beside it.</summary>
public sealed record EmailAddress(string Address, string? Name);

/// <summary>A composed e-mail: its subject and the same message as plain text and as HTML.</summary>
public sealed record EmailContent(string Subject, string TextBody, string HtmlBody);

/// <summary>
/// Where features put the e-mails they decide to send. Queuing only adds rows to the caller's context: the
/// caller's SaveChanges writes them in the same transaction as the change that caused them, so a message exists
/// exactly when its cause does. Delivery is the sender's job.
/// </summary>
public sealed class Outbox(AppDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Who receives mail for an organisation: every active member, and the organisation's functional mailbox, each
    /// address once. Runs under the tenant filter, so another tenant's organisation has no addresses.
    /// </summary>
    public async Task<IReadOnlyList<EmailAddress>> AddressesOfOrganisationAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        // Users are not tenant-filtered (they sign in before a tenant is known); memberships are, so the join
        // through them keeps to the tenant, and the person's active access to that same tenant guards against a stray
        // membership and leaves out a deactivated one.
        var members = await (
                from m in db.Memberships
                where m.OrganisationId == organisationId
                join u in db.Users on m.UserId equals u.Id
                where u.Email != null && db.TenantAccesses.Any(a => a.UserId == u.Id && a.TenantId == m.TenantId && a.IsActive)
                orderby u.DisplayName, u.Email
                select new { u.Email, u.DisplayName })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var organisation = await db.Organisations
            .Where(o => o.Id == organisationId)
            .Select(o => new { o.Name, o.FunctionalMailbox })
            .SingleOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);

        var addresses = new List<EmailAddress>();
        if (organisation?.FunctionalMailbox is { } mailbox)
        {
            addresses.Add(new EmailAddress(mailbox, organisation.Name));
        }

        addresses.AddRange(members.Select(m => new EmailAddress(m.Email!, string.IsNullOrWhiteSpace(m.DisplayName) ? null : m.DisplayName)));

        // Addresses are case-insensitive in practice: the registrator who is also a member gets one copy.
        return [.. addresses
            .Where(a => !string.IsNullOrWhiteSpace(a.Address))
            .Select(a => a with { Address = a.Address.Trim() })
            .DistinctBy(a => a.Address, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Adds one message to the context without saving it; the caller's SaveChanges sends it on its way.</summary>
    public void Queue(Guid tenantId, EmailAddress to, EmailContent content, EmailReason reason, string concernsType, Guid concernsId) =>
        Add(tenantId, to, content, reason, concernsType, concernsId);

    /// <summary>Queues the same message to every address of an organisation (see <see cref="AddressesOfOrganisationAsync"/>), unsaved.</summary>
    /// <returns>The messages queued; none when the organisation has nobody to write to.</returns>
    public async Task<IReadOnlyList<OutboxMessage>> QueueForOrganisationAsync(
        Guid tenantId, Guid organisationId, EmailContent content, EmailReason reason, string concernsType, Guid concernsId, CancellationToken cancellationToken)
    {
        var addresses = await AddressesOfOrganisationAsync(organisationId, cancellationToken).ConfigureAwait(false);
        return [.. addresses.Select(a => Add(tenantId, a, content, reason, concernsType, concernsId))];
    }

    private OutboxMessage Add(Guid tenantId, EmailAddress to, EmailContent content, EmailReason reason, string concernsType, Guid concernsId)
    {
        var message = OutboxMessage.Create(tenantId, to, content, reason, concernsType, concernsId, clock.GetUtcNow().UtcDateTime);
        db.Outbox.Add(message);
        return message;
    }
}
