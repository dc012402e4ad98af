namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Tests.TestSupport;

/// <summary>A tenant administrator never locks themselves out, nor leaves the tenant without an administrator.</summary>
public sealed class AccountRulesTests
{
    [Fact]
    public void Deactivate_SomeoneElse_IsAllowed() => AccountRules.EnsureCanDeactivate(A.Handlaggare, A.Kollega);

    [Fact]
    public void Deactivate_Oneself_IsRefused() =>
        Assert.Throws<DomainException>(() => AccountRules.EnsureCanDeactivate(A.Handlaggare, A.Handlaggare)).AssertRefused(Field.Form, RefusalKey.CannotDeactivateSelf);

    [Fact]
    public void RemoveAdmin_OfSomeoneElse_WithAnotherAdminLeft_IsAllowed() => AccountRules.EnsureCanRemoveAdmin(A.Handlaggare, A.Kollega, otherActiveAdmins: 1);

    [Fact]
    public void RemoveAdmin_OfOneself_IsRefused() =>
        Assert.Throws<DomainException>(() => AccountRules.EnsureCanRemoveAdmin(A.Handlaggare, A.Handlaggare, 3)).AssertRefused(Field.Form, RefusalKey.CannotRemoveOwnAdminRole);

    [Fact]
    public void RemoveAdmin_OfTheLastAdmin_IsRefused() =>
        Assert.Throws<DomainException>(() => AccountRules.EnsureCanRemoveAdmin(A.Handlaggare, A.Kollega, 0)).AssertRefused(Field.Form, RefusalKey.LastAdministrator);

    [Fact]
    public void ValidMemberships_DropsDuplicates_AndKeepsARetiredOrganisationTheUserAlreadyBelongsTo()
    {
        var tenant = A.Tenant();
        var active = A.Organisation(tenant, "Tekniska nämnden");
        var retired = A.Organisation(tenant, "Gatukontoret");
        retired.Retire();

        var valid = AccountRules.ValidMemberships([active, active, retired], new HashSet<Guid> { retired.Id });

        Assert.Equal([active, retired], valid);
    }

    [Fact]
    public void ValidMemberships_InANewlyChosenRetiredOrganisation_IsRefused()
    {
        var tenant = A.Tenant();
        var retired = A.Organisation(tenant, "Gatukontoret");
        retired.Retire();

        var refusal = Assert.Throws<DomainException>(() => AccountRules.ValidMemberships([retired], new HashSet<Guid>()));

        refusal.AssertRefused(Field.Organisations, RefusalKey.RetiredCannotGetMembers, "Gatukontoret");
    }

    [Fact]
    public void ChangeAdminRole_OfOneself_IsRefused() =>
        Assert.Throws<DomainException>(() => AccountRules.EnsureCanChangeAdminRole(A.Handlaggare, A.Handlaggare)).AssertRefused(Field.Form, RefusalKey.CannotChangeOwnAdminRole);

    [Fact]
    public void ChangeAdminRole_OfSomeoneElse_IsAllowed() => AccountRules.EnsureCanChangeAdminRole(A.Handlaggare, A.Kollega);

    [Fact]
    public void Reactivate_Oneself_IsRefused() =>
        Assert.Throws<DomainException>(() => AccountRules.EnsureCanReactivate(A.Handlaggare, A.Handlaggare)).AssertRefused(Field.Form, RefusalKey.CannotReactivateSelf);

    [Fact]
    public void Reactivate_SomeoneElse_IsAllowed() => AccountRules.EnsureCanReactivate(A.Handlaggare, A.Kollega);

    [Theory]
    [InlineData(TwoFactorRequirement.Nobody, false, false)]
    [InlineData(TwoFactorRequirement.Nobody, true, false)]
    [InlineData(TwoFactorRequirement.Administrators, false, false)]
    [InlineData(TwoFactorRequirement.Administrators, true, true)]
    [InlineData(TwoFactorRequirement.Everyone, false, true)]
    [InlineData(TwoFactorRequirement.Everyone, true, true)]
    public void RequiresTwoFactor_FollowsTheTenantsRequirementForAdministratorsOrEveryone(TwoFactorRequirement requirement, bool isAdmin, bool required) =>
        Assert.Equal(required, AccountRules.RequiresTwoFactor(requirement, isAdmin));

    [Fact]
    public void OperatorRequiresTwoFactor_OutsideDevelopment_Always() => Assert.True(AccountRules.OperatorRequiresTwoFactor(isDevelopment: false));

    [Fact]
    public void OperatorRequiresTwoFactor_InDevelopment_NotSoTheDemoStarts() => Assert.False(AccountRules.OperatorRequiresTwoFactor(isDevelopment: true));

    [Fact]
    public void SetTwoFactorRequirement_KeepsTheChoice()
    {
        var tenant = A.Tenant();

        tenant.SetTwoFactorRequirement(TwoFactorRequirement.Administrators);

        Assert.Equal(TwoFactorRequirement.Administrators, tenant.TwoFactorRequirement);
    }

    [Fact]
    public void SetTwoFactorRequirement_OfAnUnknownValue_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => A.Tenant().SetTwoFactorRequirement((TwoFactorRequirement)7));
}
