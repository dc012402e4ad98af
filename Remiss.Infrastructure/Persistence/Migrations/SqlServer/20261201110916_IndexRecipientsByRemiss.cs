using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Remiss.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class IndexRecipientsByRemiss : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Extensions_TenantId_Status",
                table: "Extensions");

            migrationBuilder.CreateIndex(
                name: "IX_Recipients_TenantId_RemissId",
                table: "Recipients",
                columns: new[] { "TenantId", "RemissId" });

            migrationBuilder.CreateIndex(
                name: "IX_Extensions_TenantId_RecipientId_Status",
                table: "Extensions",
                columns: new[] { "TenantId", "RecipientId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recipients_TenantId_RemissId",
                table: "Recipients");

            migrationBuilder.DropIndex(
                name: "IX_Extensions_TenantId_RecipientId_Status",
                table: "Extensions");

            migrationBuilder.CreateIndex(
                name: "IX_Extensions_TenantId_Status",
                table: "Extensions",
                columns: new[] { "TenantId", "Status" });
        }
    }
}
