namespace Remiss.Infrastructure.Audit;

using System.Text;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Domain.Common;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>What the tenant administrator filters the log on; every part may be left out. Dates are the tenant's calendar days.</summary>
public sealed record AuditFilter(DateOnly? From = null, DateOnly? To = null, AuditAction? Action = null, string? Actor = null, string? Text = null);

/// <summary>Reading the log: one remiss's history, and the tenant's log filtered and exported. Always under the tenant filter.</summary>
public sealed class AuditQueries(AppDbContext db, ITenantContext tenantContext)
{
    public const int PageSize = 200;

    private static readonly string[] Header = ["Tidpunkt", "Vem", "Händelse", "Vad", "Typ", "Id", "Remiss"];

    /// <summary>How many of a remiss's newest events its page shows; the tenant's log has them all.</summary>
    public const int HistoryLength = 100;

    public async Task<IReadOnlyList<AuditEntry>> ForRemissAsync(Guid remissId, CancellationToken cancellationToken, int take = HistoryLength) =>
        await db.AuditEntries.AsNoTracking()
            .Where(e => e.RemissId == remissId)
            .OrderByDescending(e => e.OccurredAt)
            .ThenByDescending(e => e.Id)
            .Take(take)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

    /// <summary>The newest entries that match, at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditFilter filter, int take, CancellationToken cancellationToken) =>
        await Query(filter).Take(take).ToListAsync(cancellationToken).ConfigureAwait(false);

    public IQueryable<AuditEntry> Query(AuditFilter filter)
    {
        var calendar = Calendar();
        var query = db.AuditEntries.AsNoTracking();
        if (filter.From is { } from)
        {
            var start = calendar.EndOfDayUtc(from.AddDays(-1)).AddSeconds(1);
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = calendar.EndOfDayUtc(to).AddSeconds(1);
            query = query.Where(e => e.OccurredAt < end);
        }

        if (filter.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            query = query.Where(e => e.ActorName.Contains(actor));
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(e => e.Summary.Contains(text));
        }

        return query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id);
    }

    /// <summary>Every matching entry as CSV for Excel: semicolons, UTF-8 with BOM, local time, formula-safe cells.</summary>
    public async Task<byte[]> CsvAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var entries = await Query(filter).ToListAsync(cancellationToken).ConfigureAwait(false);
        var calendar = Calendar();
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(';', Header.Select(AuditCsv.Cell)));
        foreach (var e in entries)
        {
            var local = calendar.Local(e.OccurredAt);
            csv.AppendLine(string.Join(
                ';',
                new[]
                {
                    SwedishDates.IsoDateAndTime(local),
                    e.ActorName,
                    AuditActions.Label(e.Action),
                    e.Summary,
                    e.SubjectType,
                    e.SubjectId?.ToString() ?? string.Empty,
                    e.RemissId?.ToString() ?? string.Empty,
                }.Select(AuditCsv.Cell)));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private TenantCalendar Calendar() => TenantCalendar.For(tenantContext.Tenant?.TimeZoneId);
}

/// <summary>One CSV cell that a spreadsheet reads as text, never as a formula.</summary>
public static class AuditCsv
{
    /// <summary>
    /// Quotes the cell, doubles its quotes, and puts an apostrophe before a leading = + - @ (or tab, carriage return),
    /// so that text somebody typed ("=HYPERLINK(…)") is shown, not run, when the export is opened in Excel.
    /// </summary>
    public static string Cell(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
