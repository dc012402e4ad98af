namespace Remiss.Web.Forms;

using Remiss.Domain.Remisser;

/// <summary>
/// The synpunkt form as posted: which answer or section it is taken from (or which synpunkt it changes, on which
/// version), Synpunkt, Bemötande, Ställningstagande till synpunkten, the themes ticked and a new theme typed.
/// </summary>
public sealed class PointForm
{
    /// <summary>The synpunkt being changed; null for a new one.</summary>
    public Guid? PointId { get; set; }

    public Guid RecipientId { get; set; }

    /// <summary>For a synpunkt outside the questions: the section it is taken from.</summary>
    public string? Section { get; set; }

    public string? Text { get; set; }

    public string? Reply { get; set; }

    public Disposition? Disposition { get; set; }

    public List<Guid> ThemeIds { get; set; } = [];

    /// <summary>"Nytt tema": a theme added on the fly (one already there, in any case, is that one).</summary>
    public string? NewTheme { get; set; }

    public int Version { get; set; }

    public PointContent ToContent() => new(Text, Reply, Disposition, ThemeIds);

    public IReadOnlyList<string> NewThemeNames => string.IsNullOrWhiteSpace(NewTheme) ? [] : [NewTheme.Trim()];

    public static PointForm From(RaisedPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return new PointForm
        {
            PointId = point.Id,
            RecipientId = point.RecipientId,
            Section = point.Section,
            Text = point.Text,
            Reply = point.Reply,
            Disposition = point.Disposition,
            ThemeIds = [.. point.ThemeIds],
            Version = point.Version,
        };
    }
}
