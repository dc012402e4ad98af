using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Remiss.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OnePendingExtension : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Extensions_RecipientId",
                table: "Extensions");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Recipients",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Before the index: a remissinstans that got two waiting requests from two posts at once keeps its latest; the
            // others are closed as duplicates, as the domain closes a request it no longer needs.
            migrationBuilder.Sql(
                "UPDATE Extensions SET Status = 'Refused', DecisionComment = 'Dubblett av en senare begäran om anstånd.', DecidedAt = RequestedAt "
                + "WHERE Status = 'Requested' AND EXISTS (SELECT 1 FROM Extensions AS Later WHERE Later.RecipientId = Extensions.RecipientId "
                + "AND Later.Status = 'Requested' AND (Later.RequestedAt > Extensions.RequestedAt OR (Later.RequestedAt = Extensions.RequestedAt AND Later.Id > Extensions.Id)))");

            migrationBuilder.CreateIndex(
                name: "IX_Extensions_OnePending",
                table: "Extensions",
                column: "RecipientId",
                unique: true,
                filter: "Status = 'Requested'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Extensions_OnePending",
                table: "Extensions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Recipients");

            migrationBuilder.CreateIndex(
                name: "IX_Extensions_RecipientId",
                table: "Extensions",
                column: "RecipientId");
        }
    }
}
