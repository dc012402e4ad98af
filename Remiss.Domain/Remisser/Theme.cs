namespace Remiss.Domain.Remisser;

using global::Remiss.Domain.Common;

/// <summary>
/// Tema: the owner's own label for synpunkter across questions, per remiss, such as "Samordning" or "Ekonomi". Added
/// on the fly, renamed and merged later; names are unique in the remiss whatever their case.
/// </summary>
public sealed class Theme : TenantEntity
{
    public const int NameMaxLength = 100;

    private Theme()
    {
        Name = string.Empty;
    }

    private Theme(Remiss remiss, string name)
        : base(remiss.TenantId)
    {
        RemissId = remiss.Id;
        Name = name;
    }

    public Guid RemissId { get; private set; }

    public string Name { get; private set; }

    public static Theme Create(Remiss remiss, string? name, IEnumerable<Theme> existing)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        Review.EnsureOpen(remiss);
        return new Theme(remiss, ValidName(name, existing, null));
    }

    public void Rename(Remiss remiss, string? name, IEnumerable<Theme> existing)
    {
        EnsureOf(remiss);
        Name = ValidName(name, existing, Id);
    }

    /// <summary>
    /// Merges this theme into <paramref name="into"/>: every synpunkt filed under this one is filed under that one
    /// (once), and this theme is left for the caller to remove.
    /// </summary>
    public void MergeInto(Remiss remiss, Theme into, IEnumerable<RaisedPoint> points)
    {
        ArgumentNullException.ThrowIfNull(into);
        ArgumentNullException.ThrowIfNull(points);
        EnsureOf(remiss);
        if (into.RemissId != RemissId)
        {
            throw new DomainException(Field.Themes, RefusalKey.ThemeNotFound);
        }

        if (into.Id == Id)
        {
            throw new DomainException(Field.Themes, RefusalKey.ThemeMergedIntoItself);
        }

        foreach (var point in points.Where(p => p.RemissId == RemissId))
        {
            point.MoveTheme(Id, into.Id);
        }
    }

    private void EnsureOf(Remiss remiss)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        if (remiss.Id != RemissId)
        {
            throw new DomainException(Field.Themes, RefusalKey.ThemeNotFound);
        }

        Review.EnsureOpen(remiss);
    }

    private static string ValidName(string? name, IEnumerable<Theme> existing, Guid? self)
    {
        var valid = Text.Required(name, Field.ThemeName, NameMaxLength);
        if (existing.Any(t => t.Id != self && string.Equals(t.Name, valid, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException(Field.ThemeName, RefusalKey.ThemeNameTaken, valid);
        }

        return valid;
    }
}
