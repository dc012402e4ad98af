namespace Remiss.Tests.Features.Audit;

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Audit;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Responses;
using Remiss.Tests.Features.Admin;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// Autosave saves every 30 seconds: the log gets one "yttrande sparat" per person and sitting, and the remiss's page
/// shows only its newest events, so neither grows without end while people write.
/// </summary>
public sealed class SaveSittingTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    [Fact]
    public async Task Saves_by_one_person_within_a_sitting_are_one_entry_and_a_later_sitting_is_another()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true });
        using var asn = await AdminKit.SignedInAsync(factory, Arrange.AsnUser);

        for (var i = 0; i < 3; i++)
        {
            await SaveAsync(asn, remiss.Url, $"Utkast {i}.");
            factory.Clock.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(1, await SavedEntriesAsync(remiss.Id));

        factory.Clock.Advance(ResponseWriting.SaveSitting);
        await SaveAsync(asn, remiss.Url, "Nästa dag.");
        Assert.Equal(2, await SavedEntriesAsync(remiss.Id));
    }

    [Fact]
    public async Task The_remiss_page_shows_its_newest_events_only_and_says_so()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true });
        await factory.InTenantAsync("malmo", async (db, sp) =>
        {
            var log = sp.GetRequiredService<AuditLog>();
            for (var i = 0; i < AuditQueries.HistoryLength + 20; i++)
            {
                log.Record(AuditAction.RemissEdited, AuditSubjects.Remiss, remiss.Id, $"Händelse {i}.", remiss.Id);
            }

            return await db.SaveChangesAsync();
        });
        using var owner = await AdminKit.SignedInAsync(factory, Arrange.Owner);

        var (_, page) = await owner.GetPageAsync(remiss.Url);

        var history = page.QuerySelector("section[aria-labelledby=historik]")!;
        Assert.Equal(AuditQueries.HistoryLength, history.QuerySelectorAll("tbody tr").Length);
        Assert.Contains($"De {AuditQueries.HistoryLength} senaste händelserna", history.TextContent, StringComparison.Ordinal);
    }

    private static async Task SaveAsync(WebSession session, string remissUrl, string summary)
    {
        var (_, write) = await session.GetPageAsync($"{remissUrl}/yttrande");
        var saved = await BrowserForm.Of(write, "main form[data-response-form]").Set("Input.Summary", summary).SubmitAsync(session, "Spara utkast");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private Task<int> SavedEntriesAsync(Guid remissId) =>
        factory.InTenantAsync("malmo", (db, _) => db.AuditEntries.CountAsync(e => e.RemissId == remissId && e.Action == AuditAction.ResponseSaved));
}
