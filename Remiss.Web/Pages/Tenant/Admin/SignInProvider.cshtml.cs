namespace Remiss.Web.Pages.Tenant.Admin;

using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Administration;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Refusals;
using Remiss.Web.SignInProviders;
using Remiss.Web.Tenancy;

/// <summary>
/// Inloggning: the tenant's own OpenID Connect provider. The client secret is written once and never shown again; the
/// redirect URI to register at the provider is shown beside the form.
/// </summary>
public sealed class SignInProviderModel(ITenantContext tenantContext, SignInProviderSettings settings, IWebHostEnvironment environment)
    : AdminPageModel(tenantContext)
{
    [BindProperty]
    public ProviderForm Input { get; set; } = new();

    /// <summary>Whether a client secret is stored (the page says so; it never shows it).</summary>
    public bool HasSecret { get; private set; }

    /// <summary>Where the provider sends people back: this server's address and the tenant's callback path.</summary>
    public string RedirectUri => $"{Request.Scheme}://{Request.Host}{ProviderSchemes.CallbackPath(TenantSlug)}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var provider = await settings.CurrentAsync(cancellationToken);
        HasSecret = provider is not null;
        if (provider is not null)
        {
            Input = new ProviderForm
            {
                Issuer = provider.Issuer,
                ClientId = provider.ClientId,
                EmailDomains = provider.DomainsText,
                RequiredForDomains = provider.RequiredForDomains,
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        HasSecret = await settings.CurrentAsync(cancellationToken) is not null;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var input = new IdentityProviderSettings(Input.Issuer, Input.ClientId, Input.EmailDomains, Input.RequiredForDomains);
            await settings.SaveAsync(input, Input.ClientSecret, environment.IsDevelopment(), cancellationToken);
            TempData["StatusMessage"] = "Inloggningen har sparats.";
            return Redirect($"{AdminUrl}/inloggning");
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.SignInProvider);
            return Page();
        }
    }

    public sealed class ProviderForm
    {
        public string? Issuer { get; set; }

        public string? ClientId { get; set; }

        /// <summary>Typed anew or left empty to keep the stored one; never filled in by the page.</summary>
        public string? ClientSecret { get; set; }

        public string? EmailDomains { get; set; }

        public bool RequiredForDomains { get; set; }
    }
}
