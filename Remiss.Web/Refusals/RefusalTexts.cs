namespace Remiss.Web.Refusals;

using System.Globalization;
using Microsoft.Extensions.Localization;
using Remiss.Domain.Common;
using Remiss.Web.Resources;

/// <summary>
/// The one place a refusal becomes words, in the request's language. A text's <c>{0}</c> is the subject's label
/// ("Frågetext 3", or <c>{0:lower}</c> inside a sentence), <c>{1}</c> the subject's index, <c>{2}</c> and on the arguments; an argument that is an enum
/// value (an <see cref="Act"/>) is said with its own text.
/// </summary>
public sealed class RefusalTexts(IStringLocalizer<RefusalResource> localizer)
{
    public string Text(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var culture = CultureInfo.CurrentCulture;
        object[] values = [Label(refusal.Subject), refusal.Subject.Index ?? (object)string.Empty, .. refusal.Arguments.Select(Word)];
        return string.Format(new LowerCaseFormat(culture), Resource(refusal.Key), values);
    }

    /// <summary>Every refusal of <paramref name="refusal"/>, as one paragraph: for a place with room for one message.</summary>
    public string Text(DomainException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return string.Join(" ", refusal.Refusals.Select(Text));
    }

    /// <summary>What the user calls the field: "Titel", "Namn på ansvarig 2".</summary>
    public string Label(Subject subject) =>
        subject.Field == Field.Form ? string.Empty : string.Format(CultureInfo.CurrentCulture, Resource($"Field_{subject.Field}"), subject.Index);

    /// <summary>
    /// The culture's formatting, and <c>{0:lower}</c>: a label inside a sentence ("Ange administratörens e-post.")
    /// where the label alone starts with a capital ("Administratörens e-post").
    /// </summary>
    private sealed class LowerCaseFormat(CultureInfo culture) : IFormatProvider, ICustomFormatter
    {
        public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : culture.GetFormat(formatType);

        public string Format(string? format, object? arg, IFormatProvider? formatProvider) => (format, arg) switch
        {
            ("lower", string { Length: > 0 } text) => char.ToLower(text[0], culture) + text[1..],
            (_, IFormattable formattable) => formattable.ToString(format, culture),
            _ => arg?.ToString() ?? string.Empty,
        };
    }

    private object Word(object argument) =>
        argument is Enum value ? Resource($"{value.GetType().Name}_{value}") : argument;

    private string Resource(string name)
    {
        var text = localizer[name];
        return text.ResourceNotFound ? throw new InvalidOperationException($"The refusal text {name} is missing from RefusalResource.resx.") : text.Value;
    }
}
