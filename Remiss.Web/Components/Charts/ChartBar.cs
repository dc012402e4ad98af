namespace Remiss.Web.Components.Charts;

/// <summary>
/// One bar of a <see cref="BarChart"/>: its words, its count, an optional tone (a traffic light's colour, always said
/// in <see cref="Label"/> too) and the group it is drawn under (a Trafikljus question's item).
/// </summary>
public sealed record ChartBar(string Label, int Count, string? Tone = null, string? Group = null);

/// <summary>One row of a <see cref="TrafficLightMatrix"/>: a remissinstans and its rating of each item (null: not rated).</summary>
public sealed record MatrixRow(string Name, IReadOnlyList<Domain.Remisser.TrafficLightColour?> Ratings);
