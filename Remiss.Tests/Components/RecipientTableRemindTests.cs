namespace Remiss.Tests.Components;

using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Remisser;
using Remiss.Web.Components;

/// <summary>
/// Påminn nu in the owner's table: a button per recipient still answering, named by the recipient and posting its id
/// in the page's one form; a refusal next to its button; "Påmind i dag" once reminded.
/// </summary>
public sealed class RecipientTableRemindTests : BunitContext
{
    private static readonly DateOnly Deadline = new(2027, 3, 31);

    public RecipientTableRemindTests() => Services.AddLocalization();

    [Fact]
    public void ARecipientStillAnswering_HasAPaminnNuButton_NamedByTheRecipient()
    {
        var id = Guid.CreateVersion7();
        var table = RenderTable([Row("Tekniska nämnden", id) with { CanRemind = true }, Row("MKB", Guid.CreateVersion7(), RecipientStatus.Declined)], new Dictionary<Guid, string>());

        Assert.Equal("Påminn", table.FindAll("thead th")[^1].TextContent);
        var button = table.Find($"#paminn-{id}");
        Assert.Equal("Påminn nu – Tekniska nämnden", string.Join(' ', button.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("recipientId", button.GetAttribute("name"));
        Assert.Equal(id.ToString(), button.GetAttribute("value"));
        Assert.Equal("submit", button.GetAttribute("type"));
        Assert.Single(table.FindAll("tbody button"));
    }

    [Fact]
    public void ARefusal_IsShownNextToItsButton_AndDescribesIt()
    {
        var id = Guid.CreateVersion7();
        var table = RenderTable([Row("Tekniska nämnden", id) with { CanRemind = true, RemindedToday = true }], new Dictionary<Guid, string> { [id] = "Remissinstansen har redan fått en påminnelse i dag." });

        var error = table.Find($"#paminn-{id}-error");
        Assert.Equal("Remissinstansen har redan fått en påminnelse i dag.", error.TextContent);
        Assert.Equal($"paminn-{id}-error", table.Find($"#paminn-{id}").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void ARecipientRemindedToday_SaysSo()
    {
        var id = Guid.CreateVersion7();
        var table = RenderTable([Row("Tekniska nämnden", id) with { CanRemind = true, RemindedToday = true }], new Dictionary<Guid, string>());

        Assert.Equal("Påmind i dag", table.Find($"#paminn-{id}-hint").TextContent);
        Assert.Equal($"paminn-{id}-hint", table.Find($"#paminn-{id}").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void WhenNobodyCanBeReminded_TheColumnIsNotShown()
    {
        var table = RenderTable([Row("Tekniska nämnden", Guid.CreateVersion7())], new Dictionary<Guid, string>());

        Assert.Equal(6, table.FindAll("thead th").Count);
        Assert.Empty(table.FindAll("button"));
    }

    private IRenderedComponent<RecipientTable> RenderTable(IReadOnlyList<RecipientRow> rows, IReadOnlyDictionary<Guid, string> errors)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        try
        {
            return Render<RecipientTable>(p => p.Add(c => c.Rows, rows).Add(c => c.RemissUrl, "/malmo/remisser/x").Add(c => c.RemindErrors, errors));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static RecipientRow Row(string name, Guid id, RecipientStatus status = RecipientStatus.NotStarted) =>
        new(id, name, status, false, false, Deadline, false, null, 0, null);
}
