using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roundtable.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddNpqhProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Project = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentCriteria", x => x.Id);
                    table.CheckConstraint("CK_AssessmentCriterion_Project", "\"Project\" IN (1, 2)");
                });

            migrationBuilder.CreateTable(
                name: "BankHolidayFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstYear = table.Column<int>(type: "INTEGER", nullable: false),
                    LastYear = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankHolidayFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Exemplars",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Project = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Exemplars", x => x.Id);
                    table.CheckConstraint("CK_Exemplar_Project", "\"Project\" IN (1, 2)");
                    table.ForeignKey(
                        name: "FK_Exemplars_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Project1s",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    BaselineEvidence = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    SuccessCriteria = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    Team = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlannedEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BoardPresentedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BoardFeedback = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    ImplementationStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Evaluation = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Project1s", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Project1s_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Project2s",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacementSchoolName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PlacementSchoolUrn = table.Column<int>(type: "INTEGER", nullable: true),
                    PlacementSchoolPhase = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ContrastPerformance = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    ContrastPupilProfile = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    ContrastGeography = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    ContrastOther = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    Challenges = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    ActionPlan = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    BoardPresentedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BoardFeedback = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Project2s", x => x.Id);
                    table.CheckConstraint("CK_Project2_Urn", "\"PlacementSchoolUrn\" IS NULL OR \"PlacementSchoolUrn\" BETWEEN 100000 AND 999999");
                    table.ForeignKey(
                        name: "FK_Project2s_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequirementOverrides",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Project = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequirementOverrides", x => x.Id);
                    table.CheckConstraint("CK_RequirementOverride_Project", "\"Project\" IN (1, 2)");
                    table.ForeignKey(
                        name: "FK_RequirementOverrides_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SchoolTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AcademicYear = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolTerms", x => x.Id);
                    table.CheckConstraint("CK_SchoolTerm_Dates", "\"End\" >= \"Start\"");
                });

            migrationBuilder.CreateTable(
                name: "Submissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Project = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Section1 = table.Column<string>(type: "TEXT", maxLength: 60000, nullable: false),
                    Section2 = table.Column<string>(type: "TEXT", maxLength: 60000, nullable: false),
                    Section3 = table.Column<string>(type: "TEXT", maxLength: 60000, nullable: false),
                    Annexes = table.Column<string>(type: "TEXT", maxLength: 60000, nullable: false),
                    Words = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssessorId = table.Column<string>(type: "TEXT", nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    OutcomeComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AssessedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReleasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReleasedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Submissions", x => x.Id);
                    table.CheckConstraint("CK_Submission_Project", "\"Project\" IN (1, 2)");
                    table.CheckConstraint("CK_Submission_Version", "\"Version\" >= 1");
                    table.ForeignKey(
                        name: "FK_Submissions_AspNetUsers_AssessorId",
                        column: x => x.AssessorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Submissions_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Project2Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AmountPence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetLines", x => x.Id);
                    table.CheckConstraint("CK_BudgetLine_Amount", "\"AmountPence\" BETWEEN -10000000000 AND 10000000000");
                    table.ForeignKey(
                        name: "FK_BudgetLines_Project2s_Project2Id",
                        column: x => x.Project2Id,
                        principalTable: "Project2s",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClosureDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Project2Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosureDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClosureDays_Project2s_Project2Id",
                        column: x => x.Project2Id,
                        principalTable: "Project2s",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlacementDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Project2Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlacementDays_Project2s_Project2Id",
                        column: x => x.Project2Id,
                        principalTable: "Project2s",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CriterionJudgements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmissionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Met = table.Column<bool>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CriterionJudgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CriterionJudgements_AssessmentCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "AssessmentCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CriterionJudgements_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmissionId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmissionDocuments_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SubmissionDocuments_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DocumentCriteria",
                columns: table => new
                {
                    SubmissionDocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentCriteria", x => new { x.SubmissionDocumentId, x.CriterionId });
                    table.ForeignKey(
                        name: "FK_DocumentCriteria_AssessmentCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "AssessmentCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DocumentCriteria_SubmissionDocuments_SubmissionDocumentId",
                        column: x => x.SubmissionDocumentId,
                        principalTable: "SubmissionDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentCriteria_Project_Code",
                table: "AssessmentCriteria",
                columns: new[] { "Project", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BankHolidayFiles_UploadedAt",
                table: "BankHolidayFiles",
                column: "UploadedAt");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLines_Project2Id_Year",
                table: "BudgetLines",
                columns: new[] { "Project2Id", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_ClosureDays_Project2Id_Date",
                table: "ClosureDays",
                columns: new[] { "Project2Id", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CriterionJudgements_CriterionId",
                table: "CriterionJudgements",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_CriterionJudgements_SubmissionId_CriterionId",
                table: "CriterionJudgements",
                columns: new[] { "SubmissionId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentCriteria_CriterionId",
                table: "DocumentCriteria",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_Exemplars_FileId",
                table: "Exemplars",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Exemplars_Project_Title",
                table: "Exemplars",
                columns: new[] { "Project", "Title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlacementDays_Project2Id_Date",
                table: "PlacementDays",
                columns: new[] { "Project2Id", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Project1s_ParticipantId",
                table: "Project1s",
                column: "ParticipantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Project2s_ParticipantId",
                table: "Project2s",
                column: "ParticipantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequirementOverrides_ParticipantId_Project_Key",
                table: "RequirementOverrides",
                columns: new[] { "ParticipantId", "Project", "Key" },
                unique: true,
                filter: "\"WithdrawnAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolTerms_Name",
                table: "SchoolTerms",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SchoolTerms_Start",
                table: "SchoolTerms",
                column: "Start",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionDocuments_FileId",
                table: "SubmissionDocuments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionDocuments_SubmissionId_FileId",
                table: "SubmissionDocuments",
                columns: new[] { "SubmissionId", "FileId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_AssessorId_Status",
                table: "Submissions",
                columns: new[] { "AssessorId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_ParticipantId_Project_Version",
                table: "Submissions",
                columns: new[] { "ParticipantId", "Project", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BankHolidayFiles");

            migrationBuilder.DropTable(
                name: "BudgetLines");

            migrationBuilder.DropTable(
                name: "ClosureDays");

            migrationBuilder.DropTable(
                name: "CriterionJudgements");

            migrationBuilder.DropTable(
                name: "DocumentCriteria");

            migrationBuilder.DropTable(
                name: "Exemplars");

            migrationBuilder.DropTable(
                name: "PlacementDays");

            migrationBuilder.DropTable(
                name: "Project1s");

            migrationBuilder.DropTable(
                name: "RequirementOverrides");

            migrationBuilder.DropTable(
                name: "SchoolTerms");

            migrationBuilder.DropTable(
                name: "AssessmentCriteria");

            migrationBuilder.DropTable(
                name: "SubmissionDocuments");

            migrationBuilder.DropTable(
                name: "Project2s");

            migrationBuilder.DropTable(
                name: "Submissions");
        }
    }
}
