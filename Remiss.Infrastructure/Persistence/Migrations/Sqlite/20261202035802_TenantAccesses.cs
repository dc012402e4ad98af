using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Remiss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TenantAccesses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Tenants_TenantId",
                table: "AspNetUsers");

            migrationBuilder.RenameColumn(
                name: "TenantId",
                table: "AspNetUsers",
                newName: "LastTenantId");

            migrationBuilder.RenameIndex(
                name: "IX_AspNetUsers_TenantId",
                table: "AspNetUsers",
                newName: "IX_AspNetUsers_LastTenantId");

            migrationBuilder.CreateTable(
                name: "TenantAccesses",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsAdmin = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstUsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenantAccesses", x => new { x.UserId, x.TenantId });
                    table.ForeignKey(
                        name: "FK_TenantAccesses_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TenantAccesses_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TenantAccesses_TenantId",
                table: "TenantAccesses",
                column: "TenantId");

            // Every account of a tenant gets its access to that tenant, with the tenant-admin role and the active state that
            // were the account's; the account's tenant stays as the one it last worked in. An account that has chosen a
            // password has opened its tenant: the administrator should not see it as "Inbjuden" again.
            migrationBuilder.Sql(
                """
                INSERT INTO "TenantAccesses" ("UserId", "TenantId", "IsAdmin", "IsActive", "CreatedAt", "FirstUsedAt")
                SELECT u."Id", u."LastTenantId",
                    CASE WHEN EXISTS (
                        SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
                        WHERE ur."UserId" = u."Id" AND r."Name" = 'TenantAdmin') THEN 1 ELSE 0 END,
                    u."IsActive", u."CreatedAt",
                    CASE WHEN u."PasswordHash" IS NULL THEN NULL ELSE u."CreatedAt" END
                FROM "AspNetUsers" u
                WHERE u."LastTenantId" IS NOT NULL;
                """);

            // The tenant-admin role now belongs to the access; it is no longer an Identity role of the account.
            migrationBuilder.Sql(
                """
                DELETE FROM "AspNetUserRoles" WHERE "RoleId" IN (SELECT "Id" FROM "AspNetRoles" WHERE "Name" = 'TenantAdmin');
                DELETE FROM "AspNetRoles" WHERE "Name" = 'TenantAdmin';
                """);

            migrationBuilder.DropColumn(
                name: "IsActive",
                table: "AspNetUsers");

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Tenants_LastTenantId",
                table: "AspNetUsers",
                column: "LastTenantId",
                principalTable: "Tenants",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Tenants_LastTenantId",
                table: "AspNetUsers");

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Back to one tenant per account: the account takes the state of its access to the tenant it last worked in.
            // The tenant-admin roles are not given back as Identity roles: a tenant's administrators are set again by hand.
            migrationBuilder.Sql(
                """
                UPDATE "AspNetUsers" SET "IsActive" = CASE WHEN EXISTS (
                    SELECT 1 FROM "TenantAccesses" a
                    WHERE a."UserId" = "AspNetUsers"."Id" AND a."TenantId" = "AspNetUsers"."LastTenantId" AND a."IsActive" = 1) THEN 1 ELSE 0 END
                WHERE "LastTenantId" IS NOT NULL;
                UPDATE "AspNetUsers" SET "IsActive" = 1 WHERE "LastTenantId" IS NULL;
                """);

            migrationBuilder.DropTable(
                name: "TenantAccesses");

            migrationBuilder.RenameColumn(
                name: "LastTenantId",
                table: "AspNetUsers",
                newName: "TenantId");

            migrationBuilder.RenameIndex(
                name: "IX_AspNetUsers_LastTenantId",
                table: "AspNetUsers",
                newName: "IX_AspNetUsers_TenantId");

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Tenants_TenantId",
                table: "AspNetUsers",
                column: "TenantId",
                principalTable: "Tenants",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
