using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Remiss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AfterTheAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FinalSummarySha256",
                table: "Remisser",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FinalSummarySizeBytes",
                table: "Remisser",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FinalSummaryStorageKey",
                table: "Remisser",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "QuestionComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RemissId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSavedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSavedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionComments_Remisser_RemissId",
                        column: x => x.RemissId,
                        principalTable: "Remisser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QuestionComments_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RaisedPoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RemissId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Section = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Disposition = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ThemeIds = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LastSavedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSavedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RaisedPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RaisedPoints_Recipients_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "Recipients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RaisedPoints_Remisser_RemissId",
                        column: x => x.RemissId,
                        principalTable: "Remisser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RaisedPoints_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Themes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RemissId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Themes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Themes_Remisser_RemissId",
                        column: x => x.RemissId,
                        principalTable: "Remisser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Themes_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionComments_RemissId",
                table: "QuestionComments",
                column: "RemissId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionComments_TenantId_RemissId_QuestionNumber",
                table: "QuestionComments",
                columns: new[] { "TenantId", "RemissId", "QuestionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RaisedPoints_RecipientId",
                table: "RaisedPoints",
                column: "RecipientId");

            migrationBuilder.CreateIndex(
                name: "IX_RaisedPoints_RemissId",
                table: "RaisedPoints",
                column: "RemissId");

            migrationBuilder.CreateIndex(
                name: "IX_RaisedPoints_TenantId_RecipientId",
                table: "RaisedPoints",
                columns: new[] { "TenantId", "RecipientId" });

            migrationBuilder.CreateIndex(
                name: "IX_RaisedPoints_TenantId_RemissId_QuestionNumber",
                table: "RaisedPoints",
                columns: new[] { "TenantId", "RemissId", "QuestionNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Themes_RemissId",
                table: "Themes",
                column: "RemissId");

            migrationBuilder.CreateIndex(
                name: "IX_Themes_TenantId_RemissId_Name",
                table: "Themes",
                columns: new[] { "TenantId", "RemissId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuestionComments");

            migrationBuilder.DropTable(
                name: "RaisedPoints");

            migrationBuilder.DropTable(
                name: "Themes");

            migrationBuilder.DropColumn(
                name: "FinalSummarySha256",
                table: "Remisser");

            migrationBuilder.DropColumn(
                name: "FinalSummarySizeBytes",
                table: "Remisser");

            migrationBuilder.DropColumn(
                name: "FinalSummaryStorageKey",
                table: "Remisser");
        }
    }
}
