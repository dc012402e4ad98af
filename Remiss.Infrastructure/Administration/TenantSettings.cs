namespace Remiss.Infrastructure.Administration;

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;

/// <summary>One standard section on the settings form: its name, its place, and whether yttranden have it.</summary>
public sealed record SectionInput(string? Name, int Order, bool Enabled);

/// <summary>What the settings form sends. <see cref="ReminderDays"/> is typed as "14, 7, 2".</summary>
public sealed record SettingsInput(
    string? ReminderDays,
    IReadOnlyList<SectionInput> Sections,
    bool Publishes,
    TwoFactorRequirement TwoFactor = TwoFactorRequirement.Nobody);

/// <summary>The tenant's defaults: the reminder schedule, the standard sections of an yttrande, and publication.</summary>
public sealed class TenantSettings(AppDbContext db, ITenantContext tenantContext, AuditLog audit)
{

    public Task<Tenant> CurrentAsync(CancellationToken cancellationToken)
    {
        var id = tenantContext.TenantId ?? throw new InvalidOperationException("No tenant.");
        return db.Tenants.SingleAsync(t => t.Id == id, cancellationToken);
    }

    /// <summary>"14, 7, 2" for the form.</summary>
    public static string Format(IEnumerable<int> days) => string.Join(", ", days.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Saves all three; throws <see cref="DomainException"/> with every refusal, each about its field, and then saves nothing.</summary>
    public async Task SaveAsync(SettingsInput input, CancellationToken cancellationToken)
    {
        var tenant = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        var errors = new List<Refusal>();
        var beforeDays = Format(tenant.ReminderDaysBefore);
        var beforeSections = string.Join(", ", tenant.StandardSections);
        var beforePublishes = tenant.PublishesSubmittedResponses;
        var beforeTwoFactor = tenant.TwoFactorRequirement;

        Try(errors, Field.ReminderDays, () => tenant.SetReminderSchedule(ParseDays(input.ReminderDays)));
        var sections = input.Sections
            .Select((s, i) => (Section: s, Index: i))
            .Where(s => s.Section.Enabled && !string.IsNullOrWhiteSpace(s.Section.Name))
            .OrderBy(s => s.Section.Order)
            .ThenBy(s => s.Index)
            .Select(s => s.Section.Name!)
            .ToList();
        // Each row first, so a refused name is reported next to its own field; then the list as a whole.
        var rowErrors = errors.Count;
        foreach (var (section, index) in input.Sections.Select((s, i) => (s, i)).Where(s => s.s.Enabled && !string.IsNullOrWhiteSpace(s.s.Name)))
        {
            Try(errors, new Subject(Field.SectionName, index + 1), () => Tenant.ValidSectionName(section.Name));
        }

        if (errors.Count == rowErrors)
        {
            Try(errors, Field.StandardSections, () => tenant.SetStandardSections(sections));
        }
        DomainException.ThrowIfAny(errors);

        tenant.SetPublication(input.Publishes);
        tenant.SetTwoFactorRequirement(input.TwoFactor);
        var changes = new List<string>();
        if (beforeDays != Format(tenant.ReminderDaysBefore))
        {
            changes.Add($"påminnelser (dagar före sista svarsdag) {beforeDays} → {Format(tenant.ReminderDaysBefore)}");
        }

        if (beforeSections != string.Join(", ", tenant.StandardSections))
        {
            changes.Add($"standardavsnitt {Or(beforeSections)} → {Or(string.Join(", ", tenant.StandardSections))}");
        }

        if (beforePublishes != tenant.PublishesSubmittedResponses)
        {
            changes.Add(tenant.PublishesSubmittedResponses ? "inskickade yttranden publiceras" : "inskickade yttranden publiceras inte längre");
        }

        if (beforeTwoFactor != tenant.TwoFactorRequirement)
        {
            changes.Add($"tvåstegsverifiering krävs för {Who(beforeTwoFactor)} → {Who(tenant.TwoFactorRequirement)}");
        }

        if (changes.Count > 0)
        {
            audit.Record(AuditAction.SettingsChanged, AuditSubjects.Tenant, tenant.Id, $"Inställningar ändrade: {string.Join("; ", changes)}.");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static List<int> ParseDays(string? text)
    {
        var parts = (text ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var days = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day))
            {
                throw new DomainException(Field.ReminderDays, RefusalKey.NotANumberOfDays, part);
            }

            days.Add(day);
        }

        return days;
    }

    private static void Try(List<Refusal> errors, Subject field, Action change)
    {
        try
        {
            change();
        }
        catch (DomainException refusal)
        {
            errors.AddRange(refusal.About(field).Refusals);
        }
    }

    private static string Who(TwoFactorRequirement requirement) => requirement switch
    {
        TwoFactorRequirement.Administrators => "administratörer",
        TwoFactorRequirement.Everyone => "alla",
        _ => "ingen",
    };

    private static string Or(string list) => list.Length == 0 ? "inga" : list;
}
