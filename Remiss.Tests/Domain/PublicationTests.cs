namespace Remiss.Tests.Domain;

using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>Offentlighetsprincipen: what of a remiss is public, and when.</summary>
public sealed class PublicationTests
{
    [Fact]
    public void ASubmittedYttrande_OfAClosedRemiss_OfAPublishingTenant_IsPublished()
    {
        var (tenant, remiss) = Closed();

        Assert.True(Publication.IsPublished(tenant, remiss));
        Assert.True(Publication.IsPublished(tenant, A.RecipientsOf(remiss)[0]));
    }

    [Fact]
    public void ADraftDeclinedOrUnstartedYttrande_IsNeverPublished()
    {
        var (tenant, remiss) = Closed();

        Assert.False(Publication.IsPublished(tenant, A.RecipientsOf(remiss)[1]));
        Assert.False(Publication.IsPublished(tenant, A.RecipientsOf(remiss)[2]));
    }

    [Fact]
    public void ATenantThatDoesNotPublish_OrIsSuspended_PublishesNothing()
    {
        var (tenant, remiss) = Closed();
        tenant.SetPublication(false);
        Assert.False(Publication.IsPublished(tenant, A.RecipientsOf(remiss)[0]));

        tenant.SetPublication(true);
        tenant.Suspend();
        Assert.False(Publication.IsPublished(tenant, remiss));
    }

    [Fact]
    public void ARemissThatIsStillOpenOrWithdrawn_PublishesNothing()
    {
        var tenant = A.Tenant();
        tenant.SetPublication(true);
        var owner = A.Owner(tenant);
        var open = A.SentRemiss(owner, [A.Organisation(tenant, "Tekniska nämnden"), A.Organisation(tenant, "MKB")]);
        A.Submitted(A.RecipientsOf(open)[0]);
        Assert.False(Publication.IsPublished(tenant, A.RecipientsOf(open)[0]));

        open.Withdraw("Inaktuellt.", A.Now);
        Assert.False(Publication.IsPublished(tenant, open));
    }

    [Fact]
    public void ARemissOfAnotherTenant_IsNotThisTenantsToPublish()
    {
        var (_, remiss) = Closed();
        var other = A.Tenant("lund", "Lunds kommun");
        other.SetPublication(true);

        Assert.False(Publication.IsPublished(other, remiss));
    }

    private static (global::Remiss.Domain.Organisations.Tenant Tenant, Remiss Remiss) Closed()
    {
        var tenant = A.Tenant();
        tenant.SetPublication(true);
        var remiss = A.SentRemiss(A.Owner(tenant), [A.Organisation(tenant, "Tekniska nämnden"), A.Organisation(tenant, "Miljönämnden"), A.Organisation(tenant, "MKB")]);
        A.Submitted(A.RecipientsOf(remiss)[0]);
        A.Drafted(A.RecipientsOf(remiss)[1]);
        remiss.Close(A.Now);
        return (tenant, remiss);
    }
}
