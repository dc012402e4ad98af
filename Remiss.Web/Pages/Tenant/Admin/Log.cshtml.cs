namespace Remiss.Web.Pages.Tenant.Admin;

using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Audit;
using Remiss.Domain.Common;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Tenancy;

/// <summary>The tenant's log: filter by date, action, actor and text; export what the filter shows as CSV.</summary>
public sealed class LogModel(ITenantContext tenantContext, AuditQueries queries, TimeProvider clock) : AdminPageModel(tenantContext)
{
    public const int PageSize = AuditQueries.PageSize;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public AuditAction? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Text { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public string CsvUrl => $"{AdminUrl}/logg?{Query()}&handler=Csv";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (From > To)
        {
            ModelState.AddModelError(nameof(To), "Till och med kan inte vara före Från och med.");
            return Page();
        }

        Entries = await queries.SearchAsync(Filter(), PageSize, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || From > To)
        {
            return BadRequest();
        }

        var csv = await queries.CsvAsync(Filter(), cancellationToken);
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(csv, "text/csv; charset=utf-8", $"logg-{TenantSlug}-{clock.GetUtcNow():yyyyMMdd}.csv");
    }

    private AuditFilter Filter() => new(From, To, Action, Actor, Text);

    private string Query()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add(nameof(From), SwedishDates.Iso(From));
        Add(nameof(To), SwedishDates.Iso(To));
        Add(nameof(Action), Action?.ToString());
        Add(nameof(Actor), Actor);
        Add(nameof(Text), Text);
        return string.Join('&', parts);
    }
}
