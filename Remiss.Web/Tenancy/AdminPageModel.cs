namespace Remiss.Web.Tenancy;

using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// Base of the tenant administrator's pages under <c>/{tenant}/admin</c> (the TenantAdmin policy guards the folder).
/// Refusals of the domain go next to their field (see <see cref="Refusals.FormFields"/>), or to the top of the form.
/// </summary>
public abstract class AdminPageModel(ITenantContext tenantContext) : TenantPageModel(tenantContext)
{
    public string AdminUrl => $"/{TenantSlug}/admin";

    protected Guid UserId => User.UserId() ?? throw new InvalidOperationException("Signed-in user without id.");

    protected string UserName => User.DisplayName();
}
