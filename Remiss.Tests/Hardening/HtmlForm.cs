namespace Remiss.Tests.Hardening;

using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

/// <summary>A submit button of a form: its text, the name and value it adds, the address it posts to.</summary>
internal sealed record FormButton(string Text, string? Name, string? Value, string Action);

/// <summary>
/// A post form read off a page as a browser sees it: every named control with its value, the text fields a person
/// types into, and its buttons with where each posts.
/// </summary>
internal sealed partial class HtmlForm
{
    private static readonly string[] TextTypes = ["TEXT", "SEARCH", "EMAIL", "URL", "TEL", "PASSWORD"];

    private readonly List<KeyValuePair<string, string>> _values;

    private HtmlForm(string page, string action, bool multipart, List<KeyValuePair<string, string>> values, IReadOnlyList<string> textFields, IReadOnlyList<string> passwordFields, IReadOnlyList<FormButton> buttons)
    {
        PasswordFields = passwordFields;
        Page = page;
        Action = action;
        Multipart = multipart;
        _values = values;
        TextFields = textFields;
        Buttons = buttons;
    }

    /// <summary>The page the form was found on.</summary>
    public string Page { get; }

    public string Action { get; }

    public bool Multipart { get; }

    /// <summary>Names of the inputs and textareas a person types text into, in page order, each once.</summary>
    public IReadOnlyList<string> TextFields { get; }

    /// <summary>The text fields that are passwords: never shown again, so never kept.</summary>
    public IReadOnlyList<string> PasswordFields { get; }

    public IReadOnlyList<FormButton> Buttons { get; }

    /// <summary>The page's address with every id made {id}: one form of each kind is enough.</summary>
    public string Shape => $"{Ids().Replace(Action, "{id}")} [{string.Join(",", _values.Select(v => Ids().Replace(v.Key, "{id}")).Distinct().Order(StringComparer.Ordinal))}]";

    /// <summary>The form's own button (the one posting to its action, as "Spara utkast" does), else the first.</summary>
    public FormButton Default =>
        Buttons.FirstOrDefault(b => b.Action == Action && b.Name is null) ?? (Buttons.Count > 0 ? Buttons[0] : new FormButton(string.Empty, null, null, Action));

    public static IReadOnlyList<HtmlForm> All(IHtmlDocument page)
    {
        var address = new Uri(page.Url);
        return [.. page.QuerySelectorAll("form")
            .OfType<IHtmlFormElement>()
            .Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            .Select(f => Read(f, address))];
    }

    /// <summary>The values as the browser would send them, with <paramref name="typed"/> typed into one field and the pressed button's own name.</summary>
    public List<KeyValuePair<string, string>> Values(string? field = null, string? typed = null, FormButton? pressed = null)
    {
        var values = new List<KeyValuePair<string, string>>(_values.Count + 1);
        foreach (var value in _values)
        {
            values.Add(value.Key == field ? new(value.Key, typed!) : value);
        }

        if (pressed?.Name is { Length: > 0 } name)
        {
            values.Add(new(name, pressed.Value ?? string.Empty));
        }

        return values;
    }

    public HttpContent Content(IEnumerable<KeyValuePair<string, string>> values)
    {
        if (!Multipart)
        {
            return new FormUrlEncodedContent(values);
        }

        var content = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }

    private static HtmlForm Read(IHtmlFormElement form, Uri address)
    {
        var values = new List<KeyValuePair<string, string>>();
        var textFields = new List<string>();
        var passwordFields = new List<string>();
        foreach (var (control, name, value) in TestSupport.FormDataSet.Of(form))
        {
            values.Add(new(name, value));
            var typedInto = control switch
            {
                IHtmlInputElement input => TextTypes.Contains(TestSupport.FormDataSet.TypeOf(input)) && !input.IsReadOnly,
                IHtmlTextAreaElement textArea => !textArea.IsReadOnly,
                _ => false,
            };
            if (typedInto && !textFields.Contains(name))
            {
                textFields.Add(name);
                if (control is IHtmlInputElement { Type: { } type } && type.Equals("password", StringComparison.OrdinalIgnoreCase))
                {
                    passwordFields.Add(name);
                }
            }
        }

        var action = Resolve(address, form.GetAttribute("action"));
        var buttons = form.QuerySelectorAll("button, input[type=submit]")
            .Where(b => (b.GetAttribute("type") ?? "submit").Equals("submit", StringComparison.OrdinalIgnoreCase) && !b.HasAttribute("disabled"))
            .Where(b => b.Closest("form") == form || b.GetAttribute("form") == form.Id)
            .Select(b => new FormButton(
                Text(b),
                b.GetAttribute("name"),
                b.GetAttribute("value"),
                b.GetAttribute("formaction") is { } formAction ? Resolve(address, formAction) : action))
            .ToList();
        return new HtmlForm(address.PathAndQuery, action, string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase), values, textFields, passwordFields, buttons);
    }

    private static string Resolve(Uri page, string? action) =>
        string.IsNullOrEmpty(action) ? page.PathAndQuery : new Uri(page, action).PathAndQuery;

    private static string Text(IElement element) =>
        element is IHtmlInputElement input ? input.Value ?? string.Empty : string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Ids();
}
