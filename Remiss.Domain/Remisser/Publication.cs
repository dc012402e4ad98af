namespace Remiss.Domain.Remisser;

using global::Remiss.Domain.Organisations;

/// <summary>
/// Offentlighetsprincipen: where the tenant publishes, a submitted yttrande is public once the owner has closed the
/// remiss. A draft never is, nor a reopened yttrande until it is submitted again, nor anything of a withdrawn remiss.
/// </summary>
public static class Publication
{
    public static bool IsPublished(Tenant tenant, Remiss remiss) =>
        tenant.PublishesSubmittedResponses && !tenant.IsSuspended && remiss.TenantId == tenant.Id
        && remiss.Status is RemissStatus.Closed or RemissStatus.Completed;

    public static bool IsPublished(Tenant tenant, Recipient recipient) =>
        IsPublished(tenant, recipient.Remiss) && recipient.Status == RecipientStatus.Submitted && recipient.Response is not null;
}
