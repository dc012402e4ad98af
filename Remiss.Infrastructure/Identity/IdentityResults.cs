namespace Remiss.Infrastructure.Identity;

using Microsoft.AspNetCore.Identity;
using Remiss.Domain.Common;

public static class IdentityResults
{
    /// <summary>
    /// Identity's refusal as the domain's, for the form. Identity words its own reasons (in Swedish, see
    /// <see cref="SwedishIdentityErrorDescriber"/>), so each is carried as the argument of one key.
    /// </summary>
    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException([.. result.Errors.Select(e => new Refusal(Field.Form, RefusalKey.AccountRefused, e.Description))]);
        }
    }
}
