using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Roundtable.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I16DfeLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DfeCourseIdentifier",
                table: "Programmes",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DfeParticipantId",
                table: "Participants",
                type: "character varying(36)",
                maxLength: 36,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrainingStatus",
                table: "Participants",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Active");

            migrationBuilder.AddColumn<int>(
                name: "DfeCohortYear",
                table: "Cohorts",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DfeApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DfeId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    DfeParticipantId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CourseIdentifier = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SchoolUrn = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    SchoolUkprn = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    EmployerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EmploymentRole = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DfeCohort = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ScheduleIdentifier = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    FundingChoice = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    EligibleForFunding = table.Column<bool>(type: "boolean", nullable: true),
                    IneligibleForFundingReason = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    TargetedDeliveryFundingEligibility = table.Column<bool>(type: "boolean", nullable: true),
                    FundedPlace = table.Column<bool>(type: "boolean", nullable: true),
                    HeadteacherStatus = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    WorksInSchool = table.Column<bool>(type: "boolean", nullable: true),
                    TeacherReferenceNumberValidated = table.Column<bool>(type: "boolean", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReasonForRejection = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DfeUpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SyncedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ParticipantRowId = table.Column<int>(type: "integer", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LastErrorAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DfeApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DfeApplications_Participants_ParticipantRowId",
                        column: x => x.ParticipantRowId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "DfeSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    BaseUrl = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ProtectedToken = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    TokenEnding = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    ProviderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    LastSyncStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSyncFinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSyncOutcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LastSyncFailed = table.Column<bool>(type: "boolean", nullable: false),
                    ApplicationsSyncedTo = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ParticipantsSyncedTo = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DfeSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DfeStatusChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParticipantRowId = table.Column<int>(type: "integer", nullable: false),
                    Change = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DfeStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DfeStatusChanges_Participants_ParticipantRowId",
                        column: x => x.ParticipantRowId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_DfeParticipantId",
                table: "Participants",
                column: "DfeParticipantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DfeApplications_DfeId",
                table: "DfeApplications",
                column: "DfeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DfeApplications_ParticipantRowId",
                table: "DfeApplications",
                column: "ParticipantRowId");

            migrationBuilder.CreateIndex(
                name: "IX_DfeApplications_Status_FullName",
                table: "DfeApplications",
                columns: new[] { "Status", "FullName" });

            migrationBuilder.CreateIndex(
                name: "IX_DfeStatusChanges_ParticipantRowId",
                table: "DfeStatusChanges",
                column: "ParticipantRowId");

            migrationBuilder.CreateIndex(
                name: "IX_DfeStatusChanges_State_RecordedAt",
                table: "DfeStatusChanges",
                columns: new[] { "State", "RecordedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DfeApplications");

            migrationBuilder.DropTable(
                name: "DfeSettings");

            migrationBuilder.DropTable(
                name: "DfeStatusChanges");

            migrationBuilder.DropIndex(
                name: "IX_Participants_DfeParticipantId",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "DfeCourseIdentifier",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "DfeParticipantId",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "TrainingStatus",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "DfeCohortYear",
                table: "Cohorts");
        }
    }
}
