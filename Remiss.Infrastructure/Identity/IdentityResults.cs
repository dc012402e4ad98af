namespace Remiss.Infrastructure.Identity;

using Microsoft.AspNetCore.Identity;
using Remiss.Domain.Common;

public static class IdentityResults
{
    /// <summary>Identity's refusal (already Swedish, see <see cref="SwedishIdentityErrorDescriber"/>) as the domain's, for the form.</summary>
    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException([.. result.Errors.Select(e => e.Description)]);
        }
    }
}
