namespace Remiss.Infrastructure.Identity;

using Microsoft.AspNetCore.Identity;

/// <summary>Identity's messages in Swedish, since they reach the user next to the field.</summary>
public sealed class SwedishIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Ett okänt fel inträffade.");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Kontot ändrades av någon annan under tiden. Försök igen.");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Fel lösenord.");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Länken är ogiltig eller har gått ut.");

    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "Inloggningen är redan kopplad till ett annat konto.");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"Användarnamnet \"{userName}\" är ogiltigt.");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"E-postadressen \"{email}\" är ogiltig.");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Det finns redan ett konto för {userName}.");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Det finns redan ett konto med e-postadressen {email}.");

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"Rollnamnet \"{role}\" är ogiltigt.");

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"Rollen {role} finns redan.");

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Kontot har redan ett lösenord.");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Kontot kan inte låsas.");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"Användaren har redan rollen {role}.");

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"Användaren har inte rollen {role}.");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Lösenordet måste vara minst {length} tecken.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"Lösenordet måste innehålla minst {uniqueChars} olika tecken.");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Lösenordet måste innehålla minst ett specialtecken.");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Lösenordet måste innehålla minst en siffra.");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Lösenordet måste innehålla minst en liten bokstav.");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Lösenordet måste innehålla minst en stor bokstav.");

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "Återställningskoden kunde inte användas.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
