namespace Remiss.Tests.Hardening;

using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Responses;
using Remiss.Infrastructure.Tenancy;
using Remiss.Tests.Features.Files;
using Remiss.Tests.TestSupport;

/// <summary>
/// The demo app with both tenants' remisser sent through the product (so the outbox holds their invitations),
/// each with a bilaga, one yttrande drafted with a protokollsutdrag, and a spare organisation and user that
/// the tenant admins' posts may change; a person with access to both tenants. A third tenant is the platform operator's
/// to suspend.
/// </summary>
public sealed class MatrixAppFactory : RemissAppFactory, IAsyncLifetime
{
    public const string SpareTenantSlug = "visby";

    /// <summary>A person with access to both malmo and lund.</summary>
    public const string TwoTenantPerson = "region@skane.example";

    public IReadOnlyDictionary<string, TenantIds> Ids { get; private set; } = new Dictionary<string, TenantIds>();

    public Guid SpareTenantId { get; private set; }

    private string FilesRoot => Path.Combine(Path.GetDirectoryName(DatabasePath)!, "files");

    async Task IAsyncLifetime.InitializeAsync()
    {
        await AddUserAsync("lund", "sekreterare@lund.example", "Sara Sekreterare", "Tekniska nämnden", role: null);
        await AddUserAsync("lund", "lkf@lund.example", "Lars Bolag", "Lunds kommuns fastighets AB", role: null);
        await AddUserAsync("lund", "admin@lund.example", "Lina Lundberg", organisation: null, Roles.TenantAdmin);
        await AddUserAsync("malmo", "reserv@malmo.example", "Rune Reserv", organisation: null, role: null);
        await AddUserAsync("lund", "reserv@lund.example", "Rut Reserv", organisation: null, role: null);

        // One person in both tenants, answering for a nämnd in each: what is theirs in one must not show in the other.
        await AddUserAsync("malmo", TwoTenantPerson, "Regina Region", "Arbetsmarknads- och socialnämnden", role: null);
        await AddAccessAsync("lund", TwoTenantPerson, "Tekniska nämnden");
        Ids = new Dictionary<string, TenantIds>
        {
            ["malmo"] = await PrepareAsync("malmo", "handlaggare@malmo.example", "Arbetsmarknads- och socialnämnden", "asn@malmo.example"),
            ["lund"] = await PrepareAsync("lund", "handlaggare@lund.example", "Tekniska nämnden", "sekreterare@lund.example"),
        };

        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var spare = Tenant.Create(SpareTenantSlug, "Region Gotland", Clock.UtcNow);
        db.Tenants.Add(spare);
        await db.SaveChangesAsync();
        SpareTenantId = spare.Id;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Files:Root", FilesRoot);
    }

    private Task<TenantIds> PrepareAsync(string slug, string ownerEmail, string recipientName, string recipientEmail) =>
        InTenantAsync(slug, async (db, services) =>
        {
            var owner = await db.Users.SingleAsync(u => u.Email == ownerEmail);
            var secretary = await db.Users.SingleAsync(u => u.Email == recipientEmail);
            var remissId = await db.Remisser.Select(r => r.Id).SingleAsync();
            var reader = services.GetRequiredService<RemissReader>();
            var remiss = (await reader.FindAsync(remissId, CancellationToken.None))!;

            await using (var pdf = new MemoryStream(SampleFiles.Pdf()))
            {
                await services.GetRequiredService<RemissDrafts>().AttachAsync(remiss, pdf, "remisshandling.pdf", owner.Id, CancellationToken.None);
            }

            await services.GetRequiredService<RemissSending>().SendAsync(remiss, CancellationToken.None);

            var organisationId = await db.Organisations.Where(o => o.Name == recipientName).Select(o => o.Id).SingleAsync();
            var recipientId = remiss.Recipients.Single(r => r.OrganisationId == organisationId).Id;
            var recipient = (await reader.FindRecipientAsync(recipientId, CancellationToken.None))!;
            var writing = services.GetRequiredService<ResponseWriting>();
            await writing.SaveDraftAsync(
                recipient,
                new ResponseContent("<p>Nämnden ställer sig bakom förslaget.</p>", null, [new AnswerContent(1, "<p>Ett svar.</p>")], [], null, [new SignatoryContent("Anna Chef", "Förvaltningschef")]),
                0,
                secretary.Id,
                CancellationToken.None);
            ResponseAttachment responseAttachment;
            await using (var pdf = new MemoryStream(SampleFiles.Pdf()))
            {
                responseAttachment = await writing.AttachAsync(recipient, pdf, "protokollsutdrag.pdf", secretary.Id, CancellationToken.None);
            }

            await writing.RequestExtensionAsync(remiss, recipient, remiss.Deadline!.Value.AddDays(30), "Nämnden sammanträder senare.", secretary.Id, secretary.DisplayName, CancellationToken.None);
            var extension = recipient.PendingExtension!;

            // A draft of the owner's, for the pages of a draft (edit, preview, send).
            var drafts = services.GetRequiredService<RemissDrafts>();
            var draft = await drafts.CreateAsync(remiss.OwnerOrganisationId, "Utkast i behörighetsmatrisen", owner.Id, CancellationToken.None);
            RemissAttachment draftAttachment;
            await using (var pdf = new MemoryStream(SampleFiles.Pdf()))
            {
                draftAttachment = await drafts.AttachAsync(draft, pdf, "utkast.pdf", owner.Id, CancellationToken.None);
            }

            var spare = Organisation.Create(db.CurrentTenantId!.Value, "Reservnämnden", OrganisationKind.Namnd, $"reserv@{slug}.example");
            db.Organisations.Add(spare);
            await db.SaveChangesAsync();

            return new TenantIds(
                slug,
                db.CurrentTenantId!.Value,
                remissId,
                recipientId,
                remiss.Attachments.Single().Id,
                responseAttachment.Id,
                spare.Id,
                (await db.Users.SingleAsync(u => u.Email == $"reserv@{slug}.example")).Id,
                await db.Outbox.OrderBy(m => m.CreatedAt).Select(m => m.Id).FirstAsync(),
                extension.Id,
                draft.Id,
                draftAttachment.Id);
        });
}

/// <summary>The ids of one tenant that the matrix puts in routes and forms.</summary>
public sealed record TenantIds(
    string Slug,
    Guid TenantId,
    Guid RemissId,
    Guid RecipientId,
    Guid RemissAttachmentId,
    Guid ResponseAttachmentId,
    Guid OrganisationId,
    Guid UserId,
    Guid OutboxMessageId,
    Guid ExtensionId,
    Guid DraftId,
    Guid DraftAttachmentId)
{
    /// <summary>These ids, with the recipient and anstånd of <paramref name="other"/>.</summary>
    public TenantIds WithRecipientOf(TenantIds other) => this with { RecipientId = other.RecipientId, ExtensionId = other.ExtensionId };

    /// <summary>These ids, with the bilagor and outbox message of <paramref name="other"/>.</summary>
    public TenantIds WithFilesOf(TenantIds other) => this with
    {
        RemissAttachmentId = other.RemissAttachmentId,
        ResponseAttachmentId = other.ResponseAttachmentId,
        DraftAttachmentId = other.DraftAttachmentId,
        OutboxMessageId = other.OutboxMessageId,
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Slug}");
}
