namespace Remiss.Tests.TestSupport;

using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

/// <summary>
/// A real OpenID Connect provider on loopback for the tests: OpenIddict's server on Kestrel over HTTPS, in degraded
/// mode (no stores), with a signing key made for the test. Its sign-in page is a form on which the tester says who
/// they are (E-post, Namn, whether the address is verified), as a person would sign in at their organisation.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OidcProvider(WebApplication app, Uri issuer, RsaSecurityKey signingKey)
    {
        _app = app;
        Issuer = issuer;
        SigningKey = signingKey;
    }

    /// <summary>The issuer as the discovery document names it, with its trailing slash.</summary>
    public Uri Issuer { get; }

    /// <summary>The key the provider signs ID tokens with; a test forges tokens with it.</summary>
    public RsaSecurityKey SigningKey { get; }

    public static async Task<OidcProvider> StartAsync()
    {
        var port = FreePort();
        var issuer = new Uri($"https://127.0.0.1:{port}/");
        var signingKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = $"test-{Guid.NewGuid():N}" };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(TestCertificate.Value)));
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetIssuer(issuer);
            options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetJsonWebKeySetEndpointUris("connect/keys");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.Email, Scopes.Profile);
            options.AddSigningKey(signingKey).AddEphemeralEncryptionKey().DisableAccessTokenEncryption();
            options.EnableDegradedMode();

            // Without stores the provider knows no clients: it serves any client id whose redirect URI is on this machine.
            options.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (!Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var redirect) || !redirect.IsLoopback)
                {
                    context.Reject(Errors.InvalidRequest, "The redirect URI must be on loopback.");
                }

                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (string.IsNullOrEmpty(context.ClientId))
                {
                    context.Reject(Errors.InvalidClient, "The client must say who it is.");
                }

                return default;
            }));
            options.UseAspNetCore().EnableAuthorizationEndpointPassthrough();
        });

        var app = builder.Build();

        // A failing provider says why in its answer, which a failing test then shows.
        app.UseDeveloperExceptionPage();
        app.UseRouting();
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, IResult>)Authorize);
        await app.StartAsync();
        return new OidcProvider(app, issuer, signingKey);
    }

    /// <summary>
    /// The provider's sign-in: a GET shows the form, a POST with <c>approve</c> signs the person in and sends them
    /// back with a code. The person's subject is their address unless the form names another.
    /// </summary>
    private static IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Form.ContainsKey("approve"))
        {
            return Results.Content(LoginPage(request), "text/html; charset=utf-8");
        }

        var form = http.Request.Form;
        var email = form["email"].ToString();
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, form["sub"].ToString() is { Length: > 0 } sub ? sub : $"sub-{email}"));
        identity.AddClaim(new Claim(Claims.Email, email));
        identity.AddClaim(new Claim(Claims.EmailVerified, form["verified"] == "true" ? "true" : "false", ClaimValueTypes.Boolean));
        identity.AddClaim(new Claim(Claims.Name, form["name"].ToString() is { Length: > 0 } name ? name : email));
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static string LoginPage(OpenIddictRequest request)
    {
        var hidden = new StringBuilder();
        foreach (var (name, value) in request.GetParameters())
        {
            hidden.Append(FormattableString.Invariant($"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(name)}\" value=\"{WebUtility.HtmlEncode(value.ToString())}\" />"));
        }

        return $"""
            <!DOCTYPE html>
            <html lang="sv"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Testleverantörens inloggning</title></head>
            <body><main><h1>Testleverantörens inloggning</h1>
            <form method="post" action="/connect/authorize">{hidden}
            <label for="email">E-post</label> <input id="email" name="email" type="email" value="{WebUtility.HtmlEncode(request.LoginHint ?? string.Empty)}" />
            <label for="name">Namn</label> <input id="name" name="name" />
            <input id="verified" name="verified" type="checkbox" value="true" checked /> <label for="verified">Verifierad e-post</label>
            <button type="submit" name="approve" value="yes">Logga in hos leverantören</button>
            </form></main></body></html>
            """;
    }

    /// <summary>
    /// An ID token as <paramref name="original"/> but with its payload changed by <paramref name="change"/>, signed again
    /// with the provider's own key: a token the provider could have issued, to show which claims the app checks.
    /// </summary>
    public string Resign(string original, Action<JsonObject> change)
    {
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(original.Split('.')[1]))!.AsObject();
        change(payload);
        return new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256));
    }

    /// <summary>The token with one claim of its payload changed and the provider's signature kept: a forgery.</summary>
    public static string Tamper(string original, string claim, string value)
    {
        var parts = original.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload[claim] = value;
        parts[1] = Base64UrlEncoder.Encode(payload.ToJsonString());
        return string.Join('.', parts);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>
/// The app's back channel to providers in the tests: trusts the test certificate, and can change the ID token in the
/// provider's token response on its way to the app, as a man in the middle or a forged provider would.
/// </summary>
public sealed class ProviderBackchannel(IdTokenChanges changes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (changes.Change is not { } change || request.RequestUri?.AbsolutePath != "/connect/token" || !response.IsSuccessStatusCode)
        {
            return response;
        }

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        body["id_token"] = change(body["id_token"]!.GetValue<string>());
        response.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return response;
    }
}

/// <summary>What the back channel does to the ID tokens it carries; shared by every handler the app's HttpClient factory makes.</summary>
public sealed class IdTokenChanges
{
    /// <summary>What to do to each token response's ID token; null leaves them alone.</summary>
    public Func<string, string>? Change { get; set; }
}
