using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Roundtable.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I19SelfBilling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Form",
                table: "Submissions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Standard");

            migrationBuilder.AddColumn<string>(
                name: "AreaExperience",
                table: "Project2s",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AreaToImprove",
                table: "Project2s",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "LeadsActionPlan",
                table: "Project2s",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Project1s",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WholeSchool",
                table: "Project1s",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DisputeReason",
                table: "Invoices",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DisputedAt",
                table: "Invoices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SelfBillingAgreementId",
                table: "Invoices",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phase",
                table: "Exemplars",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProgrammeContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeContacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SelfBillingAgreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartnerId = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TermsText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AcceptedName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcceptedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    EndReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfBillingAgreements", x => x.Id);
                    table.CheckConstraint("CK_SelfBillingAgreement_Dates", "\"EndsOn\" > \"StartsOn\"");
                    table.ForeignKey(
                        name: "FK_SelfBillingAgreements_PartnerProfiles_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "PartnerProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_SelfBillingAgreementId",
                table: "Invoices",
                column: "SelfBillingAgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfBillingAgreements_PartnerId_StartsOn",
                table: "SelfBillingAgreements",
                columns: new[] { "PartnerId", "StartsOn" });

            migrationBuilder.AddForeignKey(
                name: "FK_Invoices_SelfBillingAgreements_SelfBillingAgreementId",
                table: "Invoices",
                column: "SelfBillingAgreementId",
                principalTable: "SelfBillingAgreements",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Invoices_SelfBillingAgreements_SelfBillingAgreementId",
                table: "Invoices");

            migrationBuilder.DropTable(
                name: "ProgrammeContacts");

            migrationBuilder.DropTable(
                name: "SelfBillingAgreements");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_SelfBillingAgreementId",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "Form",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "AreaExperience",
                table: "Project2s");

            migrationBuilder.DropColumn(
                name: "AreaToImprove",
                table: "Project2s");

            migrationBuilder.DropColumn(
                name: "LeadsActionPlan",
                table: "Project2s");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "Project1s");

            migrationBuilder.DropColumn(
                name: "WholeSchool",
                table: "Project1s");

            migrationBuilder.DropColumn(
                name: "DisputeReason",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "DisputedAt",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "SelfBillingAgreementId",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "Phase",
                table: "Exemplars");
        }
    }
}
