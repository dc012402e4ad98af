namespace Remiss.Web.Tenancy;

using Remiss.Domain.Common;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// Base of the tenant administrator's pages under <c>/{tenant}/admin</c> (the TenantAdmin policy guards the folder).
/// Refusals of the domain go next to their field, or to the top of the form, and the page keeps what was typed.
/// </summary>
public abstract class AdminPageModel(ITenantContext tenantContext) : TenantPageModel(tenantContext)
{
    public string AdminUrl => $"/{TenantSlug}/admin";

    protected Guid UserId => User.UserId() ?? throw new InvalidOperationException("Signed-in user without id.");

    protected string UserName => User.DisplayName();

    protected void AddRefusal(DomainException refusal, string key = "")
    {
        foreach (var problem in refusal.Problems)
        {
            ModelState.AddModelError(key, problem);
        }
    }

    protected void AddErrors(FormErrorsException errors, string prefix = "Input")
    {
        foreach (var error in errors.Errors)
        {
            ModelState.AddModelError(error.Field is null ? string.Empty : $"{prefix}.{error.Field}", error.Message);
        }
    }

    /// <summary>A refusal whose message names a field ("Namn måste fyllas i.") goes next to that field; others to the top.</summary>
    protected void AddRefusalByField(DomainException refusal, IReadOnlyDictionary<string, string> fieldsByWord)
    {
        foreach (var problem in refusal.Problems)
        {
            var key = fieldsByWord.FirstOrDefault(f => problem.StartsWith(f.Key, StringComparison.Ordinal)).Value ?? string.Empty;
            ModelState.AddModelError(key, problem);
        }
    }
}
