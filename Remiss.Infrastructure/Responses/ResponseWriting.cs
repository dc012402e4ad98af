namespace Remiss.Infrastructure.Responses;

using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Files;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.RichText;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// The recipient's actions on its yttrande: save the draft, attach files, submit, decline, ask for anstånd and
/// confirm the nämnd's decision. The domain decides; formatted text is sanitised before it reaches it; the
/// e-mails each action causes are queued in the same SaveChanges.
/// </summary>
public sealed class ResponseWriting(
    AppDbContext db,
    ITenantContext tenantContext,
    TimeProvider clock,
    TenantClock tenantClock,
    RichTextSanitizer sanitizer,
    AttachmentIntake intake,
    IFileStorage storage,
    Outbox outbox,
    RemissEmails emails,
    AuditLog audit)
{
    private CurrentTenant Tenant => tenantContext.Tenant ?? throw new InvalidOperationException("No tenant.");

    /// <summary>Saves by the same person closer together than this are one sitting in the log.</summary>
    public static readonly TimeSpan SaveSitting = TimeSpan.FromMinutes(15);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => tenantClock.Today;

    /// <summary>The tenant's standard sections and organisation names, which the yttrande's rules need; read once per request.</summary>
    public async Task<ResponseContext> ContextAsync(CancellationToken cancellationToken)
    {
        if (_context is null)
        {
            var sections = await db.Tenants.Where(t => t.Id == Tenant.Id).Select(t => t.StandardSections).SingleAsync(cancellationToken).ConfigureAwait(false);
            var names = await db.Organisations.Where(o => !o.IsRetired).Select(o => o.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
            _context = new ResponseContext(sections, [.. names.Order(Remisser.SwedishOrder.Comparer)]);
        }

        return _context;
    }

    private ResponseContext? _context;

    /// <summary>Saves the draft as typed. Throws <see cref="ConcurrencyConflictException"/> when someone saved a newer version.</summary>
    public async Task SaveDraftAsync(Recipient recipient, ResponseContent content, int basedOnVersion, Guid userId, CancellationToken cancellationToken)
    {
        var context = await ContextAsync(cancellationToken).ConfigureAwait(false);
        recipient.SaveDraft(Sanitized(content), basedOnVersion, context, userId, Now);

        // Autosave saves every 30 seconds while someone writes: one entry per person and sitting, not hundreds.
        var sittingStarted = Now - SaveSitting;
        if (!await db.AuditEntries.AnyAsync(
                e => e.SubjectId == recipient.Id && e.Action == AuditAction.ResponseSaved && e.ActorId == userId && e.OccurredAt > sittingStarted,
                cancellationToken).ConfigureAwait(false))
        {
            await RecordAsync(recipient, AuditAction.ResponseSaved, name => $"Utkastet till yttrande från {name} sparades.", cancellationToken).ConfigureAwait(false);
        }

        await SaveAsync(recipient, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ResponseAttachment> AttachAsync(Recipient recipient, Stream content, string? fileName, Guid userId, CancellationToken cancellationToken)
    {
        var file = await intake.AcceptAsync(Tenant.Id, content, fileName, cancellationToken).ConfigureAwait(false);
        try
        {
            var attachment = recipient.AddAttachment(file, userId, Now);
            await RecordAsync(recipient, AuditAction.ResponseSaved, name => $"Bilagan {attachment.FileName} lades till yttrandet från {name}.", cancellationToken).ConfigureAwait(false);
            await SaveAsync(recipient, cancellationToken).ConfigureAwait(false);
            return attachment;
        }
        catch
        {
            await storage.DeleteAsync(Tenant.Id, file.StorageKey, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public async Task RemoveAttachmentAsync(Recipient recipient, Guid attachmentId, Guid userId, CancellationToken cancellationToken)
    {
        var attachment = recipient.RemoveAttachment(attachmentId, userId, Now);
        await RecordAsync(recipient, AuditAction.ResponseSaved, name => $"Bilagan {attachment.FileName} togs bort från yttrandet från {name}.", cancellationToken).ConfigureAwait(false);
        await SaveAsync(recipient, cancellationToken).ConfigureAwait(false);
        await storage.DeleteAsync(Tenant.Id, attachment.StorageKey, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Submits: read-only and time-stamped; a kvittens to the submitter and a notice to the owners. When it was the
    /// last answer the remiss closes, in the same transaction.
    /// </summary>
    public async Task SubmitAsync(Remiss remiss, Recipient recipient, Guid userId, string userEmail, string userName, CancellationToken cancellationToken)
    {
        EnsureOf(remiss, recipient);
        recipient.Submit(userId, Now);
        await RecordAsync(recipient, AuditAction.ResponseSubmitted, name => $"Yttrandet från {name} skickades in.", cancellationToken).ConfigureAwait(false);
        var (answered, total) = await AnswerTallyAsync(remiss, recipient, cancellationToken).ConfigureAwait(false);
        CloseIfEveryoneAnswered(remiss, total - answered);
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        var recipientName = names[recipient.OrganisationId];
        outbox.Queue(
            Tenant.Id,
            new EmailAddress(userEmail, userName),
            emails.Receipt(Tenant, remiss, recipientName, userName, recipient.SubmittedAt!.Value),
            EmailReason.Receipt,
            EmailConcerns.Recipient,
            recipient.Id);
        var notice = emails.SubmittedNotice(
            Tenant,
            remiss,
            recipient.Id,
            recipientName,
            recipient.SubmittedAt!.Value,
            recipient.Response!.Decision?.Kind == DecisionKind.PreliminaryAnswer,
            answered,
            total);
        await outbox.QueueForOrganisationAsync(Tenant.Id, remiss.OwnerOrganisationId, notice, EmailReason.SubmittedNotice, EmailConcerns.Recipient, recipient.Id, cancellationToken)
            .ConfigureAwait(false);
        await SaveAsync(recipient, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Declines; when it was the last answer the remiss closes, in the same transaction.</summary>
    public async Task DeclineAsync(Remiss remiss, Recipient recipient, string? reason, Guid userId, CancellationToken cancellationToken)
    {
        EnsureOf(remiss, recipient);
        recipient.Decline(reason, userId, Now);
        await RecordAsync(recipient, AuditAction.ResponseDeclined, name => $"{name} avstod från att yttra sig.", cancellationToken).ConfigureAwait(false);
        var (answered, total) = await AnswerTallyAsync(remiss, recipient, cancellationToken).ConfigureAwait(false);
        CloseIfEveryoneAnswered(remiss, total - answered);
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        var notice = emails.Declined(Tenant, remiss, recipient.Id, names[recipient.OrganisationId], recipient.DeclineReason);
        await outbox.QueueForOrganisationAsync(Tenant.Id, remiss.OwnerOrganisationId, notice, EmailReason.Declined, EmailConcerns.Recipient, recipient.Id, cancellationToken)
            .ConfigureAwait(false);
        await SaveAsync(recipient, cancellationToken).ConfigureAwait(false);
    }

    public async Task RequestExtensionAsync(Remiss remiss, Recipient recipient, DateOnly requestedDeadline, string? reason, Guid userId, string userName, CancellationToken cancellationToken)
    {
        EnsureOf(remiss, recipient);
        var current = recipient.Deadline;
        var extension = recipient.RequestExtension(requestedDeadline, reason, userId, Now, Today);
        await RecordAsync(recipient, AuditAction.ExtensionRequested, name => $"{name} begärde anstånd till {SwedishDates.Date(requestedDeadline)}.", cancellationToken).ConfigureAwait(false);
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        var request = emails.ExtensionRequested(Tenant, remiss, names[recipient.OrganisationId], userName, current, requestedDeadline, extension.Reason);
        await outbox.QueueForOrganisationAsync(Tenant.Id, remiss.OwnerOrganisationId, request, EmailReason.ExtensionRequested, EmailConcerns.Extension, extension.Id, cancellationToken)
            .ConfigureAwait(false);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            // Two requests at once (a double click, two colleagues): the first is saved, the second is told it waits.
            throw new DomainException(Field.RequestedDeadline, RefusalKey.ExtensionAlreadyPending);
        }
    }

    /// <summary>Adds the nämnd's decision (and protokollsutdrag) to a submitted preliminary answer; the owners are told.</summary>
    public async Task ConfirmDecisionAsync(
        Remiss remiss, Recipient recipient, DecisionContent decision, Stream? protocolExtract, string? fileName, Guid userId, CancellationToken cancellationToken)
    {
        EnsureOf(remiss, recipient);
        AttachmentFile? file = null;
        if (protocolExtract is not null)
        {
            file = await intake.AcceptAsync(Tenant.Id, protocolExtract, fileName, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            recipient.ConfirmDecision(decision, file, userId, Now);
            await RecordAsync(recipient, AuditAction.DecisionConfirmed, name => $"Nämndens beslut om yttrandet från {name} lades till.", cancellationToken).ConfigureAwait(false);
            var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
            var stored = recipient.Response!.Decision!;
            var notice = emails.DecisionConfirmed(
                Tenant, remiss, recipient.Id, names[recipient.OrganisationId], stored.DecidedBy ?? names[recipient.OrganisationId], stored.DecisionDate!.Value, stored.Paragraph);
            await outbox.QueueForOrganisationAsync(
                    Tenant.Id, remiss.OwnerOrganisationId, notice, EmailReason.DecisionConfirmed, EmailConcerns.Recipient, recipient.Id, cancellationToken)
                .ConfigureAwait(false);
            await SaveAsync(recipient, cancellationToken).ConfigureAwait(false);
        }
        catch when (file is not null)
        {
            await storage.DeleteAsync(Tenant.Id, file.StorageKey, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The yttrande's formatted fields made safe: the editor's HTML sanitised, or plain text made into paragraphs.</summary>
    private ResponseContent Sanitized(ResponseContent content) => content with
    {
        Summary = Rich(content.Summary),
        GeneralViews = Rich(content.GeneralViews),
        Answers = [.. content.Answers.Select(a => a with { Text = Rich(a.Text) })],
        Sections = [.. content.Sections.Select(s => s with { Text = Rich(s.Text) })],
    };

    private string? Rich(string? text) => string.IsNullOrWhiteSpace(text) ? null : NullIfEmpty(sanitizer.FromUserInput(text));

    private static string? NullIfEmpty(string html) => Response.IsBlankHtml(html) ? null : html;

    /// <summary>Records the action; <paramref name="summary"/> gets the recipient organisation's name.</summary>
    private async Task RecordAsync(Recipient recipient, AuditAction action, Func<string, string> summary, CancellationToken cancellationToken)
    {
        var name = await db.Organisations.Where(o => o.Id == recipient.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken).ConfigureAwait(false);
        audit.Record(action, AuditSubjects.Recipient, recipient.Id, summary(name), recipient.RemissId);
    }

    private static void EnsureOf(Remiss remiss, Recipient recipient)
    {
        if (recipient.RemissId != remiss.Id)
        {
            throw new NotFoundException($"Remissinstansen {recipient.Id} finns inte i remissen {remiss.Id}.");
        }
    }

    /// <summary>
    /// How many of the remiss's recipients have submitted or declined, of how many: a count in the database, with
    /// <paramref name="changed"/> as it stands in this transaction rather than as stored.
    /// </summary>
    private async Task<(int Answered, int Total)> AnswerTallyAsync(Remiss remiss, Recipient changed, CancellationToken cancellationToken)
    {
        var others = db.Recipients.Where(r => r.RemissId == remiss.Id && r.Id != changed.Id);
        var total = await others.CountAsync(cancellationToken).ConfigureAwait(false);
        var answered = await others.CountAsync(r => r.Status == RecipientStatus.Submitted || r.Status == RecipientStatus.Declined, cancellationToken).ConfigureAwait(false);
        return (answered + (changed.HasAnswered ? 1 : 0), total + 1);
    }

    private void CloseIfEveryoneAnswered(Remiss remiss, int notYetAnswered)
    {
        var before = remiss.Status;
        remiss.CloseIfEveryRecipientHasAnswered(notYetAnswered, Now);
        if (before != remiss.Status)
        {
            audit.Record(AuditAction.RemissClosed, AuditSubjects.Remiss, remiss.Id, "Remissen stängdes: alla remissinstanser har svarat eller avstått.", remiss.Id);
        }
    }

    private async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(CancellationToken cancellationToken) =>
        await db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);

    private async Task SaveAsync(Recipient recipient, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            // Someone saved first, or two people started the same yttrande at once: neither save is written over.
            var current = await db.Responses.AsNoTracking().Where(r => r.RecipientId == recipient.Id).Select(r => r.Version).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            throw new ConcurrencyConflictException(new Refusal(Field.Form, RefusalKey.ResponseSavedMeanwhile), current);
        }
    }
}
