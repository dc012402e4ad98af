namespace Remiss.Tests.Components;

using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Organisations;
using Remiss.Web.Components;

/// <summary>
/// A checkbox per organisation of the tenant, named by the organisation's name, grouped by kind with a "select
/// all" button per group; the owner is never offered.
/// </summary>
public sealed class RecipientPickerTests : BunitContext
{
    private static readonly Guid TenantId = Guid.CreateVersion7();

    private readonly Organisation _stadskontoret = Organisation.Create(TenantId, "Stadskontoret", OrganisationKind.Forvaltning);
    private readonly Organisation _miljo = Organisation.Create(TenantId, "Miljönämnden", OrganisationKind.Namnd);
    private readonly Organisation _tekniska = Organisation.Create(TenantId, "Tekniska nämnden", OrganisationKind.Namnd);
    private readonly Organisation _mkb = Organisation.Create(TenantId, "MKB", OrganisationKind.Bolag);
    private readonly Organisation _lansstyrelsen = Organisation.Create(TenantId, "Länsstyrelsen Skåne", OrganisationKind.Extern);

    public RecipientPickerTests() => Services.AddLocalization();

    private static HashSet<Guid> None => [];

    private IReadOnlyList<Organisation> All => [_lansstyrelsen, _mkb, _miljo, _stadskontoret, _tekniska];

    [Fact]
    public void Organisations_AreGroupedByKind_EachACheckboxNamedByTheOrganisationsName()
    {
        var picker = RenderPicker(All, None, _stadskontoret.Id);

        Assert.Equal(["Nämnder", "Bolag", "Externa organisationer"], picker.FindAll("fieldset legend").Select(l => l.TextContent));
        var groups = picker.FindAll("fieldset");
        Assert.Equal(["Miljönämnden", "Tekniska nämnden"], groups[0].QuerySelectorAll("label").Select(l => l.TextContent));
        Assert.Equal(["MKB"], groups[1].QuerySelectorAll("label").Select(l => l.TextContent));
        Assert.Equal(["Länsstyrelsen Skåne"], groups[2].QuerySelectorAll("label").Select(l => l.TextContent));
        var tekniska = Checkbox(picker, "Tekniska nämnden");
        Assert.Equal("checkbox", tekniska.GetAttribute("type"));
        Assert.Equal("Input.RecipientIds", tekniska.GetAttribute("name"));
        Assert.Equal(_tekniska.Id.ToString(), tekniska.GetAttribute("value"));
    }

    [Fact]
    public void TheOwner_IsNotOffered_AndTheUserIsToldWhy()
    {
        var picker = RenderPicker(All, None, _stadskontoret.Id);

        Assert.DoesNotContain("Stadskontoret", picker.FindAll("label").Select(l => l.TextContent));
        Assert.Empty(picker.FindAll($"input[value='{_stadskontoret.Id}']"));
        Assert.Equal("Stadskontoret äger remissen och kan inte vara remissinstans.", picker.Find("p.hint").TextContent);
        Assert.DoesNotContain("Förvaltningar", picker.FindAll("legend").Select(l => l.TextContent));
    }

    [Fact]
    public void AnotherForvaltning_IsOfferedUnderForvaltningar()
    {
        var stadsbyggnad = Organisation.Create(TenantId, "Stadsbyggnadskontoret", OrganisationKind.Forvaltning);

        var picker = RenderPicker([.. All, stadsbyggnad], None, _stadskontoret.Id);

        var group = picker.FindAll("fieldset").Single(f => f.QuerySelector("legend")!.TextContent == "Förvaltningar");
        Assert.Equal(["Stadsbyggnadskontoret"], group.QuerySelectorAll("label").Select(l => l.TextContent));
        Assert.Equal("Välj alla förvaltningar", group.QuerySelector("button")!.TextContent);
    }

    [Fact]
    public void TheChosenRecipients_AreTicked_AndNoOthers()
    {
        var picker = RenderPicker(All, new HashSet<Guid> { _tekniska.Id, _mkb.Id }, _stadskontoret.Id);

        var ticked = picker.FindAll("input[type=checkbox][checked]").Select(i => i.GetAttribute("value"));
        Assert.Equal(new[] { _tekniska.Id.ToString(), _mkb.Id.ToString() }.Order(), ticked.Order());
    }

    [Fact]
    public void EachGroup_HasASelectAllButtonPostingTheGroupsKind()
    {
        var picker = RenderPicker(All, None, _stadskontoret.Id);

        Assert.Equal(
            [
                ("Välj alla nämnder", "?handler=SelectGroup&kind=Namnd"),
                ("Välj alla bolag", "?handler=SelectGroup&kind=Bolag"),
                ("Välj alla externa organisationer", "?handler=SelectGroup&kind=Extern"),
            ],
            picker.FindAll("fieldset button").Select(b => (b.TextContent, b.GetAttribute("formaction"))));
        Assert.All(picker.FindAll("fieldset button"), b => Assert.Equal("submit", b.GetAttribute("type")));
    }

    [Fact]
    public void TheFilterBox_IsLabelledAndHiddenUntilScriptsEnhanceThePicker()
    {
        var picker = RenderPicker(All, None, _stadskontoret.Id);

        var filter = picker.Find("input[type=search]");
        Assert.Equal("Filtrera organisationer", picker.Find($"label[for='{filter.Id}']").TextContent);
        Assert.True(filter.ParentElement!.HasAttribute("hidden"));
    }

    [Fact]
    public void EveryCheckbox_HasItsOwnLabel()
    {
        var picker = RenderPicker(All, None, _stadskontoret.Id);

        var boxes = picker.FindAll("input[type=checkbox]");
        Assert.Equal(4, boxes.Count);
        Assert.Equal(boxes.Count, boxes.Select(b => b.Id).Distinct().Count());
        Assert.All(boxes, b => Assert.Single(picker.FindAll($"label[for='{b.Id}']")));
    }

    [Fact]
    public void WithoutOrganisations_NothingIsOffered()
    {
        var picker = RenderPicker([], None, Guid.Empty);

        Assert.Empty(picker.FindAll("fieldset"));
        Assert.Empty(picker.FindAll("p.hint"));
    }

    [Fact]
    public void AnOrganisationsNameWithMarkup_IsEncoded()
    {
        var hostile = Organisation.Create(TenantId, "<img src=x onerror=alert(1)>", OrganisationKind.Extern);

        var picker = RenderPicker([hostile], None, Guid.Empty);

        Assert.Empty(picker.FindAll("img"));
        Assert.Equal("<img src=x onerror=alert(1)>", Checkbox(picker, "<img src=x onerror=alert(1)>").ParentElement!.QuerySelector("label")!.TextContent);
    }

    [Fact]
    public void InEnglish_TheGroupsAreNotLeftInSwedish()
    {
        var picker = InCulture("en", () => Render<RecipientPicker>(p => p.Add(c => c.Organisations, All).Add(c => c.OwnerId, _stadskontoret.Id)));

        var texts = picker.FindAll("legend, button").Select(e => e.TextContent).ToList();
        Assert.DoesNotContain("Nämnder", texts);
        Assert.DoesNotContain("Välj alla nämnder", texts);
    }

    private IRenderedComponent<RecipientPicker> RenderPicker(IReadOnlyList<Organisation> organisations, IReadOnlySet<Guid> selected, Guid ownerId) =>
        InCulture("sv-SE", () => Render<RecipientPicker>(p => p
            .Add(c => c.Organisations, organisations)
            .Add(c => c.Selected, selected)
            .Add(c => c.OwnerId, ownerId)));

    private static IElement Checkbox(IRenderedComponent<RecipientPicker> picker, string name)
    {
        var label = picker.FindAll("label").Single(l => l.TextContent == name);
        return picker.Find($"#{label.GetAttribute("for")}");
    }

    private static T InCulture<T>(string culture, Func<T> render)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return render();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
