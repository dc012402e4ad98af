namespace Remiss.Infrastructure.Remisser;

using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Persistence;

/// <summary>
/// Everything the owner's office has made of the answers of one remiss, read at once and untracked: its synpunkter (in
/// question order, then those of the sections, each in the order they were taken), its themes in Swedish order and its
/// comments per question.
/// </summary>
public sealed record ReviewSnapshot(IReadOnlyList<RaisedPoint> Points, IReadOnlyList<Theme> Themes, IReadOnlyList<QuestionComment> Comments)
{
    public static ReviewSnapshot Empty { get; } = new([], [], []);

    /// <summary>No synpunkt and no comment with text: the documents keep the layout they had before this work.</summary>
    public bool IsEmpty => Points.Count == 0 && Comments.All(c => string.IsNullOrWhiteSpace(c.Text));

    public IReadOnlyList<RaisedPoint> PointsOn(int questionNumber) => [.. Points.Where(p => p.QuestionNumber == questionNumber)];

    /// <summary>The synpunkter that belong to no question, in the order of their sections and then of taking.</summary>
    public IReadOnlyList<RaisedPoint> PointsOutsideQuestions => [.. Points.Where(p => p.QuestionNumber is null)];

    public QuestionComment? CommentOn(int questionNumber) => Comments.FirstOrDefault(c => c.QuestionNumber == questionNumber);

    /// <summary>The names of the themes <paramref name="point"/> is filed under, in Swedish order.</summary>
    public IReadOnlyList<string> ThemeNamesOf(RaisedPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return [.. Themes.Where(t => point.ThemeIds.Contains(t.Id)).Select(t => t.Name)];
    }

    /// <summary>The synpunkter filed under <paramref name="theme"/>.</summary>
    public IReadOnlyList<RaisedPoint> PointsUnder(Theme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return [.. Points.Where(p => p.ThemeIds.Contains(theme.Id))];
    }
}

/// <summary>
/// The owner's office's work on the answers of a remiss: synpunkter with bemötande and ställningstagande, themes and
/// comments per question. The domain decides (open remiss, submitted yttrande, stale saves refused); every change is in
/// the remiss's history, written in the same SaveChanges. Rights are the caller's: the remiss's owners only.
/// </summary>
public sealed class RemissReview(AppDbContext db, RemissReader reader, TimeProvider clock, IAuditActor actor, AuditLog audit)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Guid UserId => actor.UserId ?? throw new InvalidOperationException("Only a signed-in person works on the answers.");

    public async Task<ReviewSnapshot> ReadAsync(Guid remissId, CancellationToken cancellationToken)
    {
        var points = await db.RaisedPoints.AsNoTracking()
            .Where(p => p.RemissId == remissId)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var themes = await db.Themes.AsNoTracking().Where(t => t.RemissId == remissId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var comments = await db.QuestionComments.AsNoTracking()
            .Where(c => c.RemissId == remissId)
            .OrderBy(c => c.QuestionNumber)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

        // Ordered here, not in SQL: sections by Swedish name, and a question before any section.
        var ordered = points
            .OrderBy(p => p.QuestionNumber is null)
            .ThenBy(p => p.QuestionNumber)
            .ThenBy(p => p.Section ?? string.Empty, SwedishOrder.Comparer)
            .ThenBy(p => p.CreatedAt)
            .ThenBy(p => p.Id)
            .ToList();
        return new ReviewSnapshot(ordered, SwedishOrder.By(themes, t => t.Name), comments);
    }

    /// <summary>Takes a synpunkt from a submitted yttrande of the remiss; <paramref name="newThemeNames"/> are added as themes first.</summary>
    public async Task<RaisedPoint> RaiseAsync(
        Remiss remiss, Guid recipientId, PointSource source, PointContent content, IReadOnlyList<string> newThemeNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        ArgumentNullException.ThrowIfNull(content);
        var recipient = await reader.FindRecipientAsync(recipientId, cancellationToken).ConfigureAwait(false);
        if (recipient is null || recipient.RemissId != remiss.Id)
        {
            throw new DomainException(Field.Form, RefusalKey.NotARecipient);
        }

        var (themes, named, _) = await ThemesWithAsync(remiss, newThemeNames, cancellationToken).ConfigureAwait(false);
        var point = RaisedPoint.Raise(remiss, recipient, source, content with { ThemeIds = [.. content.ThemeIds, .. named.Select(t => t.Id)] }, themes, UserId, Now);
        db.RaisedPoints.Add(point);
        audit.Record(AuditAction.PointRaised, AuditSubjects.Remiss, remiss.Id, $"Synpunkt från {await NameOfAsync(recipient.OrganisationId, cancellationToken).ConfigureAwait(false)} ({Where(point)}): {Excerpt(point.Text)}", remiss.Id);
        await SaveAsync(point, newThemeNames, cancellationToken).ConfigureAwait(false);
        return point;
    }

    public async Task ReviseAsync(
        Remiss remiss, Guid pointId, PointContent content, IReadOnlyList<string> newThemeNames, int basedOnVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        ArgumentNullException.ThrowIfNull(content);
        var point = await PointAsync(remiss, pointId, cancellationToken).ConfigureAwait(false);
        point.EnsureEditable(remiss);

        // Refused before any new theme is added, so a stale save changes nothing at all.
        point.EnsureCurrent(basedOnVersion);

        var (themes, named, _) = await ThemesWithAsync(remiss, newThemeNames, cancellationToken).ConfigureAwait(false);
        point.Revise(remiss, content with { ThemeIds = [.. content.ThemeIds, .. named.Select(t => t.Id)] }, themes, basedOnVersion, UserId, Now);
        audit.Record(AuditAction.PointEdited, AuditSubjects.Remiss, remiss.Id, $"Synpunkt ({Where(point)}): {Excerpt(point.Text)}", remiss.Id);
        await SaveAsync(point, newThemeNames, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(Remiss remiss, Guid pointId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        var point = await PointAsync(remiss, pointId, cancellationToken).ConfigureAwait(false);
        point.EnsureEditable(remiss);
        db.RaisedPoints.Remove(point);
        audit.Record(AuditAction.PointRemoved, AuditSubjects.Remiss, remiss.Id, $"Synpunkt ({Where(point)}): {Excerpt(point.Text)}", remiss.Id);
        await SaveAsync(point, [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Saves Kommentar till fråga N; <paramref name="basedOnVersion"/> is 0 when the page showed no comment yet.</summary>
    public async Task SaveCommentAsync(Remiss remiss, int questionNumber, string? text, int basedOnVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        var comment = await db.QuestionComments
            .SingleOrDefaultAsync(c => c.RemissId == remiss.Id && c.QuestionNumber == questionNumber, cancellationToken)
            .ConfigureAwait(false);
        if (comment is null)
        {
            if (basedOnVersion != 0)
            {
                throw new InvalidOperationException("A comment that was shown cannot have gone: comments are never removed.");
            }

            comment = QuestionComment.Write(remiss, questionNumber, text, UserId, Now);
            db.QuestionComments.Add(comment);
        }
        else
        {
            comment.Revise(remiss, text, basedOnVersion, UserId, Now);
        }

        audit.Record(AuditAction.CommentSaved, AuditSubjects.Remiss, remiss.Id, $"Kommentar till fråga {questionNumber}: {Excerpt(comment.Text ?? string.Empty)}", remiss.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            var current = await db.QuestionComments.AsNoTracking()
                .Where(c => c.RemissId == remiss.Id && c.QuestionNumber == questionNumber)
                .Select(c => c.Version)
                .SingleOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
            throw new ConcurrencyConflictException(new Refusal(new Subject(Field.Comment, questionNumber), RefusalKey.CommentSavedMeanwhile), current);
        }
    }

    public async Task<Theme> AddThemeAsync(Remiss remiss, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        var existing = await db.Themes.Where(t => t.RemissId == remiss.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var theme = Theme.Create(remiss, name, existing);
        db.Themes.Add(theme);
        audit.Record(AuditAction.ThemeAdded, AuditSubjects.Remiss, remiss.Id, $"Nytt tema: {theme.Name}.", remiss.Id);
        await SaveThemesAsync(theme.Name, cancellationToken).ConfigureAwait(false);
        return theme;
    }

    public async Task RenameThemeAsync(Remiss remiss, Guid themeId, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        var themes = await db.Themes.Where(t => t.RemissId == remiss.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var theme = themes.SingleOrDefault(t => t.Id == themeId) ?? throw new DomainException(Field.ThemeName, RefusalKey.ThemeNotFound);
        var old = theme.Name;
        theme.Rename(remiss, name, themes);
        audit.Record(AuditAction.ThemeRenamed, AuditSubjects.Remiss, remiss.Id, $"Temat {old} heter nu {theme.Name}.", remiss.Id);
        await SaveThemesAsync(theme.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Files every synpunkt of <paramref name="fromThemeId"/> under <paramref name="intoThemeId"/> and removes the first theme.</summary>
    public async Task MergeThemesAsync(Remiss remiss, Guid fromThemeId, Guid intoThemeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remiss);
        var themes = await db.Themes.Where(t => t.RemissId == remiss.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var from = themes.SingleOrDefault(t => t.Id == fromThemeId) ?? throw new DomainException(Field.Themes, RefusalKey.ThemeNotFound);
        var into = themes.SingleOrDefault(t => t.Id == intoThemeId) ?? throw new DomainException(Field.Themes, RefusalKey.ThemeNotFound);
        var points = await db.RaisedPoints.Where(p => p.RemissId == remiss.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        from.MergeInto(remiss, into, points);
        db.Themes.Remove(from);
        audit.Record(AuditAction.ThemesMerged, AuditSubjects.Remiss, remiss.Id, $"Temat {from.Name} är sammanslaget med {into.Name}.", remiss.Id);
        await SaveThemesAsync(into.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The remiss's themes, and those <paramref name="names"/> name: a name the remiss already has (in any case) is that
    /// theme, so typing "ekonomi" files a synpunkt under Ekonomi; any other is added (unsaved, audited).
    /// </summary>
    private async Task<(IReadOnlyList<Theme> All, IReadOnlyList<Theme> Named, IReadOnlyList<Theme> Created)> ThemesWithAsync(
        Remiss remiss, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var themes = await db.Themes.Where(t => t.RemissId == remiss.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var named = new List<Theme>();
        var created = new List<Theme>();
        foreach (var name in (names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            var theme = themes.FirstOrDefault(t => string.Equals(t.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (theme is null)
            {
                theme = Theme.Create(remiss, name, themes);
                db.Themes.Add(theme);
                themes.Add(theme);
                created.Add(theme);
                audit.Record(AuditAction.ThemeAdded, AuditSubjects.Remiss, remiss.Id, $"Nytt tema: {theme.Name}.", remiss.Id);
            }

            named.Add(theme);
        }

        return (themes, named, created);
    }

    private async Task<RaisedPoint> PointAsync(Remiss remiss, Guid pointId, CancellationToken cancellationToken) =>
        await db.RaisedPoints.SingleOrDefaultAsync(p => p.Id == pointId && p.RemissId == remiss.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException(Field.Form, RefusalKey.PointNotFound);

    private async Task<string> NameOfAsync(Guid organisationId, CancellationToken cancellationToken) =>
        await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken).ConfigureAwait(false);

    private async Task SaveAsync(RaisedPoint point, IReadOnlyList<string> newThemeNames, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.RaisedPoints.AsNoTracking().Where(p => p.Id == point.Id).Select(p => p.Version).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            throw new ConcurrencyConflictException(new Refusal(Field.Form, RefusalKey.PointSavedMeanwhile), current);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Someone added a theme of the same name at the same moment: they are told, as for any taken name.
            throw new DomainException(Field.Themes, RefusalKey.ThemeNameTaken, string.Join(", ", newThemeNames));
        }
    }

    private async Task SaveThemesAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(Field.Form, RefusalKey.ChangedConcurrently);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw new DomainException(Field.ThemeName, RefusalKey.ThemeNameTaken, name);
        }
    }

    private static string Where(RaisedPoint point) => point.QuestionNumber is { } number ? $"fråga {number}" : point.Section!;

    /// <summary>The start of a text, for a line of the history: enough to know which synpunkt, never the whole of it.</summary>
    private static string Excerpt(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 79), "…");
}
