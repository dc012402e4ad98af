namespace Remiss.Domain.Common;

using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>Small checks on the text people type, shared by every entity.</summary>
public static partial class Text
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>Trims, and refuses a blank or too long value, naming its field.</summary>
    public static string Required(string? value, Subject field, int maxLength)
    {
        var trimmed = WithoutControlCharacters(value)?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(field, RefusalKey.Required);
        }

        return MaxLength(trimmed, field, maxLength);
    }

    /// <summary>Trims; a blank value becomes null; a too long one is refused.</summary>
    public static string? Optional(string? value, Subject field, int maxLength)
    {
        var trimmed = WithoutControlCharacters(value)?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : MaxLength(trimmed, field, maxLength);
    }

    /// <summary>
    /// The value without control characters other than tab and line breaks. Nobody means to type a NUL or a bell;
    /// they come from pasting or forging, and XML (so Word) and e-mail headers cannot carry them. Removed rather
    /// than refused, the same way in every field. Word's manual line and page breaks (vertical tab, form feed),
    /// which come with text pasted from Word, become line breaks, so the words either side stay apart.
    /// </summary>
    public static string? WithoutControlCharacters(string? value)
    {
        if (value is null || !value.Any(IsUnwantedControl))
        {
            return value;
        }

        var kept = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '\v' or '\f')
            {
                kept.Append('\n');
            }
            else if (!IsUnwantedControl(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    public static string MaxLength(string value, Subject field, int maxLength) =>
        value.Length > maxLength
            ? throw new DomainException(field, RefusalKey.MaxLength, maxLength)
            : value;

    /// <summary>An e-mail address, or null when blank. Refuses what is not an address.</summary>
    public static string? OptionalEmail(string? value, Subject field)
    {
        var trimmed = Optional(value, field, 254);
        if (trimmed is null)
        {
            return null;
        }

        if (!EmailPattern().IsMatch(trimmed))
        {
            throw new DomainException(field, RefusalKey.InvalidEmail);
        }

        return trimmed;
    }

    private static bool IsUnwantedControl(char c) => char.IsControl(c) && c is not ('\t' or '\r' or '\n');

    /// <summary>One @, something before it, a dotted domain after it, no spaces or angle brackets: what a person types as an address.</summary>
    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[^@\s<>()\[\],;:""]+\.[^@\s<>()\[\],;:""]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
