namespace Remiss.Tests.Persistence;

using Microsoft.EntityFrameworkCore;
using Remiss.Tests.TestSupport;

/// <summary>
/// TenantAccesses turns the one tenant of an account into an access to it: the tenant-admin role and the active state
/// move from the account to the access, and the tenant stays as the one the person last worked in.
/// </summary>
public sealed class TenantAccessesMigrationTests
{
    private const string Before = "20261202023649_TenantTwoFactorRequirement";

    [Fact]
    public async Task ExistingAccounts_AfterTheMigration_HaveTheirAccess_WithTheirRoleAndState()
    {
        var tenantId = Guid.CreateVersion7();
        var admin = Guid.CreateVersion7();
        var invited = Guid.CreateVersion7();
        var deactivated = Guid.CreateVersion7();
        var operatorId = Guid.CreateVersion7();
        var tenantAdminRole = Guid.CreateVersion7();
        var platformRole = Guid.CreateVersion7();
        await using var database = await TestDatabase.CreateAtMigrationAsync(Before);
        await using (var db = database.NewContext(null))
        {
            await TestDatabase.ColumnAsync(db, $"""
                INSERT INTO "Tenants" ("Id", "CreatedAt", "IsSuspended", "Name", "PublishesSubmittedResponses", "Slug", "TimeZoneId", "TwoFactorRequirement", "StandardSections", "ReminderDaysBefore")
                VALUES ('{Text(tenantId)}', '2026-01-01 00:00:00', 0, 'Malmö stad', 0, 'malmo', 'Europe/Stockholm', 'Nobody', '[]', '[7,1]');
                INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName") VALUES ('{Text(tenantAdminRole)}', 'TenantAdmin', 'TENANTADMIN');
                INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName") VALUES ('{Text(platformRole)}', 'PlatformAdmin', 'PLATFORMADMIN');
                {User(admin, tenantId, "admin@malmo.example", active: true, password: true)}
                {User(invited, tenantId, "ny@malmo.example", active: true, password: false)}
                {User(deactivated, tenantId, "slutat@malmo.example", active: false, password: true)}
                {User(operatorId, null, "operator@remiss.example", active: true, password: true)}
                INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") VALUES ('{Text(admin)}', '{Text(tenantAdminRole)}');
                INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") VALUES ('{Text(operatorId)}', '{Text(platformRole)}');
                SELECT 1;
                """);
            await db.Database.MigrateAsync();
        }

        await using var reader = database.NewContext(null);
        var accesses = await reader.TenantAccesses.ToDictionaryAsync(a => a.UserId);
        Assert.Equal(3, accesses.Count);
        Assert.All(accesses.Values, a => Assert.Equal(tenantId, a.TenantId));
        Assert.True(accesses[admin].IsAdmin);
        Assert.True(accesses[admin].IsActive);
        Assert.NotNull(accesses[admin].FirstUsedAt);
        Assert.False(accesses[invited].IsAdmin);
        Assert.Null(accesses[invited].FirstUsedAt);
        Assert.False(accesses[deactivated].IsActive);
        Assert.False(accesses.ContainsKey(operatorId));

        Assert.Equal(tenantId, await reader.Users.Where(u => u.Id == admin).Select(u => u.LastTenantId).SingleAsync());
        Assert.Null(await reader.Users.Where(u => u.Id == operatorId).Select(u => u.LastTenantId).SingleAsync());
        Assert.Equal(["PlatformAdmin"], await reader.Roles.Select(r => r.Name!).ToListAsync());
        Assert.Equal([operatorId], await reader.UserRoles.Select(r => r.UserId).ToListAsync());
    }

    private static string User(Guid id, Guid? tenantId, string email, bool active, bool password) => $"""
        INSERT INTO "AspNetUsers" ("Id", "AccessFailedCount", "CreatedAt", "DisplayName", "Email", "EmailConfirmed", "IsActive", "LockoutEnabled",
            "NormalizedEmail", "NormalizedUserName", "PasswordHash", "PhoneNumberConfirmed", "SecurityStamp", "TenantId", "TwoFactorEnabled", "UserName")
        VALUES ('{Text(id)}', 0, '2026-01-01 00:00:00', '{email}', '{email}', 1, {(active ? 1 : 0)}, 1,
            '{email.ToUpperInvariant()}', '{email.ToUpperInvariant()}', {(password ? "'hash'" : "NULL")}, 0, 'stamp', {(tenantId is { } t ? $"'{Text(t)}'" : "NULL")}, 0, '{email}');
        """;

    // As EF Core stores a Guid on SQLite.
    private static string Text(Guid id) => id.ToString().ToUpperInvariant();
}
