using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Remiss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDocumentTemplate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DocumentTemplateFileName",
                table: "Tenants",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DocumentTemplateSizeBytes",
                table: "Tenants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentTemplateStorageKey",
                table: "Tenants",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DocumentTemplateUploadedAt",
                table: "Tenants",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DocumentTemplateFileName",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "DocumentTemplateSizeBytes",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "DocumentTemplateStorageKey",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "DocumentTemplateUploadedAt",
                table: "Tenants");
        }
    }
}
