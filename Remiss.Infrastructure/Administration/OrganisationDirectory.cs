namespace Remiss.Infrastructure.Administration;

using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;

/// <summary>What the directory form sends: an organisation as the administrator typed it.</summary>
public sealed record OrganisationInput(string? Name, OrganisationKind Kind, string? FunctionalMailbox, string? ContactName);

/// <summary>One organisation in the directory, with how much it is used.</summary>
public sealed record DirectoryRow(Organisation Organisation, int Members, int Remisser);

/// <summary>One row of an import file: what it will add, or why it cannot.</summary>
public sealed record ImportRow(int Line, string Name, string Kind, string? FunctionalMailbox, string? ContactName, IReadOnlyList<Refusal> Errors);

public sealed record ImportPreview(IReadOnlyList<ImportRow> Rows, IReadOnlyList<Refusal> FileErrors)
{
    public bool CanImport => FileErrors.Count == 0 && Rows.Count > 0 && Rows.All(r => r.Errors.Count == 0);
}

/// <summary>
/// The tenant administrator's organisation directory: add, edit, retire and reinstate, and import many from a CSV
/// file. An organisation is never deleted: retired, it stays on the remisser it took part in. Every query runs under
/// the tenant filter, so another tenant's organisation is simply not found.
/// </summary>
public sealed class OrganisationDirectory(AppDbContext db, ITenantContext tenantContext, AuditLog audit)
{
    private Guid TenantId => tenantContext.TenantId ?? throw new InvalidOperationException("No tenant.");

    public async Task<IReadOnlyList<DirectoryRow>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Organisations
            .Select(o => new DirectoryRow(
                o,
                db.Memberships.Count(m => m.OrganisationId == o.Id),
                db.Remisser.Count(r => r.OwnerOrganisationId == o.Id) + db.Recipients.Count(r => r.OrganisationId == o.Id)))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.Organisation.IsRetired).ThenBy(r => r.Organisation.Kind).ThenBy(r => r.Organisation.Name, SwedishOrder.Comparer)];
    }

    public Task<Organisation?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    /// <summary>Adds an organisation; throws <see cref="DomainException"/> when refused.</summary>
    public async Task<Organisation> AddAsync(OrganisationInput input, CancellationToken cancellationToken)
    {
        var organisation = Organisation.Create(TenantId, input.Name ?? string.Empty, input.Kind, input.FunctionalMailbox, input.ContactName);
        await EnsureUniqueNameAsync(organisation.Name, null, cancellationToken).ConfigureAwait(false);
        db.Organisations.Add(organisation);
        audit.Record(AuditAction.OrganisationAdded, AuditSubjects.Organisation, organisation.Id, $"{organisation.Name} ({OrganisationKinds.Label(organisation.Kind)}) lades till.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return organisation;
    }

    public async Task UpdateAsync(Organisation organisation, OrganisationInput input, CancellationToken cancellationToken)
    {
        var before = Describe(organisation);
        organisation.Rename(input.Name ?? string.Empty);
        organisation.ChangeKind(input.Kind);
        organisation.SetContact(input.FunctionalMailbox, input.ContactName);
        await EnsureUniqueNameAsync(organisation.Name, organisation.Id, cancellationToken).ConfigureAwait(false);
        audit.Record(AuditAction.OrganisationEdited, AuditSubjects.Organisation, organisation.Id, $"{before} ändrades till {Describe(organisation)}.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RetireAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        organisation.Retire();
        audit.Record(AuditAction.OrganisationRetired, AuditSubjects.Organisation, organisation.Id, $"{organisation.Name} avvecklades.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ReinstateAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        organisation.Reinstate();
        audit.Record(AuditAction.OrganisationReinstated, AuditSubjects.Organisation, organisation.Id, $"{organisation.Name} återinfördes.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the file and checks every row against the rules and the directory, without changing anything.</summary>
    public async Task<ImportPreview> PreviewImportAsync(string csv, CancellationToken cancellationToken)
    {
        var lines = OrganisationCsv.Read(csv);
        if (lines.Count == 0)
        {
            return new ImportPreview([], [new Refusal(Field.File, RefusalKey.ImportEmpty)]);
        }

        if (lines.Count > OrganisationCsv.MaxRows)
        {
            return new ImportPreview([], [new Refusal(Field.File, RefusalKey.ImportTooManyRows, OrganisationCsv.MaxRows)]);
        }

        var existing = (await db.Organisations.Select(o => o.Name).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(SwedishOrder.Comparer);
        var seen = new Dictionary<string, int>(SwedishOrder.Comparer);
        var rows = new List<ImportRow>();
        foreach (var (line, fields) in lines)
        {
            string Column(int i) => i < fields.Count ? fields[i] : string.Empty;
            var errors = new List<Refusal>();
            if (fields.Count > OrganisationCsv.Columns.Count)
            {
                errors.Add(new Refusal(Field.Form, RefusalKey.ImportTooManyColumns, fields.Count, OrganisationCsv.Columns.Count, string.Join(";", OrganisationCsv.Columns)));
            }

            var kindText = Column(1);
            if (!OrganisationKinds.TryParse(kindText, out var kind))
            {
                errors.Add(string.IsNullOrWhiteSpace(kindText)
                    ? new Refusal(Field.Kind, RefusalKey.ImportKindRequired)
                    : new Refusal(Field.Kind, RefusalKey.ImportUnknownKind, kindText));
                kind = OrganisationKind.Namnd;
            }

            try
            {
                var candidate = Organisation.Create(TenantId, Column(0), kind, Column(2), Column(3));
                if (existing.Contains(candidate.Name))
                {
                    errors.Add(new Refusal(Field.Name, RefusalKey.ImportNameExists, candidate.Name));
                }
                else if (seen.TryGetValue(candidate.Name, out var first))
                {
                    errors.Add(new Refusal(Field.Name, RefusalKey.ImportNameRepeated, candidate.Name, first));
                }
                else
                {
                    seen[candidate.Name] = line;
                }
            }
            catch (DomainException refusal)
            {
                errors.AddRange(refusal.Refusals);
            }

            rows.Add(new ImportRow(line, Column(0), kindText, NullIfBlank(Column(2)), NullIfBlank(Column(3)), errors));
        }

        return new ImportPreview(rows, []);
    }

    /// <summary>
    /// Adds every organisation of the file in one transaction, or none: a file with any error is refused whole, with
    /// the preview that says why.
    /// </summary>
    public async Task<(int Imported, ImportPreview Preview)> ImportAsync(string csv, CancellationToken cancellationToken)
    {
        var preview = await PreviewImportAsync(csv, cancellationToken).ConfigureAwait(false);
        if (!preview.CanImport)
        {
            return (0, preview);
        }

        var organisations = preview.Rows
            .Select(r => Organisation.Create(TenantId, r.Name, OrganisationKinds.TryParse(r.Kind, out var kind) ? kind : throw new DomainException(Field.Kind, RefusalKey.UnknownOrganisationKind), r.FunctionalMailbox, r.ContactName))
            .ToList();
        db.Organisations.AddRange(organisations);
        audit.Record(
            AuditAction.OrganisationsImported,
            AuditSubjects.Organisation,
            null,
            $"{SwedishPlural.Count(organisations.Count, "organisation", "organisationer")} importerades från CSV: {string.Join(", ", organisations.Select(o => o.Name))}.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (organisations.Count, preview);
    }

    private async Task EnsureUniqueNameAsync(string name, Guid? except, CancellationToken cancellationToken)
    {
        var names = await db.Organisations.Where(o => o.Id != except).Select(o => o.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (names.Contains(name, SwedishOrder.Comparer))
        {
            throw new DomainException(Field.Name, RefusalKey.OrganisationNameTaken, name);
        }
    }

    private static string Describe(Organisation o) =>
        $"{o.Name} ({OrganisationKinds.Label(o.Kind)}, funktionsbrevlåda {o.FunctionalMailbox ?? "–"}, kontaktperson {o.ContactName ?? "–"})";

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
