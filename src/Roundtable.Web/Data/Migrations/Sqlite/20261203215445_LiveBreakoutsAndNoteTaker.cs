using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roundtable.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LiveBreakoutsAndNoteTaker : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NoteTakerId",
                table: "LiveSessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LiveBreakouts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StepIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    StepStartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PausedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PausedSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    AdjustSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    ChairId = table.Column<string>(type: "TEXT", nullable: true),
                    NoteTakerId = table.Column<string>(type: "TEXT", nullable: true),
                    AgendaJson = table.Column<string>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveBreakouts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveBreakouts_CommunitySessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommunitySessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveBreakoutMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    BreakoutId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveBreakoutMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveBreakoutMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LiveBreakoutMembers_LiveBreakouts_BreakoutId",
                        column: x => x.BreakoutId,
                        principalTable: "LiveBreakouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LiveBreakoutMembers_BreakoutId",
                table: "LiveBreakoutMembers",
                column: "BreakoutId");

            migrationBuilder.CreateIndex(
                name: "IX_LiveBreakoutMembers_SessionId_UserId",
                table: "LiveBreakoutMembers",
                columns: new[] { "SessionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveBreakoutMembers_UserId",
                table: "LiveBreakoutMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_LiveBreakouts_SessionId_Number",
                table: "LiveBreakouts",
                columns: new[] { "SessionId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LiveBreakoutMembers");

            migrationBuilder.DropTable(
                name: "LiveBreakouts");

            migrationBuilder.DropColumn(
                name: "NoteTakerId",
                table: "LiveSessions");
        }
    }
}
