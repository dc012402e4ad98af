namespace Remiss.Tests.TestSupport;

using AngleSharp.Dom;
using AngleSharp.Html.Dom;

/// <summary>
/// What a browser submits of a form, per HTML's form data set: every enabled named control but buttons and files,
/// checkboxes and radios only when checked, the selected options (the first when a single select has none), and
/// textareas with CRLF line breaks. The test kits' form readers all build on it.
/// </summary>
internal static class FormDataSet
{
    public static IEnumerable<(IElement Control, string Name, string Value)> Of(IHtmlFormElement form)
    {
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                    var type = TypeOf(input);
                    if (type is "SUBMIT" or "BUTTON" or "RESET" or "IMAGE" or "FILE")
                    {
                        break;
                    }

                    if (type is "CHECKBOX" or "RADIO")
                    {
                        if (input.IsChecked)
                        {
                            yield return (input, input.Name!, input.GetAttribute("value") ?? "on");
                        }

                        break;
                    }

                    yield return (input, input.Name!, input.Value ?? string.Empty);
                    break;
                case IHtmlTextAreaElement textArea when !string.IsNullOrEmpty(textArea.Name) && !textArea.IsDisabled:
                    yield return (textArea, textArea.Name!, Crlf(textArea.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !select.IsDisabled:
                    var selected = select.Options.Where(o => o.IsSelected).ToList();
                    if (selected.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        selected = [select.Options[0]!];
                    }

                    foreach (var option in selected)
                    {
                        yield return (select, select.Name!, option.Value);
                    }

                    break;
            }
        }
    }

    /// <summary>The input's type in capitals, "TEXT" when it has none.</summary>
    public static string TypeOf(IHtmlInputElement input) => (input.Type ?? "text").ToUpperInvariant();

    public static string Crlf(string? text) => (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
}
