namespace Remiss.Infrastructure.Identity;

using Microsoft.Extensions.Options;
using Remiss.Infrastructure.Email;

/// <summary>
/// The e-mails about an account: the invitation to choose a password, the news that an existing account now also has
/// access to another tenant, and the link for a forgotten password.
/// </summary>
public sealed class AccountEmails
{
    private readonly string _baseUrl;

    public AccountEmails(IOptions<EmailOptions> options) =>
        _baseUrl = (options.Value.BaseUrl ?? string.Empty).Trim().TrimEnd('/');

    /// <summary>The page where the link's holder chooses a password.</summary>
    public Uri SetPasswordUrl(Guid userId, string token, bool invitation) =>
        new($"{_baseUrl}/konto/valj-losenord?anvandare={userId:D}&kod={Uri.EscapeDataString(token)}{(invitation ? "&inbjudan=true" : string.Empty)}");

    public static EmailContent Invitation(string tenantName, string displayName, string invitedBy, Uri link, TimeSpan validFor)
    {
        List<EmailBlock> body =
        [
            new EmailParagraph($"Hej {displayName}! {invitedBy} har bjudit in dig till Remiss för {tenantName}, där remisser skickas, besvaras och sammanställs."),
            new EmailParagraph($"Välj ditt lösenord med länken nedan. Länken kan användas en gång och gäller i {Days(validFor)}. Därefter loggar du in med din e-postadress."),
            new EmailParagraph("Väntade du dig inte inbjudan kan du bortse från meddelandet."),
        ];
        return EmailLayout.Compose($"Inbjudan till Remiss – {tenantName}", tenantName, "Du är inbjuden till Remiss", body, new("Välj lösenord", link.AbsoluteUri));
    }

    /// <summary>The page where a person with an account signs in and lands in <paramref name="tenantSlug"/>.</summary>
    public Uri TenantUrl(string tenantSlug) => new($"{_baseUrl}/{Uri.EscapeDataString(tenantSlug)}");

    /// <summary>To a person who already has an account: it now also opens <paramref name="tenantName"/>.</summary>
    public static EmailContent AccessGranted(string tenantName, string displayName, string invitedBy, Uri link)
    {
        List<EmailBlock> body =
        [
            new EmailParagraph($"Hej {displayName}! {invitedBy} har gett dig tillgång till Remiss för {tenantName}, där remisser skickas, besvaras och sammanställs."),
            new EmailParagraph($"Du loggar in som vanligt, med samma konto som förut. Har du tillgång till flera kommuner eller regioner byter du mellan dem överst på sidan."),
            new EmailParagraph("Väntade du dig inte meddelandet kan du bortse från det, eller säga till den som gav dig tillgång."),
        ];
        return EmailLayout.Compose($"Du har nu tillgång till Remiss – {tenantName}", tenantName, $"Du har nu också tillgång till {tenantName}", body, new($"Öppna {tenantName}", link.AbsoluteUri));
    }

    public static EmailContent PasswordReset(string tenantName, string displayName, Uri link, TimeSpan validFor)
    {
        List<EmailBlock> body =
        [
            new EmailParagraph($"Hej {displayName}! Någon har bett om att få återställa lösenordet till ditt konto i Remiss."),
            new EmailParagraph($"Välj ett nytt lösenord med länken nedan. Länken kan användas en gång och gäller i {Hours(validFor)}."),
            new EmailParagraph("Bad du inte om det kan du bortse från meddelandet; ditt lösenord är oförändrat."),
        ];
        return EmailLayout.Compose("Återställ ditt lösenord i Remiss", tenantName, "Återställ ditt lösenord", body, new("Välj nytt lösenord", link.AbsoluteUri));
    }

    private static string Days(TimeSpan span) => span.TotalDays == 1 ? "ett dygn" : $"{span.TotalDays:0} dagar";

    private static string Hours(TimeSpan span) => span.TotalHours == 1 ? "en timme" : $"{span.TotalHours:0} timmar";
}
