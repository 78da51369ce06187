using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Roundtable.Web.Data.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RetentionSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeMonths = table.Column<int>(type: "integer", nullable: false),
                    DelegateRecordsMonths = table.Column<int>(type: "integer", nullable: false),
                    AssessmentOutcomeMonths = table.Column<int>(type: "integer", nullable: false),
                    InvoiceMonths = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
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
