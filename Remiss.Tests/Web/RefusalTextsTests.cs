namespace Remiss.Tests.Web;

using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using Remiss.Domain.Common;
using Remiss.Tests.TestSupport;
using Remiss.Web.Refusals;
using Remiss.Web.Resources;

/// <summary>Every refusal has a Swedish and an English text, said in the user's language; every form places it by its subject.</summary>
public sealed partial class RefusalTextsTests
{
    private static readonly ResourceManager Resources = new(typeof(RefusalResource).FullName!, typeof(RefusalResource).Assembly);

    public static TheoryData<string> Keys() => [.. KeyNames()];

    [Fact]
    public void EveryKey_IsNamedAsItsConstant()
    {
        foreach (var field in typeof(RefusalKey).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
        {
            Assert.Equal(field.Name, field.GetRawConstantValue());
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void EveryKey_HasASwedishAndAnEnglishText_WithTheSamePlaceholders(string key)
    {
        var swedish = Text(Swedish, key);
        var english = Text(English, key);

        Assert.False(string.IsNullOrWhiteSpace(swedish), $"{key} has no Swedish text.");
        Assert.False(string.IsNullOrWhiteSpace(english), $"{key} has no English text.");
        Assert.Equal(Placeholders(swedish), Placeholders(english));
    }

    [Fact]
    public void EveryFieldAndAct_HasASwedishAndAnEnglishWord()
    {
        var names = Enum.GetValues<Field>().Where(f => f != Field.Form).Select(f => $"Field_{f}")
            .Concat(Enum.GetValues<Act>().Select(a => $"Act_{a}"));
        foreach (var name in names)
        {
            Assert.False(string.IsNullOrWhiteSpace(Text(Swedish, name)), $"{name} has no Swedish text.");
            Assert.False(string.IsNullOrWhiteSpace(Text(English, name)), $"{name} has no English text.");
        }
    }

    [Fact]
    public void EveryText_BelongsToAKeyAFieldOrAnAct()
    {
        var known = KeyNames()
            .Concat(Enum.GetValues<Field>().Select(f => $"Field_{f}"))
            .Concat(Enum.GetValues<Act>().Select(a => $"Act_{a}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(Names(Swedish), n => !known.Contains(n));
        Assert.DoesNotContain(Names(English), n => !known.Contains(n));
    }

    [Fact]
    public void ARefusal_IsSaidInSwedish_WithItsFieldItsRowAndItsArguments()
    {
        Refusal[] refusals =
        [
            new(new Subject(Field.SignatoryName, 2), RefusalKey.Required),
            new(new Subject(Field.Answer, 3), RefusalKey.MaxLength, 200_000),
            new(Field.Form, RefusalKey.AlreadyDeclined, Act.Decline),
            new(new Subject(Field.Answer, 4), RefusalKey.ChoiceNotAnOption),
        ];

        Assert.Equal(
            ["Ange namn på ansvarig 2.", "Svar på fråga 3 får vara högst 200\u00a0000 tecken.", "Att avstå går inte: ni har avstått från att yttra er.", "Välj bland svarsalternativen till fråga 4."],
            refusals.Said());
    }

    [Fact]
    public void ARefusal_IsSaidInEnglish_WhenTheUserChoseEnglish()
    {
        Refusal[] refusals =
        [
            new(new Subject(Field.SignatoryName, 2), RefusalKey.Required),
            new(new Subject(Field.Answer, 3), RefusalKey.MaxLength, 200_000),
            new(Field.Form, RefusalKey.AlreadyDeclined, Act.Decline),
        ];

        Assert.Equal(
            ["Name of responsible official 2 is required.", "Answer to question 3 can be at most 200,000 characters.", "Declining is not possible: you have declined to respond."],
            refusals.Said("en"));
    }

    [Theory]
    [InlineData(Field.Answer, 3, "fraga-3")]
    [InlineData(Field.AnswerComment, 3, "fraga-3")]
    [InlineData(Field.SignatoryName, 2, "Input.Signatories[1].Name")]
    [InlineData(Field.SignatoryTitle, 1, "Input.Signatories[0].Title")]
    [InlineData(Field.SectionText, 2, "Input.Sections[1].Text")]
    [InlineData(Field.Summary, null, "Input.Summary")]
    [InlineData(Field.Form, null, "")]
    [InlineData(Field.Title, null, "")]
    public void TheYttrandeForm_PlacesARefusalByItsSubject(Field field, int? index, string key)
    {
        Assert.Equal(key, FormFields.Response.KeyFor(new Subject(field, index)));
    }

    [Theory]
    [InlineData(Field.QuestionText, 2, "Input.Questions[1].Text")]
    [InlineData(Field.QuestionOptions, 2, "Input.Questions[1].Options")]
    [InlineData(Field.QuestionItems, 4, "Input.Questions[3].Items")]
    [InlineData(Field.Deadline, null, "Input.Deadline")]
    [InlineData(Field.ContactEmail, null, "Input.ContactEmail")]
    [InlineData(Field.Recipients, null, "Input.RecipientIds")]
    [InlineData(Field.Questions, null, "Input.Questions")]
    [InlineData(Field.Form, null, "")]
    public void TheRemissForm_PlacesARefusalByItsSubject(Field field, int? index, string key)
    {
        Assert.Equal(key, FormFields.Remiss.KeyFor(new Subject(field, index)));
    }

    [Fact]
    public void AFormWithOneField_PutsEveryRefusalThere()
    {
        Assert.Equal("Reason", FormFields.AllAt("Reason").KeyFor(new Subject(Field.Reason)));
        Assert.Equal("Reason", FormFields.AllAt("Reason").KeyFor(Subject.Form));
    }

    private static IEnumerable<string> KeyNames() =>
        typeof(RefusalKey).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    private static CultureInfo Swedish => CultureInfo.InvariantCulture;

    private static CultureInfo English => CultureInfo.GetCultureInfo("en");

    /// <summary>The culture's own resource set, without falling back to Swedish: a missing English text is missing.</summary>
    private static string? Text(CultureInfo culture, string name) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(name);

    private static IEnumerable<string> Names(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>().Select(e => (string)e.Key);

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{(\d+)[:}]")]
    private static partial Regex Placeholder();
}
