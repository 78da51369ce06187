using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roundtable.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I15Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ErasedAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RetentionSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    DelegateRecordsMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    AssessmentOutcomeMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    InvoiceMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionSettings", x => x.Id);
                    table.CheckConstraint("CK_RetentionSettings_AssessmentOutcomeMonths", "\"AssessmentOutcomeMonths\" BETWEEN 1 AND 240");
                    table.CheckConstraint("CK_RetentionSettings_DelegateRecordsMonths", "\"DelegateRecordsMonths\" BETWEEN 1 AND 240");
                    table.CheckConstraint("CK_RetentionSettings_InvoiceMonths", "\"InvoiceMonths\" BETWEEN 1 AND 240");
                    table.CheckConstraint("CK_RetentionSettings_ProgrammeMonths", "\"ProgrammeMonths\" BETWEEN 1 AND 240");
                });

            migrationBuilder.InsertData(
                table: "RetentionSettings",
                columns: new[] { "Id", "AssessmentOutcomeMonths", "DelegateRecordsMonths", "InvoiceMonths", "ProgrammeMonths", "UpdatedAt", "UpdatedById" },
                values: new object[] { 1, 72, 12, 72, 18, null, null });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RetentionSettings");

            migrationBuilder.DropColumn(
                name: "ErasedAt",
                table: "AspNetUsers");
        }
    }
}
