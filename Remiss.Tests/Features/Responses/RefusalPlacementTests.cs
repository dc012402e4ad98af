namespace Remiss.Tests.Features.Responses;

using System.Net;
using Remiss.Tests.TestSupport;

/// <summary>
/// A refusal about a signatory's row lands next to that row's input, through real form posts, in the user's
/// language. (A refusal of question N lands at question N: see ConcurrentEditingTests and EditPageTests.)
/// </summary>
public sealed class RefusalPlacementTests(SentDemoAppFactory factory) : IClassFixture<SentDemoAppFactory>
{
    [Fact]
    public async Task ASignatoryWithATitleButNoName_IsRefusedNextToThatSignatorysName()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);

        var response = await PageForm.Yttrande(page)
            .Set("Input.Signatories[0].Name", "Anna Chef")
            .Set("Input.Signatories[1].Title", "Enhetschef")
            .SubmitAsync(asn, "Spara utkast");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await WebSession.ParseAsync(response);
        Assert.Equal("Ange namn på ansvarig 2.", Kit.Text(refused.GetElementById("Input_Signatories_1__Name-error")));
        Assert.Null(refused.GetElementById("Input_Signatories_0__Name-error"));
        Assert.Contains("Ange namn på ansvarig 2.", Kit.Errors(refused));
    }

    [Fact]
    public async Task InEnglish_ARefusalIsSaidInEnglish_NextToItsField()
    {
        var remiss = await factory.CopyOfDemoAsync();
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, swedish) = await asn.GetPageAsync(remiss.Yttrande);
        await asn.SubmitAsync(swedish, new Dictionary<string, string> { ["culture"] = "en" }, "footer form");
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));

        var response = await PageForm.Yttrande(page)
            .Set("Input.Signatories[1].Title", "Enhetschef")
            .SubmitAsync(asn, "Save draft");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await WebSession.ParseAsync(response);
        Assert.Equal("Name of responsible official 2 is required.", Kit.Text(refused.GetElementById("Input_Signatories_1__Name-error")));
        Assert.Contains("Name of responsible official 2 is required.", Kit.Errors(refused));
    }
}
