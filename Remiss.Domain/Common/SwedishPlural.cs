namespace Remiss.Domain.Common;

/// <summary>
/// The one way Remiss counts things in Swedish outside the pages' localizer (e-mails, log texts, documents, status
/// messages): "1 remiss", "2 remisser", "1 av 1 remissinstans". The pages pick their texts the same way with
/// <c>L.Plural</c>. Never "1 remisser".
/// </summary>
public static class SwedishPlural
{
    /// <summary>The number and the noun that agrees with it: "1 remissinstans", "15 remissinstanser", "1 200 remisser".</summary>
    public static string Count(long count, string singular, string plural) =>
        $"{count.ToString("N0", Text.Swedish)} {Word(count, singular, plural)}";

    /// <summary>The noun alone, agreeing with <paramref name="count"/>: for "3 av 1 … " sentences, where the total decides.</summary>
    public static string Word(long count, string singular, string plural) => count == 1 ? singular : plural;
}
