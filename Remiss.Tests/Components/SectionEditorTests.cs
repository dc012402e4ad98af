namespace Remiss.Tests.Components;

using System.Globalization;
using AngleSharp.Html.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Web.Components;

/// <summary>One of the tenant's standard sections as formatted text: labelled by its name, bound to Input.Sections[Index].</summary>
public sealed class SectionEditorTests : BunitContext
{
    public SectionEditorTests() => Services.AddLocalization();

    [Theory]
    [InlineData(0, "Barnperspektiv")]
    [InlineData(1, "Jämställdhet")]
    [InlineData(2, "Ekonomiska konsekvenser")]
    public void The_section_is_a_textarea_labelled_by_its_name_and_bound_to_its_index(int index, string name)
    {
        var rendered = RenderSection(index, name, "Barn påverkas positivt.");

        var label = Assert.Single(rendered.FindAll("label"));
        Assert.Equal(name, label.TextContent);
        var text = (IHtmlTextAreaElement)rendered.Find($"#{label.GetAttribute("for")}");
        Assert.Equal($"Input.Sections[{index}].Text", text.Name);
        Assert.Equal("Barn påverkas positivt.", text.Value);
        Assert.True(text.HasAttribute("data-rich-text"));
        var hidden = (IHtmlInputElement)rendered.Find("input[type=hidden]");
        Assert.Equal(($"Input.Sections[{index}].Name", name), (hidden.Name, hidden.Value));
    }

    [Fact]
    public void Without_text_the_textarea_is_empty()
    {
        var rendered = RenderSection(0, "Barnperspektiv", null);

        Assert.Equal(string.Empty, ((IHtmlTextAreaElement)rendered.Find("textarea")).Value);
    }

    [Fact]
    public void Two_sections_get_ids_of_their_own()
    {
        var first = RenderSection(0, "Barnperspektiv", null);
        var second = RenderSection(1, "Jämställdhet", null);

        Assert.NotEqual(first.Find("textarea").Id, second.Find("textarea").Id);
        Assert.Equal(first.Find("label").GetAttribute("for"), first.Find("textarea").Id);
        Assert.Equal(second.Find("label").GetAttribute("for"), second.Find("textarea").Id);
    }

    [Fact]
    public void Markup_in_the_text_or_the_name_is_shown_as_text_never_as_markup()
    {
        var hostile = "</textarea><script>alert(1)</script><img src=x onerror=alert(2)>";

        var rendered = RenderSection(0, "<b>Barn</b>perspektiv", hostile);

        Assert.Equal(hostile, ((IHtmlTextAreaElement)rendered.Find("textarea")).Value);
        Assert.Equal("<b>Barn</b>perspektiv", rendered.Find("label").TextContent);
        Assert.Equal("<b>Barn</b>perspektiv", rendered.Find("input[type=hidden]").GetAttribute("value"));
        Assert.Empty(rendered.FindAll("script, img, b"));
    }

    private IRenderedComponent<SectionEditor> RenderSection(int index, string name, string? text)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        try
        {
            return Render<SectionEditor>(p => p.Add(c => c.Index, index).Add(c => c.Name, name).Add(c => c.Text, text));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
