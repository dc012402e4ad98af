namespace Remiss.Infrastructure.Documents;

using Remiss.Domain.Common;

/// <summary>
/// What a document needs besides the remiss: the tenant's name, calendar, standard sections and template,
/// the organisations' names, and the instant it is made. Built from the database by <see cref="WordDocuments"/>,
/// or in memory by the benchmark and the tests.
/// </summary>
public sealed record DocumentContext(
    string TenantName,
    IReadOnlyDictionary<Guid, string> OrganisationNames,
    TenantCalendar Calendar,
    DateTime NowUtc,
    ReadOnlyMemory<byte>? Template = null)
{
    public DateOnly Today => Calendar.Today(NowUtc);

    public string NameOf(Guid organisationId) => OrganisationNames.TryGetValue(organisationId, out var name) ? name : string.Empty;

    /// <summary>The calendar date of an instant in the tenant's time zone, the Swedish way.</summary>
    public string DateOf(DateTime utc) => SwedishDates.Date(Calendar.Today(utc));
}
