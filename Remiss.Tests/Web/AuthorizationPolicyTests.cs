namespace Remiss.Tests.Web;

using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Tests.TestSupport;

/// <summary>
/// The policies of <see cref="Policies"/> on the demo data, through the app's own IAuthorizationService: rights
/// come from membership of organisations in the tenant of the request, not from a global role. "Sending" here
/// happens in memory only, so the shared database keeps its draft.
/// </summary>
public sealed class AuthorizationPolicyTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    private const string Handlaggare = "handlaggare@malmo.example";
    private const string Asn = "asn@malmo.example";
    private const string Grundskola = "grundskola@malmo.example";
    private const string Admin = "admin@malmo.example";
    private const string Lund = "handlaggare@lund.example";
    private const string Operator = "operator@remiss.example";

    // ---- RemissOwner -----------------------------------------------------------------------------------

    [Fact]
    public async Task RemissOwner_SucceedsForTheHandlaggareAtStadskontoret()
    {
        var remiss = await MalmoRemissAsync(send: false);

        Assert.True(await AuthorizeAsync("malmo", Handlaggare, Policies.RemissOwner, remiss));
    }

    [Theory]
    [InlineData(Asn)]
    [InlineData(Admin)]
    public async Task RemissOwner_FailsForOtherMalmoUsers_EvenAfterSending(string email)
    {
        var draft = await MalmoRemissAsync(send: false);
        var sent = await MalmoRemissAsync(send: true);

        Assert.False(await AuthorizeAsync("malmo", email, Policies.RemissOwner, draft));
        Assert.False(await AuthorizeAsync("malmo", email, Policies.RemissOwner, sent));
    }

    [Theory]
    [InlineData("malmo")]
    [InlineData("lund")]
    public async Task RemissOwner_FailsForAUserOfTheOtherTenant_WhicheverTenantTheRequestIsFor(string requestTenant)
    {
        var remiss = await MalmoRemissAsync(send: true);

        Assert.False(await AuthorizeAsync(requestTenant, Lund, Policies.RemissOwner, remiss));
    }

    [Fact]
    public async Task RemissOwner_FailsForTheOwnerWhenTheRequestIsForAnotherTenant()
    {
        var remiss = await MalmoRemissAsync(send: false);

        Assert.False(await AuthorizeAsync("lund", Handlaggare, Policies.RemissOwner, remiss));
        Assert.False(await AuthorizeAsync(null, Handlaggare, Policies.RemissOwner, remiss));
    }

    [Fact]
    public async Task RemissOwner_FailsForAnAnonymousUser()
    {
        var remiss = await MalmoRemissAsync(send: false);

        Assert.False(await AuthorizeAsync("malmo", null, Policies.RemissOwner, remiss));
    }

    // ---- RecipientMember -------------------------------------------------------------------------------

    [Fact]
    public async Task RecipientMember_FailsForTheRecipientsOwnMember_WhileTheRemissIsADraft()
    {
        var remiss = await MalmoRemissAsync(send: false);

        Assert.False(await AuthorizeAsync("malmo", Asn, Policies.RecipientMember, await RecipientOfAsync(remiss, "Arbetsmarknads- och socialnämnden")));
        Assert.False(await AuthorizeAsync("malmo", Asn, Policies.RecipientMember, remiss));
    }

    [Fact]
    public async Task RecipientMember_SucceedsForTheRecipientsOwnMember_AfterSending()
    {
        var remiss = await MalmoRemissAsync(send: true);

        Assert.True(await AuthorizeAsync("malmo", Asn, Policies.RecipientMember, await RecipientOfAsync(remiss, "Arbetsmarknads- och socialnämnden")));
        Assert.True(await AuthorizeAsync("malmo", Asn, Policies.RecipientMember, remiss));
        Assert.True(await AuthorizeAsync("malmo", Grundskola, Policies.RecipientMember, await RecipientOfAsync(remiss, "Grundskolenämnden")));
    }

    [Fact]
    public async Task RecipientMember_FailsOnAnotherOrganisationsRecipient()
    {
        var remiss = await MalmoRemissAsync(send: true);

        Assert.False(await AuthorizeAsync("malmo", Asn, Policies.RecipientMember, await RecipientOfAsync(remiss, "Grundskolenämnden")));
        Assert.False(await AuthorizeAsync("malmo", Grundskola, Policies.RecipientMember, await RecipientOfAsync(remiss, "Arbetsmarknads- och socialnämnden")));
        Assert.False(await AuthorizeAsync("malmo", Handlaggare, Policies.RecipientMember, await RecipientOfAsync(remiss, "Arbetsmarknads- och socialnämnden")));
        Assert.False(await AuthorizeAsync("malmo", Handlaggare, Policies.RecipientMember, remiss));
    }

    [Fact]
    public async Task RecipientMember_FailsForTheRightMemberWhenTheRequestIsForAnotherTenant()
    {
        var remiss = await MalmoRemissAsync(send: true);

        Assert.False(await AuthorizeAsync("lund", Asn, Policies.RecipientMember, await RecipientOfAsync(remiss, "Arbetsmarknads- och socialnämnden")));
    }

    [Fact]
    public async Task RecipientMember_FailsOnAResourceThatIsNeitherRemissNorRecipient()
    {
        Assert.False(await AuthorizeAsync("malmo", Asn, Policies.RecipientMember, "Arbetsmarknads- och socialnämnden"));
    }

    // ---- RemissReader ----------------------------------------------------------------------------------

    [Fact]
    public async Task RemissReader_SucceedsForTheOwner_DraftOrSent()
    {
        Assert.True(await AuthorizeAsync("malmo", Handlaggare, Policies.RemissReader, await MalmoRemissAsync(send: false)));
        Assert.True(await AuthorizeAsync("malmo", Handlaggare, Policies.RemissReader, await MalmoRemissAsync(send: true)));
    }

    [Fact]
    public async Task RemissReader_LetsARecipientReadOnlyAfterSending()
    {
        Assert.False(await AuthorizeAsync("malmo", Asn, Policies.RemissReader, await MalmoRemissAsync(send: false)));
        Assert.True(await AuthorizeAsync("malmo", Asn, Policies.RemissReader, await MalmoRemissAsync(send: true)));
    }

    [Theory]
    [InlineData("malmo", Admin)]
    [InlineData("malmo", Lund)]
    [InlineData("lund", Lund)]
    [InlineData("malmo", Operator)]
    [InlineData(null, Operator)]
    public async Task RemissReader_FailsForEveryoneElse_EvenAfterSending(string? requestTenant, string email)
    {
        var remiss = await MalmoRemissAsync(send: true);

        Assert.False(await AuthorizeAsync(requestTenant, email, Policies.RemissReader, remiss));
    }

    // ---- TenantMember, TenantAdmin, PlatformAdmin ------------------------------------------------------

    [Theory]
    [InlineData("malmo", Handlaggare)]
    [InlineData("malmo", Admin)]
    [InlineData("lund", Lund)]
    public async Task TenantMember_SucceedsForAUserOfTheRequestsTenant(string requestTenant, string email)
    {
        Assert.True(await AuthorizeAsync(requestTenant, email, Policies.TenantMember, null));
    }

    [Theory]
    [InlineData("malmo", Lund)]
    [InlineData("lund", Handlaggare)]
    [InlineData("malmo", Operator)]
    [InlineData("malmo", null)]
    [InlineData(null, Handlaggare)]
    public async Task TenantMember_FailsForAUserOfAnotherTenantOrNone(string? requestTenant, string? email)
    {
        Assert.False(await AuthorizeAsync(requestTenant, email, Policies.TenantMember, null));
    }

    [Fact]
    public async Task TenantAdmin_SucceedsForMalmosAdministratorInMalmo()
    {
        Assert.True(await AuthorizeAsync("malmo", Admin, Policies.TenantAdmin, null));
    }

    [Theory]
    [InlineData("malmo", Handlaggare)]
    [InlineData("malmo", Asn)]
    [InlineData("lund", Admin)]
    [InlineData(null, Admin)]
    [InlineData("malmo", Operator)]
    public async Task TenantAdmin_FailsForOtherUsersAndForTheAdministratorInAnotherTenant(string? requestTenant, string email)
    {
        Assert.False(await AuthorizeAsync(requestTenant, email, Policies.TenantAdmin, null));
    }

    [Fact]
    public async Task PlatformAdmin_SucceedsForTheOperator()
    {
        Assert.True(await AuthorizeAsync(null, Operator, Policies.PlatformAdmin, null));
    }

    [Theory]
    [InlineData("malmo", Admin)]
    [InlineData("malmo", Handlaggare)]
    [InlineData("lund", Lund)]
    [InlineData(null, null)]
    public async Task PlatformAdmin_FailsForEveryoneElse(string? requestTenant, string? email)
    {
        Assert.False(await AuthorizeAsync(requestTenant, email, Policies.PlatformAdmin, null));
    }

    // ---- Helpers -----------------------------------------------------------------------------------------

    /// <summary>
    /// Authorizes as the app would in a request for <paramref name="tenantSlug"/> (null: a request outside any
    /// tenant), for the demo user <paramref name="email"/> (null: anonymous).
    /// </summary>
    private async Task<bool> AuthorizeAsync(string? tenantSlug, string? email, string policy, object? resource)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (tenantSlug is not null)
        {
            var tenant = await services.GetRequiredService<AppDbContext>().Tenants.SingleAsync(t => t.Slug == tenantSlug);
            services.GetRequiredService<TenantContext>().Set(new CurrentTenant(tenant.Id, tenant.Slug, tenant.Name, tenant.TimeZoneId));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity());
        if (email is not null)
        {
            var user = await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
            Assert.NotNull(user);
            principal = await services.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);

            // As the tenant middleware does: the access to the request's tenant, if the person has one.
            if (services.GetRequiredService<TenantContext>().Tenant is { } current)
            {
                await services.GetRequiredService<PersonTenants>().EnterAsync(principal, current, CancellationToken.None);
            }
        }

        var result = await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(principal, resource, policy);
        return result.Succeeded;
    }

    /// <summary>The demo remiss with its questions and recipients, loaded in a malmo scope; sent in memory when asked.</summary>
    private Task<Remiss> MalmoRemissAsync(bool send) =>
        factory.InTenantAsync("malmo", async (db, _) =>
        {
            var remiss = await db.WholeRemissAsync();
            Assert.Equal(RemissStatus.Draft, remiss.Status);
            if (send)
            {
                remiss.Send(DateOnly.FromDateTime(factory.Clock.UtcNow), factory.Clock.UtcNow);
            }

            return remiss;
        });

    private async Task<Recipient> RecipientOfAsync(Remiss remiss, string organisationName)
    {
        var organisationId = await factory.InTenantAsync(
            "malmo", (db, _) => db.Organisations.Where(o => o.Name == organisationName).Select(o => o.Id).SingleAsync());
        var recipient = await factory.InTenantAsync(
            "malmo", async (_, services) => (await services.GetRequiredService<RemissReader>().FindRecipientAsync(remiss.RecipientFor(organisationId).Id, CancellationToken.None))!);

        // The remiss may have been sent in memory only: the remissinstans works under its terms as they stand.
        return recipient.Under(remiss.Terms);
    }
}
