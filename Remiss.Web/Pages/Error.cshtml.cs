namespace Remiss.Web.Pages;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Remiss.Web.Resources;

/// <summary>Every error ends here in Swedish: no stack trace, no detail an attacker could use.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string Heading { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    /// <summary>The request's id, also in every log line of the request: what support asks for to find the error.</summary>
    public string CorrelationId => System.Diagnostics.Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;

    public void OnGet(int? code) => Describe(code);

    /// <summary>
    /// A post re-executed here (a refused upload) takes its code from the route alone: binding a parameter would read
    /// the posted form, which for a request over the size limit is what failed in the first place.
    /// </summary>
    public void OnPost() =>
        Describe(int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : null);

    private void Describe(int? code)
    {
        (Heading, Explanation) = code switch
        {
            404 => (localizer["Sidan finns inte"].Value, localizer["Sidan du söker finns inte, eller så har du inte behörighet att se den."].Value),
            403 => (localizer["Ingen behörighet"].Value, localizer["Du har inte behörighet till den här sidan."].Value),
            413 => (localizer["Filen är för stor"].Value, localizer["En bilaga får vara högst 25 MB. Gå tillbaka och välj en mindre fil."].Value),
            429 => (localizer["För många försök"].Value, localizer["Du har försökt för många gånger på kort tid. Vänta en minut och försök igen."].Value),
            400 or 405 => (localizer["Felaktig begäran"].Value, localizer["Begäran kunde inte behandlas. Ladda om sidan och försök igen."].Value),
            _ => (localizer["Något gick fel"].Value, localizer["Ett oväntat fel inträffade. Det du sparat tidigare finns kvar. Försök igen om en stund."].Value),
        };
        if (code is { } status && HttpContext.Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = status;
        }
    }
}
