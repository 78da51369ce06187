using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roundtable.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddCommunities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BuddyPairs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CohortId = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BuddyPairs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BuddyPairs_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunityGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CohortId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityGroups_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProtocolSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtocolSteps", x => x.Id);
                    table.CheckConstraint("CK_ProtocolStep_Minutes", "\"Minutes\" >= 0 AND \"Minutes\" <= 120");
                });

            migrationBuilder.CreateTable(
                name: "BuddyCheckIns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PairId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BuddyCheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BuddyCheckIns_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BuddyCheckIns_BuddyPairs_PairId",
                        column: x => x.PairId,
                        principalTable: "BuddyPairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BuddyPairMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PairId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BuddyPairMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BuddyPairMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BuddyPairMembers_BuddyPairs_PairId",
                        column: x => x.PairId,
                        principalTable: "BuddyPairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunityMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    CohortId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommunityMembers_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_CommunityMembers_CommunityGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "CommunityGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunitySessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Where = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ChairId = table.Column<string>(type: "TEXT", nullable: true),
                    Successes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Reflections = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    QuestionsForTeam = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    QuestionsResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NextChairId = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunitySessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunitySessions_AspNetUsers_ChairId",
                        column: x => x.ChairId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CommunitySessions_AspNetUsers_NextChairId",
                        column: x => x.NextChairId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CommunitySessions_CommunityGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "CommunityGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProblemCards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Context = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Why = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FrameworkArea = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Specific = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Solvable = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Controllable = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ArtefactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemCards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProblemCards_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProblemCards_CommunitySessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommunitySessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProblemCards_StoredFiles_ArtefactId",
                        column: x => x.ArtefactId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "SessionAttendance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionAttendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionAttendance_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionAttendance_CommunitySessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommunitySessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionTurns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ActionSteps = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ChosenAction = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FollowUp = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionTurns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionTurns_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionTurns_CommunitySessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommunitySessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BuddyCheckIns_AuthorId",
                table: "BuddyCheckIns",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_BuddyCheckIns_PairId",
                table: "BuddyCheckIns",
                column: "PairId");

            migrationBuilder.CreateIndex(
                name: "IX_BuddyPairMembers_PairId_UserId",
                table: "BuddyPairMembers",
                columns: new[] { "PairId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BuddyPairMembers_UserId",
                table: "BuddyPairMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_BuddyPairs_CohortId_Round",
                table: "BuddyPairs",
                columns: new[] { "CohortId", "Round" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityGroups_CohortId_Name",
                table: "CommunityGroups",
                columns: new[] { "CohortId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityMembers_CohortId_UserId",
                table: "CommunityMembers",
                columns: new[] { "CohortId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityMembers_GroupId",
                table: "CommunityMembers",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityMembers_UserId",
                table: "CommunityMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunitySessions_ChairId",
                table: "CommunitySessions",
                column: "ChairId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunitySessions_GroupId_StartsAt",
                table: "CommunitySessions",
                columns: new[] { "GroupId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunitySessions_NextChairId",
                table: "CommunitySessions",
                column: "NextChairId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemCards_ArtefactId",
                table: "ProblemCards",
                column: "ArtefactId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemCards_OwnerId",
                table: "ProblemCards",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemCards_SessionId_OwnerId",
                table: "ProblemCards",
                columns: new[] { "SessionId", "OwnerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProtocolSteps_GroupSize_Position",
                table: "ProtocolSteps",
                columns: new[] { "GroupSize", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionAttendance_SessionId_UserId",
                table: "SessionAttendance",
                columns: new[] { "SessionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionAttendance_UserId",
                table: "SessionAttendance",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionTurns_OwnerId",
                table: "SessionTurns",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionTurns_SessionId_OwnerId",
                table: "SessionTurns",
                columns: new[] { "SessionId", "OwnerId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BuddyCheckIns");

            migrationBuilder.DropTable(
                name: "BuddyPairMembers");

            migrationBuilder.DropTable(
                name: "CommunityMembers");

            migrationBuilder.DropTable(
                name: "ProblemCards");

            migrationBuilder.DropTable(
                name: "ProtocolSteps");

            migrationBuilder.DropTable(
                name: "SessionAttendance");

            migrationBuilder.DropTable(
                name: "SessionTurns");

            migrationBuilder.DropTable(
                name: "BuddyPairs");

            migrationBuilder.DropTable(
                name: "CommunitySessions");

            migrationBuilder.DropTable(
                name: "CommunityGroups");
        }
    }
}
