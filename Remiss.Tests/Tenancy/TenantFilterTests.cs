namespace Remiss.Tests.Tenancy;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Persistence;
using Remiss.Tests.TestSupport;

/// <summary>No query shows one tenant's rows to another, and no save writes a row under the wrong tenant.</summary>
public sealed class TenantFilterTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Tenant _malmo = null!;
    private Tenant _lund = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _malmo = await _database.AddTenantAsync("malmo");
        _lund = await _database.AddTenantAsync("lund");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task EveryTenantOwnedEntityType_HasTheNamedTenantFilter()
    {
        await using var db = _database.NewContext(_malmo);
        var model = db.GetService<IDesignTimeModel>().Model;
        var tenantOwned = model.GetEntityTypes()
            .Where(t => t.BaseType is null && typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .ToList();

        Assert.Equal(
            ["Answer", "Attachment", "AuditEntry", "Extension", "IdentityProvider", "LateDigest", "Membership", "Organisation", "OutboxMessage", "Question", "QuestionComment", "RaisedPoint", "Recipient", "Reminder", "Remiss", "Response", "Theme"],
            tenantOwned.Select(t => t.ClrType.Name).Order(StringComparer.Ordinal));
        var unfiltered = tenantOwned
            .Where(t => t.GetDeclaredQueryFilters().All(f => f.Key != AppDbContext.TenantFilter))
            .Select(t => t.ClrType.Name)
            .ToList();
        Assert.True(unfiltered.Count == 0, "Tenant-owned entity types without the tenant filter: " + string.Join(", ", unfiltered));
    }

    [Fact]
    public async Task EveryEntityWithATenantId_IsTenantOwned_ExceptTheAccessesReadBeforeATenantIsKnown()
    {
        await using var db = _database.NewContext(_malmo);
        var model = db.GetService<IDesignTimeModel>().Model;

        var notOwned = model.GetEntityTypes()
            .Where(t => t.FindProperty("TenantId") is not null && !t.IsOwned() && !typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .Select(t => t.ClrType)
            .ToList();

        // A person's accesses are read at sign-in and for the header's list of their tenants: every query names its tenant.
        Assert.Equal([typeof(TenantAccess)], notOwned);
    }

    [Fact]
    public async Task RowsWrittenAsOneTenant_AreInvisibleAsAnother()
    {
        var remissId = await AddSentRemissAsync(_malmo, "STK-2023-137");

        await using var asLund = _database.NewContext(_lund);
        Assert.Empty(await asLund.Organisations.ToListAsync());
        Assert.Empty(await asLund.Remisser.ToListAsync());
        Assert.Null(await asLund.Remisser.FindAsync(remissId) is { } found && found.TenantId == _lund.Id ? found : null);
        Assert.Null(await asLund.Remisser.SingleOrDefaultAsync(r => r.Id == remissId));
        Assert.Empty(await asLund.Questions.ToListAsync());
        Assert.Empty(await asLund.Recipients.ToListAsync());
        Assert.Empty(await asLund.Responses.ToListAsync());
        Assert.Empty(await asLund.Answers.ToListAsync());

        await using var asMalmo = _database.NewContext(_malmo);
        Assert.NotNull(await asMalmo.Remisser.SingleOrDefaultAsync(r => r.Id == remissId));
        Assert.NotEmpty(await asMalmo.Answers.ToListAsync());
    }

    [Fact]
    public async Task WithoutATenant_NoTenantRowIsVisible()
    {
        await AddSentRemissAsync(_malmo, "STK-2023-137");

        await using var noTenant = _database.NewContext(null);
        Assert.Empty(await noTenant.Remisser.ToListAsync());
        Assert.Empty(await noTenant.Organisations.ToListAsync());
        Assert.Equal(2, await noTenant.Tenants.CountAsync());
    }

    [Fact]
    public async Task SavingATenantRow_WithoutACurrentTenant_Throws()
    {
        await using var db = _database.NewContext(null);
        db.Organisations.Add(Organisation.Create(_malmo.Id, "Stadskontoret", OrganisationKind.Forvaltning));

        await Assert.ThrowsAsync<TenantMismatchException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task AddingARowOfAnotherTenant_Throws()
    {
        await using var db = _database.NewContext(_malmo);
        db.Organisations.Add(Organisation.Create(_lund.Id, "Kommunledningskontoret", OrganisationKind.Forvaltning));

        await Assert.ThrowsAsync<TenantMismatchException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task ChangingARowOfAnotherTenant_Throws()
    {
        await using (var asLund = _database.NewContext(_lund))
        {
            asLund.Organisations.Add(Organisation.Create(_lund.Id, "Kommunledningskontoret", OrganisationKind.Forvaltning));
            await asLund.SaveChangesAsync();
        }

        await using var asMalmo = _database.NewContext(_malmo);
        var lunds = await asMalmo.Organisations.IgnoreQueryFilters([AppDbContext.TenantFilter]).SingleAsync();
        lunds.Rename("Stadskontoret");

        await Assert.ThrowsAsync<TenantMismatchException>(() => asMalmo.SaveChangesAsync());
    }

    [Fact]
    public async Task ANewRowWithoutATenant_GetsTheCurrentTenant()
    {
        await using var db = _database.NewContext(_malmo);
        var organisation = Organisation.Create(_malmo.Id, "Stadskontoret", OrganisationKind.Forvaltning);
        db.Organisations.Add(organisation);
        db.Entry(organisation).Property(o => o.TenantId).CurrentValue = Guid.Empty;

        await db.SaveChangesAsync();

        Assert.Equal(_malmo.Id, organisation.TenantId);
    }

    [Fact]
    public async Task UniqueNamesAndDiarienummer_AreUniquePerTenant_NotAcrossTenants()
    {
        await AddSentRemissAsync(_malmo, "KS-2026-1");
        await AddSentRemissAsync(_lund, "KS-2026-1");

        await using var db = _database.NewContext(_malmo);
        db.Organisations.Add(Organisation.Create(_malmo.Id, A.OwnerName, OrganisationKind.Forvaltning));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        await using var again = _database.NewContext(_malmo);
        var owner = await again.Organisations.SingleAsync(o => o.Name == A.OwnerName);
        var duplicate = Remiss.CreateDraft(owner, "En annan remiss", A.Handlaggare, A.Now);
        duplicate.UpdateDetails("En annan remiss", "KS-2026-1", null, null, A.Today);
        again.Remisser.Add(duplicate);
        await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
    }

    [Fact]
    public async Task DraftsWithoutDiarienummer_MayBeSeveral()
    {
        await using var db = _database.NewContext(_malmo);
        var owner = A.Owner(_malmo);
        db.Organisations.Add(owner);
        db.Remisser.Add(Remiss.CreateDraft(owner, "Första utkastet", A.Handlaggare, A.Now));
        db.Remisser.Add(Remiss.CreateDraft(owner, "Andra utkastet", A.Handlaggare, A.Now));

        await db.SaveChangesAsync();

        Assert.Equal(2, await db.Remisser.CountAsync());
    }

    private async Task<Guid> AddSentRemissAsync(Tenant tenant, string diarienummer)
    {
        await using var db = _database.NewContext(tenant);
        var owner = A.Owner(tenant);
        var recipients = A.RecipientNames.Select(n => A.Organisation(tenant, n)).ToList();
        db.Organisations.Add(owner);
        db.Organisations.AddRange(recipients);
        var remiss = A.ReadyRemiss(owner, recipients);
        remiss.UpdateDetails(remiss.Title, diarienummer, remiss.Description, remiss.Deadline, A.Today);
        A.Send(remiss, A.Today, A.Now);
        A.Submitted(A.RecipientsOf(remiss)[0]);
        db.AddRemiss(remiss);
        await db.SaveChangesAsync();
        return remiss.Id;
    }
}
