namespace Remiss.Web.Resources;

using Microsoft.Extensions.Localization;

/// <summary>
/// Singular and plural texts from the localizer: <c>L.Plural(n, "{0} remiss", "{0} remisser")</c> says "1 remiss" and
/// "2 remisser" in Swedish and picks the matching English text, since both are keys of SharedResource. The count
/// decides; the arguments default to the count itself.
/// </summary>
public static class PluralTexts
{
    public static LocalizedString Plural(this IStringLocalizer localizer, long count, string singular, string plural, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[count == 1 ? singular : plural, arguments.Length == 0 ? [count] : arguments];
    }
}
