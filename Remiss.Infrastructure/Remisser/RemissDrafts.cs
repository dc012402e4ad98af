namespace Remiss.Infrastructure.Remisser;

using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Files;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.RichText;
using Remiss.Infrastructure.Tenancy;

/// <summary>Writing a remiss: create a draft, save the form, attach and remove files. The domain decides; this loads and saves.</summary>
public sealed class RemissDrafts(
    AppDbContext db,
    ITenantContext tenantContext,
    TenantClock clock,
    RichTextSanitizer sanitizer,
    AttachmentIntake intake,
    IFileStorage storage,
    AuditLog audit)
{
    private Guid TenantId => tenantContext.TenantId ?? throw new InvalidOperationException("No tenant.");

    public DateOnly Today => clock.Today;

    /// <summary>The tenant's påminnelse schedule, which a remiss follows unless it has its own.</summary>
    public async Task<IReadOnlyList<int>> TenantReminderDaysAsync(CancellationToken cancellationToken) =>
        (await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == TenantId, cancellationToken).ConfigureAwait(false)).ReminderDaysBefore;

    public async Task<Remiss> CreateAsync(Guid ownerOrganisationId, string title, Guid userId, CancellationToken cancellationToken)
    {
        var owner = await db.Organisations.SingleOrDefaultAsync(o => o.Id == ownerOrganisationId, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException(Field.Owner, RefusalKey.OwnerRequired);
        var remiss = Remiss.CreateDraft(owner, title, userId, clock.NowUtc);
        db.Remisser.Add(remiss);
        audit.Record(AuditAction.RemissCreated, AuditSubjects.Remiss, remiss.Id, $"Remissen ”{remiss.Title}” skapades som utkast.", remiss.Id);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return remiss;
    }

    /// <summary>Saves the whole form. Throws <see cref="DomainException"/>, with every refusal found before saving, each about its field.</summary>
    public async Task SaveAsync(Remiss remiss, RemissDraft draft, CancellationToken cancellationToken)
    {
        var errors = new List<Refusal>();
        var diarienummer = draft.Diarienummer?.Trim();
        if (!string.IsNullOrEmpty(diarienummer)
            && await db.Remisser.AnyAsync(r => r.Id != remiss.Id && r.Diarienummer == diarienummer, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new Refusal(Field.Diarienummer, RefusalKey.DiarienummerTaken, diarienummer));
        }

        if (draft.Deadline is { } deadline && deadline != remiss.Deadline && !Remiss.IsPossibleDeadline(deadline, Today))
        {
            errors.Add(new Refusal(Field.Deadline, RefusalKey.DeadlineNotAfterToday));
        }

        var reminderDays = ReminderDaysFrom(draft.ReminderDays, errors);
        if (draft.Version != remiss.Version)
        {
            errors.Add(new Refusal(Field.Form, RefusalKey.EditedMeanwhile));
        }

        DomainException.ThrowIfAny(errors);

        var organisations = await db.Organisations.ToListAsync(cancellationToken).ConfigureAwait(false);
        var owner = organisations.SingleOrDefault(o => o.Id == draft.OwnerOrganisationId)
            ?? throw new DomainException(Field.Owner, RefusalKey.OwnerRequired);

        remiss.UpdateDetails(draft.Title, diarienummer, Sanitize(draft.Description), draft.Deadline, Today, draft.ContactName, draft.ContactEmail);
        if (owner.Id != remiss.OwnerOrganisationId)
        {
            remiss.ChangeOwner(owner);
        }

        remiss.SetReminderSchedule(reminderDays);
        remiss.SetQuestions(draft.Questions);
        var recipients = draft.RecipientOrganisationIds
            .Distinct()
            .Where(id => id != owner.Id)
            .Select(id => organisations.SingleOrDefault(o => o.Id == id) ?? throw new DomainException(Field.Recipients, RefusalKey.SelectedRecipientNotFound))
            .ToList();
        db.Recipients.AddRange(remiss.ReplaceRecipients(recipients));

        // A remissinstans the draft no longer lists goes with it, in the same SaveChanges; in a draft it has no yttrande.
        var kept = remiss.Recipients.Select(r => r.Id).ToList();
        db.Recipients.RemoveRange(await db.Recipients.Where(r => r.RemissId == remiss.Id && !kept.Contains(r.Id)).ToListAsync(cancellationToken).ConfigureAwait(false));
        audit.Record(AuditAction.RemissEdited, AuditSubjects.Remiss, remiss.Id, $"Remissen ”{remiss.Title}” sparades ({SwedishPlural.Count(remiss.Questions.Count, "fråga", "frågor")}, {SwedishPlural.Count(remiss.Recipients.Count, "remissinstans", "remissinstanser")}).", remiss.Id);
        await SaveOrReportConflictAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"14, 7, 2" as days before the deadline; empty means the tenant's schedule. Problems go to the field.</summary>
    private static List<int>? ReminderDaysFrom(string? typed, List<Refusal> errors)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var parts = typed.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var days = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day))
            {
                errors.Add(new Refusal(Field.ReminderDays, RefusalKey.ReminderDaysNotNumbers));
                return null;
            }

            days.Add(day);
        }

        try
        {
            return ReminderSchedule.Validate(days);
        }
        catch (DomainException refusal)
        {
            errors.AddRange(refusal.Refusals);
            return null;
        }
    }

    public async Task<RemissAttachment> AttachAsync(Remiss remiss, Stream content, string? fileName, Guid userId, CancellationToken cancellationToken)
    {
        if (!remiss.IsDraft)
        {
            throw new DomainException(Field.Attachments, RefusalKey.ChangedAfterSending);
        }

        var file = await intake.AcceptAsync(TenantId, content, fileName, cancellationToken).ConfigureAwait(false);
        var attachment = remiss.AddAttachment(file, userId, clock.NowUtc);
        audit.Record(AuditAction.RemissEdited, AuditSubjects.Remiss, remiss.Id, $"Bilagan {attachment.FileName} lades till.", remiss.Id);
        await SaveOrReportConflictAsync(cancellationToken).ConfigureAwait(false);
        return attachment;
    }

    public async Task RemoveAttachmentAsync(Remiss remiss, Guid attachmentId, CancellationToken cancellationToken)
    {
        var attachment = remiss.RemoveAttachment(attachmentId);
        audit.Record(AuditAction.RemissEdited, AuditSubjects.Remiss, remiss.Id, $"Bilagan {attachment.FileName} togs bort.", remiss.Id);
        await SaveOrReportConflictAsync(cancellationToken).ConfigureAwait(false);
        await storage.DeleteAsync(TenantId, attachment.StorageKey, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes a draft with its questions, recipients and bilagor (the domain refuses anything but a draft). The history
    /// keeps an entry that it was deleted; the bilagor's files go once the rows are gone, so a failed save loses no file.
    /// </summary>
    public async Task DeleteAsync(Remiss remiss, CancellationToken cancellationToken)
    {
        remiss.EnsureCanBeDeleted();
        var files = remiss.Attachments.Select(a => a.StorageKey).ToList();
        db.Remisser.Remove(remiss);
        audit.Record(AuditAction.DraftDeleted, AuditSubjects.Remiss, remiss.Id, $"Utkastet ”{remiss.Title}” togs bort.", remiss.Id);
        await SaveOrReportConflictAsync(cancellationToken).ConfigureAwait(false);
        foreach (var file in files)
        {
            await storage.DeleteAsync(TenantId, file, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The organisations of the tenant that can take part in a remiss, by kind and Swedish name.</summary>
    public async Task<IReadOnlyList<Organisation>> ActiveOrganisationsAsync(CancellationToken cancellationToken) =>
        SwedishOrder.By(await db.Organisations.AsNoTracking().Where(o => !o.IsRetired).ToListAsync(cancellationToken).ConfigureAwait(false), o => o.Name);

    private string? Sanitize(string? description) =>
        string.IsNullOrWhiteSpace(description) ? null : sanitizer.FromUserInput(description);

    private async Task SaveOrReportConflictAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(Field.Form, RefusalKey.SavedConcurrently);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw new DomainException(Field.Diarienummer, RefusalKey.DiarienummerTakenMeanwhile);
        }
    }
}

/// <summary>Swedish alphabetical order (å, ä, ö after z), for lists shown to people.</summary>
public static class SwedishOrder
{
    public static readonly StringComparer Comparer = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true);

    public static IReadOnlyList<T> By<T>(IEnumerable<T> items, Func<T, string> key) => [.. items.OrderBy(key, Comparer)];
}
