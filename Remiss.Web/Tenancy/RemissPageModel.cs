namespace Remiss.Web.Tenancy;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// Base of the pages about one remiss: loads it through the tenant filter and checks the policy. A remiss of
/// another tenant, or one the user may not see, is simply not found.
/// </summary>
public abstract class RemissPageModel(ITenantContext tenantContext, RemissReader reader, IAuthorizationService authorization)
    : TenantPageModel(tenantContext)
{
    public Remiss Remiss { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, string> OrganisationNames { get; private set; } = new Dictionary<Guid, string>();

    protected RemissReader Reader => reader;

    protected Guid UserId => User.UserId() ?? throw new InvalidOperationException("Signed-in user without id.");

    public string OrganisationName(Guid id) => OrganisationNames.TryGetValue(id, out var name) ? name : string.Empty;

    public string RemissUrl => $"/{TenantSlug}/remisser/{Remiss.Id}";

    /// <summary>
    /// Loads the remiss (its questions, bilagor and recipients' organisations, never their yttranden) if the user
    /// passes <paramref name="policy"/>, with the names of its owner and of the recipients the user answers for;
    /// false means "answer 404".
    /// </summary>
    protected async Task<bool> LoadAsync(Guid id, string policy, CancellationToken cancellationToken)
    {
        var remiss = await reader.FindAsync(id, cancellationToken);
        if (remiss is null || !(await authorization.AuthorizeAsync(User, remiss, policy)).Succeeded)
        {
            return false;
        }

        Remiss = remiss;
        var mine = await HttpContext.RequestServices.GetRequiredService<UserMemberships>().OrganisationIdsAsync(User, cancellationToken);
        OrganisationNames = await reader.OrganisationNamesAsync(
            remiss.RecipientOrganisationIds.Where(mine.Contains).Append(remiss.OwnerOrganisationId), cancellationToken);
        return true;
    }

    /// <summary>Adds the names of these organisations, for a page that shows other recipients than the user's own.</summary>
    protected async Task IncludeNamesAsync(IEnumerable<Guid> organisationIds, CancellationToken cancellationToken)
    {
        var missing = organisationIds.Where(id => !OrganisationNames.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var names = await reader.OrganisationNamesAsync(missing, cancellationToken);
            OrganisationNames = OrganisationNames.Concat(names).ToDictionary(n => n.Key, n => n.Value);
        }
    }

    protected Task<bool> IsOwnerAsync() => Authorized(Policies.RemissOwner);

    /// <summary>
    /// A stored bilaga as a download: its cleaned name, its real type and nosniff, so a browser never runs it as
    /// a page; never cached by shared caches.
    /// </summary>
    protected FileStreamResult Download(Stream content, Attachment attachment)
    {
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return new FileStreamResult(content, attachment.ContentType) { FileDownloadName = attachment.FileName, EnableRangeProcessing = true };
    }

    /// <summary>A Word document as a download with a clean Swedish file name (Content-Disposition with filename*).</summary>
    protected FileStreamResult Download(Infrastructure.Documents.WordFile file)
    {
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return new FileStreamResult(file.Content, Infrastructure.Documents.WordFile.ContentType) { FileDownloadName = file.FileName };
    }

    /// <summary>
    /// Loads the remiss and one of its remissinstanser, whole, for someone who may read that recipient's yttrande:
    /// a member of the recipient organisation, or an owner of the remiss once it is submitted
    /// (<see cref="Recipient.ShowsYttrandeToOwners"/>). Null means "answer 404".
    /// </summary>
    protected async Task<Recipient?> LoadRecipientForReaderAsync(Guid id, Guid recipientId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Policies.RemissReader, cancellationToken)
            || Remiss.Recipients.All(r => r.Id != recipientId)
            || await reader.FindRecipientAsync(recipientId, cancellationToken) is not { } recipient)
        {
            return null;
        }

        if (!(await authorization.AuthorizeAsync(User, recipient, Policies.RecipientMember)).Succeeded
            && !(recipient.ShowsYttrandeToOwners && await IsOwnerAsync()))
        {
            return null;
        }

        await IncludeNamesAsync([recipient.OrganisationId], cancellationToken);
        return recipient;
    }

    private async Task<bool> Authorized(string policy) => (await authorization.AuthorizeAsync(User, Remiss, policy)).Succeeded;
}
