using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Remiss.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddDeadlineChase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DeadlineMovedOn",
                table: "Remisser",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReminderDaysBefore",
                table: "Remisser",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExtendedOn",
                table: "Recipients",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "InvitedAt",
                table: "Recipients",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SendingSince",
                table: "OutboxMessages",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LateDigests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RemissId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    LateRecipients = table.Column<int>(type: "int", nullable: false),
                    QueuedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LateDigests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LateDigests_Remisser_RemissId",
                        column: x => x.RemissId,
                        principalTable: "Remisser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LateDigests_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Reminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RemissId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RecipientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    DaysBefore = table.Column<int>(type: "int", nullable: false),
                    WasSent = table.Column<bool>(type: "bit", nullable: false),
                    QueuedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reminders_Recipients_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "Recipients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Reminders_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LateDigests_RemissId",
                table: "LateDigests",
                column: "RemissId");

            migrationBuilder.CreateIndex(
                name: "IX_LateDigests_TenantId_RemissId_Date",
                table: "LateDigests",
                columns: new[] { "TenantId", "RemissId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_RecipientId",
                table: "Reminders",
                column: "RecipientId");

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_TenantId_RecipientId_Kind_Deadline_DaysBefore",
                table: "Reminders",
                columns: new[] { "TenantId", "RecipientId", "Kind", "Deadline", "DaysBefore" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LateDigests");

            migrationBuilder.DropTable(
                name: "Reminders");

            migrationBuilder.DropColumn(
                name: "DeadlineMovedOn",
                table: "Remisser");

            migrationBuilder.DropColumn(
                name: "ReminderDaysBefore",
                table: "Remisser");

            migrationBuilder.DropColumn(
                name: "ExtendedOn",
                table: "Recipients");

            migrationBuilder.DropColumn(
                name: "InvitedAt",
                table: "Recipients");

            migrationBuilder.DropColumn(
                name: "SendingSince",
                table: "OutboxMessages");
        }
    }
}
