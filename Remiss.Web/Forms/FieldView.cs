namespace Remiss.Web.Forms;

/// <summary>
/// One labelled input for the <c>_Field</c> partial: <paramref name="Key"/> is the model-state key ("Input.Name"),
/// which also gives the id the error summary links to; <paramref name="Label"/> is already localised.
/// </summary>
public sealed record FieldView(string Key, string Label, string? Value, string Type = "text", string? Hint = null, string? Autocomplete = null, bool Multiline = false)
{
    public string Id => Key.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
