namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Tests.TestSupport;

/// <summary>The organisation directory: nämnder, bolag, förvaltningar and external bodies, and their members.</summary>
public sealed class OrganisationTests
{
    // ---- Create ----------------------------------------------------------------------------------------

    [Fact]
    public void Create_KeepsNameKindAndContactTrimmed()
    {
        var tenant = A.Tenant();

        var organisation = Organisation.Create(tenant.Id, " Miljönämnden ", OrganisationKind.Namnd, " registrator.miljo@malmo.se ", " Nämndsekreteraren ");

        Assert.Equal(tenant.Id, organisation.TenantId);
        Assert.Equal("Miljönämnden", organisation.Name);
        Assert.Equal(OrganisationKind.Namnd, organisation.Kind);
        Assert.Equal("registrator.miljo@malmo.se", organisation.FunctionalMailbox);
        Assert.Equal("Nämndsekreteraren", organisation.ContactName);
        Assert.False(organisation.IsRetired);
    }

    [Fact]
    public void Create_WithoutMailboxOrContact_LeavesThemEmpty()
    {
        var organisation = Organisation.Create(A.Tenant().Id, "MKB", OrganisationKind.Bolag, "  ", "");

        Assert.Null(organisation.FunctionalMailbox);
        Assert.Null(organisation.ContactName);
    }

    [Fact]
    public void Create_WithoutTenant_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Organisation.Create(Guid.Empty, "MKB", OrganisationKind.Bolag));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Create_WithoutName_IsRefused(string name)
    {
        var e = Assert.Throws<DomainException>(() => Organisation.Create(A.Tenant().Id, name, OrganisationKind.Namnd));
        e.AssertRefused(Field.Name, RefusalKey.Required);
    }

    [Fact]
    public void Create_WithTooLongName_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => Organisation.Create(A.Tenant().Id, new string('x', Organisation.NameMaxLength + 1), OrganisationKind.Namnd));
        e.AssertRefused(Field.Name, RefusalKey.MaxLength, 200);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Create_WithAnUnknownKind_IsRefused(int kind)
    {
        var e = Assert.Throws<DomainException>(() => Organisation.Create(A.Tenant().Id, "MKB", (OrganisationKind)kind));
        e.AssertRefused(Field.Kind, RefusalKey.InvalidOrganisationKind);
    }

    // ---- Rename, kind, contact -------------------------------------------------------------------------

    [Fact]
    public void Rename_ChangesTheName()
    {
        var organisation = A.Organisation(A.Tenant(), "Gatukontoret");

        organisation.Rename("  Tekniska nämnden ");

        Assert.Equal("Tekniska nämnden", organisation.Name);
    }

    [Fact]
    public void Rename_ToBlank_IsRefused()
    {
        var organisation = A.Organisation(A.Tenant());

        var e = Assert.Throws<DomainException>(() => organisation.Rename("   "));
        e.AssertRefused(Field.Name, RefusalKey.Required);
        Assert.Equal("Tekniska nämnden", organisation.Name);
    }

    [Fact]
    public void ChangeKind_ChangesTheKind()
    {
        var organisation = A.Organisation(A.Tenant());

        organisation.ChangeKind(OrganisationKind.Extern);

        Assert.Equal(OrganisationKind.Extern, organisation.Kind);
    }

    [Fact]
    public void ChangeKind_ToAnUnknownKind_IsRefused()
    {
        var organisation = A.Organisation(A.Tenant());

        var e = Assert.Throws<DomainException>(() => organisation.ChangeKind((OrganisationKind)42));
        e.AssertRefused(Field.Kind, RefusalKey.InvalidOrganisationKind);
        Assert.Equal(OrganisationKind.Namnd, organisation.Kind);
    }

    [Fact]
    public void SetContact_ChangesMailboxAndContact()
    {
        var organisation = A.Organisation(A.Tenant());

        organisation.SetContact("tekniska.namnden@malmo.se", "Karin Nilsson");

        Assert.Equal("tekniska.namnden@malmo.se", organisation.FunctionalMailbox);
        Assert.Equal("Karin Nilsson", organisation.ContactName);
    }

    [Fact]
    public void SetContact_WithBlanks_ClearsThem()
    {
        var organisation = A.Organisation(A.Tenant(), functionalMailbox: "tekniska.namnden@malmo.se");

        organisation.SetContact(" ", null);

        Assert.Null(organisation.FunctionalMailbox);
        Assert.Null(organisation.ContactName);
    }

    [Theory]
    [InlineData("registrator")]
    [InlineData("registrator@malmo")]
    [InlineData("registrator@@malmo.se")]
    [InlineData("Registrator <registrator@malmo.se>")]
    [InlineData("registrator@malmo.se; annan@malmo.se")]
    public void SetContact_WithAnInvalidMailbox_IsRefused(string mailbox)
    {
        var organisation = A.Organisation(A.Tenant());

        var e = Assert.Throws<DomainException>(() => organisation.SetContact(mailbox, null));
        e.AssertRefused(Field.FunctionalMailbox, RefusalKey.InvalidEmail);
    }

    [Fact]
    public void Create_WithAnInvalidMailbox_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => Organisation.Create(A.Tenant().Id, "MKB", OrganisationKind.Bolag, "mkb-at-mkb.se"));
        e.AssertRefused(Field.FunctionalMailbox, RefusalKey.InvalidEmail);
    }

    [Fact]
    public void SetContact_WithTooLongContactName_IsRefused()
    {
        var organisation = A.Organisation(A.Tenant());

        var e = Assert.Throws<DomainException>(() => organisation.SetContact(null, new string('x', 201)));
        e.AssertRefused(Field.ContactName, RefusalKey.MaxLength, 200);
    }

    // ---- Retire, reinstate -----------------------------------------------------------------------------

    [Fact]
    public void Retire_AnActiveOrganisation_RetiresIt()
    {
        var organisation = A.Organisation(A.Tenant());

        organisation.Retire();

        Assert.True(organisation.IsRetired);
    }

    [Fact]
    public void Retire_Twice_IsRefused()
    {
        var organisation = A.Organisation(A.Tenant());
        organisation.Retire();

        var e = Assert.Throws<DomainException>(organisation.Retire);
        e.AssertRefused(Field.Form, RefusalKey.OrganisationAlreadyRetired, "Tekniska nämnden");
    }

    [Fact]
    public void Reinstate_ARetiredOrganisation_ReinstatesIt()
    {
        var organisation = A.Organisation(A.Tenant());
        organisation.Retire();

        organisation.Reinstate();

        Assert.False(organisation.IsRetired);
    }

    [Fact]
    public void Reinstate_AnActiveOrganisation_IsRefused()
    {
        var organisation = A.Organisation(A.Tenant());

        var e = Assert.Throws<DomainException>(organisation.Reinstate);
        e.AssertRefused(Field.Form, RefusalKey.OrganisationNotRetired, "Tekniska nämnden");
    }

    [Fact]
    public void Retire_KeepsTheOrganisationOnRemisserItAlreadyHas()
    {
        var tenant = A.Tenant();
        var tekniska = A.Organisation(tenant);
        var remiss = A.SentRemiss(A.Owner(tenant), [tekniska]);

        tekniska.Retire();

        Assert.Equal(tekniska.Id, Assert.Single(remiss.Recipients).OrganisationId);
        A.Submitted(A.RecipientsOf(remiss)[0]);
    }

    [Fact]
    public void Reinstate_LetsTheOrganisationGetRemisserAgain()
    {
        var tenant = A.Tenant();
        var tekniska = A.Organisation(tenant);
        tekniska.Retire();
        tekniska.Reinstate();

        var remiss = A.DraftRemiss(A.Owner(tenant));
        A.AddRecipient(remiss, tekniska);

        Assert.Single(remiss.Recipients);
    }

    // ---- Membership ------------------------------------------------------------------------------------

    [Fact]
    public void Membership_OfAnActiveOrganisation_LinksTheUserInTheOrganisationsTenant()
    {
        var tenant = A.Tenant();
        var organisation = A.Organisation(tenant);

        var membership = Membership.Create(organisation, A.Namndsekreterare);

        Assert.Equal(A.Namndsekreterare, membership.UserId);
        Assert.Equal(organisation.Id, membership.OrganisationId);
        Assert.Equal(tenant.Id, membership.TenantId);
    }

    [Fact]
    public void Membership_OfARetiredOrganisation_IsRefused()
    {
        var organisation = A.Organisation(A.Tenant(), "Servicenämnden");
        organisation.Retire();

        var e = Assert.Throws<DomainException>(() => Membership.Create(organisation, A.Namndsekreterare));
        e.AssertRefused(Field.Organisations, RefusalKey.RetiredCannotGetMembers, "Servicenämnden");
    }

    [Fact]
    public void Membership_WithoutUser_IsRefused()
    {
        var organisation = A.Organisation(A.Tenant());

        Assert.Throws<ArgumentException>(() => Membership.Create(organisation, Guid.Empty));
    }
}
