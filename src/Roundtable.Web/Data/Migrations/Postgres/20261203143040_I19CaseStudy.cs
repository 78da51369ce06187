using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Roundtable.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I19CaseStudy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Submission_Project",
                table: "Submissions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_AssessmentCriterion_Project",
                table: "AssessmentCriteria");

            migrationBuilder.AddColumn<int>(
                name: "CaseStudyId",
                table: "Submissions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Regime",
                table: "Programmes",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                // Existing programmes keep the 2017 projects (hand-edited: the generated default was "").
                defaultValue: "Projects");

            migrationBuilder.CreateTable(
                name: "CaseStudies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CohortId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpensAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WordLimit = table.Column<int>(type: "integer", nullable: false),
                    AttendanceThreshold = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStudies", x => x.Id);
                    table.CheckConstraint("CK_CaseStudy_Threshold", "\"AttendanceThreshold\" BETWEEN 0 AND 100");
                    table.CheckConstraint("CK_CaseStudy_Window", "\"ClosesAt\" > \"OpensAt\"");
                    table.CheckConstraint("CK_CaseStudy_WordLimit", "\"WordLimit\" BETWEEN 1500 AND 2500");
                    table.ForeignKey(
                        name: "FK_CaseStudies_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseStudies_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseStudyAdjustments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseStudyId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    EligibleOverride = table.Column<bool>(type: "boolean", nullable: true),
                    EligibilityReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ExtendedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExtensionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStudyAdjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseStudyAdjustments_CaseStudies_CaseStudyId",
                        column: x => x.CaseStudyId,
                        principalTable: "CaseStudies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseStudyAdjustments_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_CaseStudyId_ParticipantId",
                table: "Submissions",
                columns: new[] { "CaseStudyId", "ParticipantId" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_Submission_CaseStudy",
                table: "Submissions",
                sql: "(\"Project\" = 3) = (\"CaseStudyId\" IS NOT NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Submission_Project",
                table: "Submissions",
                sql: "\"Project\" IN (1, 2, 3)");

            migrationBuilder.AddCheckConstraint(
                name: "CK_AssessmentCriterion_Project",
                table: "AssessmentCriteria",
                sql: "\"Project\" IN (1, 2, 3)");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudies_CohortId_OpensAt",
                table: "CaseStudies",
                columns: new[] { "CohortId", "OpensAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudies_FileId",
                table: "CaseStudies",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudyAdjustments_CaseStudyId_ParticipantId",
                table: "CaseStudyAdjustments",
                columns: new[] { "CaseStudyId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudyAdjustments_ParticipantId",
                table: "CaseStudyAdjustments",
                column: "ParticipantId");

            migrationBuilder.AddForeignKey(
                name: "FK_Submissions_CaseStudies_CaseStudyId",
                table: "Submissions",
                column: "CaseStudyId",
                principalTable: "CaseStudies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Submissions_CaseStudies_CaseStudyId",
                table: "Submissions");

            migrationBuilder.DropTable(
                name: "CaseStudyAdjustments");

            migrationBuilder.DropTable(
                name: "CaseStudies");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_CaseStudyId_ParticipantId",
                table: "Submissions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Submission_CaseStudy",
                table: "Submissions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Submission_Project",
                table: "Submissions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_AssessmentCriterion_Project",
                table: "AssessmentCriteria");

            migrationBuilder.DropColumn(
                name: "CaseStudyId",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "Regime",
                table: "Programmes");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Submission_Project",
                table: "Submissions",
                sql: "\"Project\" IN (1, 2)");

            migrationBuilder.AddCheckConstraint(
                name: "CK_AssessmentCriterion_Project",
                table: "AssessmentCriteria",
                sql: "\"Project\" IN (1, 2)");
        }
    }
}
