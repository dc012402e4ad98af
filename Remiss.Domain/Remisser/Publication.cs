namespace Remiss.Domain.Remisser;

using global::Remiss.Domain.Organisations;

/// <summary>
/// Offentlighetsprincipen: where the tenant publishes, a submitted yttrande is public once the owner has closed the
/// remiss. A draft never is, nor a reopened yttrande until it is submitted again, nor anything of a withdrawn remiss.
/// </summary>
public static class Publication
{
    public static bool IsPublished(Tenant tenant, Remiss remiss) => IsPublished(tenant, remiss.TenantId, remiss.Status);

    public static bool IsPublished(Tenant tenant, Recipient recipient) =>
        IsPublished(tenant, recipient.TenantId, recipient.Terms.Status) && recipient.Status == RecipientStatus.Submitted && recipient.Response is not null;

    private static bool IsPublished(Tenant tenant, Guid tenantId, RemissStatus status) =>
        tenant.PublishesSubmittedResponses && !tenant.IsSuspended && tenantId == tenant.Id
        && status is RemissStatus.Closed or RemissStatus.Completed;
}
