namespace Remiss.Web.Refusals;

using System.Globalization;
using Remiss.Domain.Common;

/// <summary>
/// Where a form shows a refusal: the model-state key of the input its subject names, or <see cref="Otherwise"/>
/// (the top of the form, unless the form has one field that everything is about). Every form's map is here, as data.
/// </summary>
public sealed class FormFields
{
    private readonly IReadOnlyDictionary<Field, Func<int, string>> _keys;

    private FormFields(IReadOnlyDictionary<Field, Func<int, string>> keys, string otherwise)
    {
        _keys = keys;
        Otherwise = otherwise;
    }

    /// <summary>Where a refusal about no field of this form goes.</summary>
    public string Otherwise { get; }

    /// <summary>Everything at the top of the form.</summary>
    public static FormFields Top { get; } = AllAt(string.Empty);

    /// <summary>The remiss form (<c>Remisser/Edit</c>): the details, each question's text, options and items.</summary>
    public static FormFields Remiss { get; } = Of(new()
    {
        [Field.Title] = _ => "Input.Title",
        [Field.Diarienummer] = _ => "Input.Diarienummer",
        [Field.Deadline] = _ => "Input.Deadline",
        [Field.ContactName] = _ => "Input.ContactName",
        [Field.ContactEmail] = _ => "Input.ContactEmail",
        [Field.Owner] = _ => "Input.OwnerOrganisationId",
        [Field.ReminderDays] = _ => "Input.ReminderDays",
        [Field.QuestionText] = n => Row("Input.Questions", n, "Text"),
        [Field.QuestionType] = n => Row("Input.Questions", n, "Text"),
        [Field.QuestionOptions] = n => Row("Input.Questions", n, "Options"),
        [Field.QuestionItems] = n => Row("Input.Questions", n, "Items"),
        [Field.Questions] = _ => "Input.Questions",
        [Field.Recipients] = _ => "Input.RecipientIds",
    });

    /// <summary>The remiss form's upload: a refused bilaga, or what else went wrong with it, next to the file input.</summary>
    public static FormFields RemissAttachment { get; } = AllAt("NewAttachment");

    /// <summary>The yttrande form (<c>Yttrande/Write</c>): each answer by its question, each signatory and section by its row.</summary>
    public static FormFields Response { get; } = Of(new()
    {
        [Field.Answer] = n => Question(n),
        [Field.AnswerComment] = n => Question(n),
        [Field.Summary] = _ => "Input.Summary",
        [Field.GeneralViews] = _ => "Input.GeneralViews",
        [Field.DecidedBy] = _ => "Input.DecidedBy",
        [Field.DecisionParagraph] = _ => "Input.DecisionParagraph",
        [Field.SectionText] = n => Row("Input.Sections", n, "Text"),
        [Field.SignatoryName] = n => Row("Input.Signatories", n, "Name"),
        [Field.SignatoryTitle] = n => Row("Input.Signatories", n, "Title"),
        [Field.File] = _ => "NewAttachment",
    });

    /// <summary>The decision of a preliminary answer, with its protokollsutdrag.</summary>
    public static FormFields Decision { get; } = Of(new() { [Field.File] = _ => "Protokollsutdrag" });

    /// <summary>The synpunkt form of the question pages (<see cref="Forms.PointForm"/>) and the comment on a question.</summary>
    public static FormFields Point { get; } = Of(new()
    {
        [Field.Point] = _ => "Point.Text",
        [Field.Reply] = _ => "Point.Reply",
        [Field.Disposition] = _ => "Point.Disposition",
        [Field.Themes] = _ => "Point.ThemeIds",
        [Field.ThemeName] = _ => "Point.NewTheme",
        [Field.Comment] = _ => "CommentText",
    });

    /// <summary>The tenant administrator's user form.</summary>
    public static FormFields User { get; } = Of(new()
    {
        [Field.Email] = _ => "Input.Email",
        [Field.Name] = _ => "Input.DisplayName",
        [Field.UserTitle] = _ => "Input.Title",
        [Field.Organisations] = _ => "Input.OrganisationIds",
    });

    /// <summary>The tenant administrator's organisation form.</summary>
    public static FormFields Organisation { get; } = Of(new()
    {
        [Field.Name] = _ => "Input.Name",
        [Field.Kind] = _ => "Input.Kind",
        [Field.FunctionalMailbox] = _ => "Input.FunctionalMailbox",
        [Field.ContactName] = _ => "Input.ContactName",
    });

    /// <summary>The tenant's settings: reminders and standard sections, each section's name by its row.</summary>
    public static FormFields Settings { get; } = Of(new()
    {
        [Field.ReminderDays] = _ => "Input.ReminderDays",
        [Field.SectionName] = n => Row("Input.Sections", n, "Name"),
        [Field.StandardSections] = _ => "Input.Sections",
    });

    /// <summary>The platform operator's new customer and its first administrator.</summary>
    public static FormFields NewTenant { get; } = Of(new()
    {
        [Field.Name] = _ => "Input.Name",
        [Field.Slug] = _ => "Input.Slug",
        [Field.TimeZone] = _ => "Input.TimeZoneId",
        [Field.AdminEmail] = _ => "Input.AdminEmail",
        [Field.AdminName] = _ => "Input.AdminName",
    });

    /// <summary>The tenant's identity provider (Inloggning).</summary>
    public static FormFields SignInProvider { get; } = Of(new()
    {
        [Field.Issuer] = _ => "Input.Issuer",
        [Field.ClientId] = _ => "Input.ClientId",
        [Field.ClientSecret] = _ => "Input.ClientSecret",
        [Field.EmailDomains] = _ => "Input.EmailDomains",
    });

    /// <summary>A form with one field that every refusal is about.</summary>
    public static FormFields AllAt(string key) => new(new Dictionary<Field, Func<int, string>>(), key);

    public string KeyFor(Subject subject) =>
        _keys.TryGetValue(subject.Field, out var key) ? key(subject.Index ?? 0) : Otherwise;

    /// <summary>The model-state key of the answer to question <paramref name="number"/>, as the yttrande form shows it.</summary>
    public static string Question(int number) => string.Create(CultureInfo.InvariantCulture, $"fraga-{number}");

    private static FormFields Of(Dictionary<Field, Func<int, string>> keys) => new(keys, string.Empty);

    /// <summary>Row <paramref name="number"/> (from 1) of a list of the form, as model binding names it (from 0).</summary>
    private static string Row(string list, int number, string property) =>
        string.Create(CultureInfo.InvariantCulture, $"{list}[{number - 1}].{property}");
}
