namespace Remiss.Web.Components;

using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;

/// <summary>How the owner sorts the follow-up table.</summary>
public enum FollowUpSort
{
    /// <summary>By name, in Swedish order (the default).</summary>
    Name,

    /// <summary>Those that need attention first: late, close to the deadline, anstånd asked for, then by progress.</summary>
    Status,

    /// <summary>The latest activity first; recipients that have done nothing last.</summary>
    LastActivity,
}

/// <summary>What the status filter of the follow-up table can pick.</summary>
public enum FollowUpStatus
{
    NotStarted,
    Drafting,
    Submitted,
    Declined,
    ExtensionRequested,
}

/// <summary>
/// The follow-up table's sorting and filters, as a plain GET form sets them in the query string (<c>sortera</c>,
/// <c>status</c>, <c>typ</c>, <c>sena</c>), so the choice works without JavaScript, survives a reload and can be linked
/// to. Values that are not understood are ignored rather than refused: the address is the owner's own.
/// </summary>
public sealed record FollowUpFilter(FollowUpSort Sort, FollowUpStatus? Status, OrganisationKind? Kind, bool LateOnly)
{
    public static readonly FollowUpFilter Default = new(FollowUpSort.Name, null, null, false);

    /// <summary>The query-string values of the sort keys, in the order the form offers them.</summary>
    public static IReadOnlyList<(string Value, FollowUpSort Sort)> Sorts { get; } =
        [("namn", FollowUpSort.Name), ("status", FollowUpSort.Status), ("aktivitet", FollowUpSort.LastActivity)];

    /// <summary>The query-string values of the statuses, in the order the form offers them.</summary>
    public static IReadOnlyList<(string Value, FollowUpStatus Status)> Statuses { get; } =
    [
        ("ej-paborjat", FollowUpStatus.NotStarted),
        ("paborjat", FollowUpStatus.Drafting),
        ("anstand-begart", FollowUpStatus.ExtensionRequested),
        ("inkommet", FollowUpStatus.Submitted),
        ("avstar", FollowUpStatus.Declined),
    ];

    /// <summary>The query-string values of the kinds of organisation.</summary>
    public static IReadOnlyList<(string Value, OrganisationKind Kind)> Kinds { get; } =
        [.. OrganisationKinds.All.Select(k => (k.ToString().ToLowerInvariant(), k))];

    public bool IsDefault => this == Default;

    public bool IsFiltered => Status is not null || Kind is not null || LateOnly;

    public string SortValue => Sorts.Single(s => s.Sort == Sort).Value;

    public string? StatusValue => Status is { } status ? Statuses.Single(s => s.Status == status).Value : null;

    public string? KindValue => Kind is { } kind ? Kinds.Single(k => k.Kind == kind).Value : null;

    /// <summary>The query string that gives this choice again (without "?"), for a redirect after an action.</summary>
    public string Query
    {
        get
        {
            var parts = new List<string>();
            if (Sort != FollowUpSort.Name)
            {
                parts.Add($"sortera={SortValue}");
            }

            if (StatusValue is { } status)
            {
                parts.Add($"status={status}");
            }

            if (KindValue is { } kind)
            {
                parts.Add($"typ={kind}");
            }

            if (LateOnly)
            {
                parts.Add("sena=true");
            }

            return string.Join('&', parts);
        }
    }

    public static FollowUpFilter From(string? sort, string? status, string? kind, bool lateOnly) => new(
        Sorts.Where(s => s.Value == sort?.Trim()).Select(s => s.Sort).FirstOrDefault(FollowUpSort.Name),
        Statuses.Where(s => s.Value == status?.Trim()).Select(s => (FollowUpStatus?)s.Status).FirstOrDefault(),
        Kinds.Where(k => k.Value == kind?.Trim()).Select(k => (OrganisationKind?)k.Kind).FirstOrDefault(),
        lateOnly);

    /// <summary>The rows this choice shows, in its order; <paramref name="rows"/> come in Swedish order of name.</summary>
    public IReadOnlyList<RecipientRow> Apply(IReadOnlyList<RecipientRow> rows)
    {
        var shown = rows.Where(r => Status is null || StatusOf(r) == Status)
            .Where(r => Kind is null || r.Kind == Kind)
            .Where(r => !LateOnly || r.IsOverdue);

        // OrderBy is stable: within a key the Swedish order of name stays.
        return Sort switch
        {
            FollowUpSort.Status => [.. shown.OrderBy(Urgency)],
            FollowUpSort.LastActivity => [.. shown.OrderBy(r => r.LastActivity is null).ThenByDescending(r => r.LastActivity)],
            _ => [.. shown],
        };
    }

    /// <summary>The status a row counts as for the filter: an anstånd asked for is its own status until it is decided.</summary>
    public static FollowUpStatus StatusOf(RecipientRow row) => row.Status switch
    {
        RecipientStatus.Submitted => FollowUpStatus.Submitted,
        RecipientStatus.Declined => FollowUpStatus.Declined,
        _ when row.ExtensionRequested => FollowUpStatus.ExtensionRequested,
        RecipientStatus.Drafting => FollowUpStatus.Drafting,
        _ => FollowUpStatus.NotStarted,
    };

    private static int Urgency(RecipientRow row) =>
        row.IsOverdue ? 0
        : row.IsNearDeadline ? 1
        : StatusOf(row) switch
        {
            FollowUpStatus.ExtensionRequested => 2,
            FollowUpStatus.NotStarted => 3,
            FollowUpStatus.Drafting => 4,
            FollowUpStatus.Submitted => 5,
            _ => 6,
        };
}
