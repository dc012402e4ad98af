namespace Remiss.Tests.TestSupport;

using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Remiss.Domain.Common;
using Remiss.Web.Refusals;
using Remiss.Web.Resources;

/// <summary>What a refusal is about and what it says: asserted by subject and key, and said as a page would say it.</summary>
public static class Refusals
{
    public static readonly RefusalTexts Texts = new(new StringLocalizer<RefusalResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    /// <summary>The one refusal of <paramref name="refusal"/> about <paramref name="subject"/> with <paramref name="key"/> (and, when given, these arguments).</summary>
    public static Refusal AssertRefused(this DomainException refusal, Subject subject, string key, params object[] arguments)
    {
        var found = Assert.Single(refusal.Refusals, r => r.Subject == subject && r.Key == key);
        if (arguments.Length > 0)
        {
            Assert.Equal(arguments, found.Arguments);
        }

        return found;
    }

    /// <summary>This refusal is about <paramref name="subject"/> with <paramref name="key"/> (and, when given, these arguments).</summary>
    public static void AssertIs(this Refusal refusal, Subject subject, string key, params object[] arguments)
    {
        Assert.Equal(subject, refusal.Subject);
        Assert.Equal(key, refusal.Key);
        if (arguments.Length > 0)
        {
            Assert.Equal(arguments, refusal.Arguments);
        }
    }

    /// <summary>The same for a list of problems (before sending or submitting).</summary>
    public static Refusal AssertHas(this IEnumerable<Refusal> refusals, Subject subject, string key) =>
        Assert.Single(refusals, r => r.Subject == subject && r.Key == key);

    /// <summary>Every reason, in the words a page shows in <paramref name="culture"/> (Swedish unless said).</summary>
    public static IReadOnlyList<string> Said(this IEnumerable<Refusal> refusals, string culture = "sv-SE") =>
        InCulture(culture, () => refusals.Select(Texts.Text).ToList());

    /// <summary>The refusal as one paragraph, as a page shows it in <paramref name="culture"/> (Swedish unless said).</summary>
    public static string Said(this DomainException refusal, string culture = "sv-SE") => string.Join(" ", refusal.Refusals.Said(culture));

    public static T InCulture<T>(string culture, Func<T> act)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return act();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
