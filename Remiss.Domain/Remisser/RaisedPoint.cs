namespace Remiss.Domain.Remisser;

using global::Remiss.Domain.Common;

/// <summary>Ställningstagande till synpunkten: what the owner's office does with a point a remissinstans made.</summary>
public enum Disposition
{
    /// <summary>Beaktas: the proposal changes.</summary>
    Considered = 1,

    /// <summary>Beaktas delvis.</summary>
    PartlyConsidered = 2,

    /// <summary>Beaktas inte.</summary>
    NotConsidered = 3,

    /// <summary>Noteras: noted, no change.</summary>
    Noted = 4,
}

/// <summary>The Swedish words of a <see cref="Disposition"/>, as forms, pages and documents say them.</summary>
public static class Dispositions
{
    public static IReadOnlyList<Disposition> All { get; } = [Disposition.Considered, Disposition.PartlyConsidered, Disposition.NotConsidered, Disposition.Noted];

    public static string Label(Disposition disposition) => disposition switch
    {
        Disposition.Considered => "Beaktas",
        Disposition.PartlyConsidered => "Beaktas delvis",
        Disposition.NotConsidered => "Beaktas inte",
        Disposition.Noted => "Noteras",
        _ => throw new ArgumentOutOfRangeException(nameof(disposition), disposition, null),
    };

    public static string Label(Disposition? disposition) => disposition is { } d ? Label(d) : string.Empty;
}

/// <summary>
/// Where in an yttrande a synpunkt was made: the answer to a question, or (when it belongs to no question) the
/// Sammanfattning, the Övergripande synpunkter or a standard section such as Ekonomiska konsekvenser. Exactly one is set.
/// </summary>
public sealed record PointSource
{
    public const string SummarySection = "Sammanfattning";
    public const string GeneralViewsSection = "Övergripande synpunkter";

    private PointSource(int? questionNumber, string? section)
    {
        QuestionNumber = questionNumber;
        Section = section;
    }

    public int? QuestionNumber { get; }

    public string? Section { get; }

    public bool IsQuestion => QuestionNumber is not null;

    public static PointSource Question(int number) =>
        number >= 1 ? new(number, null) : throw new DomainException(Field.Point, RefusalKey.PointSourceUnknown);

    public static PointSource InSection(string? name) =>
        string.IsNullOrWhiteSpace(name) ? throw new DomainException(Field.Point, RefusalKey.PointSourceUnknown) : new(null, name.Trim());

    /// <summary>The source as it was stored: a question number or a section's name.</summary>
    public static PointSource Of(int? questionNumber, string? section) =>
        questionNumber is { } number ? Question(number) : InSection(section);

    /// <summary>
    /// Refuses a source the remissinstans's yttrande does not have: a question the remiss does not ask, or a section the
    /// yttrande has no text in. A synpunkt quotes what was written.
    /// </summary>
    internal void EnsureIn(RemissTerms terms, Response response)
    {
        var exists = QuestionNumber is { } number
            ? terms.Questions.Any(q => q.Number == number)
            : Section switch
            {
                SummarySection => !string.IsNullOrWhiteSpace(response.Summary),
                GeneralViewsSection => !string.IsNullOrWhiteSpace(response.GeneralViews),
                _ => response.Sections.Any(s => s.Name == Section && !string.IsNullOrWhiteSpace(s.Text)),
            };
        if (!exists)
        {
            throw new DomainException(Field.Point, RefusalKey.PointSourceUnknown);
        }
    }
}

/// <summary>What the synpunkt form holds: the point, the office's bemötande and ställningstagande, and the themes it is filed under.</summary>
public sealed record PointContent(string? Text, string? Reply, Disposition? Disposition, IReadOnlyList<Guid> ThemeIds);

/// <summary>
/// Synpunkt: a point one remissinstans made in its submitted yttrande, usually quoted, with the owner's bemötande and
/// ställningstagande. Internal to the owning organisation until the remiss is Avslutad; read-only from then on. Every
/// member of the owning organisation may edit it; a save based on an older version is refused so nobody's words are lost.
/// </summary>
public sealed class RaisedPoint : TenantEntity
{
    public const int TextMaxLength = 10_000;
    public const int ReplyMaxLength = 20_000;

    private List<Guid> _themeIds = [];

    private RaisedPoint()
    {
        Text = string.Empty;
    }

    private RaisedPoint(Remiss remiss, Recipient recipient, PointSource source, Guid userId, DateTime nowUtc)
        : base(remiss.TenantId)
    {
        RemissId = remiss.Id;
        RecipientId = recipient.Id;
        QuestionNumber = source.QuestionNumber;
        Section = source.Section;
        Text = string.Empty;
        CreatedAt = nowUtc;
        CreatedByUserId = userId;
        LastSavedAt = nowUtc;
        LastSavedByUserId = userId;
    }

    public Guid RemissId { get; private set; }

    public Guid RecipientId { get; private set; }

    /// <summary>The question the point was made on; null when it was made in a section (<see cref="Section"/>).</summary>
    public int? QuestionNumber { get; private set; }

    /// <summary>The section the point was made in, when it belongs to no question.</summary>
    public string? Section { get; private set; }

    public PointSource Source => PointSource.Of(QuestionNumber, Section);

    /// <summary>Synpunkt: the point itself.</summary>
    public string Text { get; private set; }

    /// <summary>Bemötande: the office's reply.</summary>
    public string? Reply { get; private set; }

    /// <summary>Ställningstagande till synpunkten; null until the office has taken one.</summary>
    public Disposition? Disposition { get; private set; }

    /// <summary>The remiss's themes the point is filed under, in the order they were chosen.</summary>
    public IReadOnlyList<Guid> ThemeIds => _themeIds;

    /// <summary>Bumped by every save; guards against two people overwriting each other.</summary>
    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedByUserId { get; private set; }

    public DateTime LastSavedAt { get; private set; }

    public Guid LastSavedByUserId { get; private set; }

    /// <summary>
    /// Takes a synpunkt from the submitted yttrande of <paramref name="recipient"/>. Refused on a remiss that does not take
    /// answers any more or has not yet (only Utskickad and Stängd), on an yttrande that is not submitted (drafts are
    /// nobody's business but their writers'), and on a place the yttrande does not have.
    /// </summary>
    public static RaisedPoint Raise(Remiss remiss, Recipient recipient, PointSource source, PointContent content, IReadOnlyCollection<Theme> themes, Guid userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(content);
        Review.EnsureOpen(remiss);
        if (recipient.RemissId != remiss.Id || recipient.TenantId != remiss.TenantId)
        {
            throw new DomainException(Field.Form, RefusalKey.NotARecipient);
        }

        if (recipient.Status != RecipientStatus.Submitted || recipient.Response is not { } response)
        {
            throw new DomainException(Field.Point, RefusalKey.PointOnlyFromSubmitted);
        }

        source.EnsureIn(remiss.Terms, response);
        var point = new RaisedPoint(remiss, recipient, source, userId, nowUtc);
        point.Apply(remiss, content, themes);
        point.Version = 1;
        return point;
    }

    /// <summary>Saves an edit made on <paramref name="basedOnVersion"/>; someone else's newer save is never written over.</summary>
    public void Revise(Remiss remiss, PointContent content, IReadOnlyCollection<Theme> themes, int basedOnVersion, Guid userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureEditable(remiss);
        EnsureCurrent(basedOnVersion);
        Apply(remiss, content, themes);
        LastSavedAt = nowUtc;
        LastSavedByUserId = userId;
        Version++;
    }

    /// <summary>Refuses a save based on an older version than the stored one: someone else saved in between.</summary>
    public void EnsureCurrent(int basedOnVersion)
    {
        if (basedOnVersion != Version)
        {
            throw new ConcurrencyConflictException(new Refusal(Field.Form, RefusalKey.PointSavedMeanwhile), Version);
        }
    }

    /// <summary>Refuses any change once the remiss is Avslutad (or withdrawn), and a remiss that is not this point's.</summary>
    public void EnsureEditable(Remiss remiss)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        if (remiss.Id != RemissId)
        {
            throw new DomainException(Field.Form, RefusalKey.PointNotFound);
        }

        Review.EnsureOpen(remiss);
    }

    /// <summary>Files the point under <paramref name="into"/> instead of <paramref name="from"/> (merging themes); once.</summary>
    internal void MoveTheme(Guid from, Guid into)
    {
        if (!_themeIds.Contains(from))
        {
            return;
        }

        _themeIds = _themeIds.Contains(into) ? [.. _themeIds.Where(id => id != from)] : [.. _themeIds.Select(id => id == from ? into : id)];
        Version++;
    }

    private void Apply(Remiss remiss, PointContent content, IReadOnlyCollection<Theme> themes)
    {
        var text = Common.Text.Required(content.Text, Field.Point, TextMaxLength);
        var reply = Common.Text.Optional(content.Reply, Field.Reply, ReplyMaxLength);
        if (content.Disposition is { } disposition && !Enum.IsDefined(disposition))
        {
            throw new DomainException(Field.Disposition, RefusalKey.DispositionUnknown);
        }

        var themeIds = (content.ThemeIds ?? []).Distinct().ToList();
        if (themeIds.Any(id => !themes.Any(t => t.Id == id && t.RemissId == remiss.Id)))
        {
            throw new DomainException(Field.Themes, RefusalKey.ThemeNotFound);
        }

        Text = text;
        Reply = reply;
        Disposition = content.Disposition;
        _themeIds = themeIds;
    }
}
