using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Roundtable.Web.Data.Migrations.Postgres
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
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LiveBreakouts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StepIndex = table.Column<int>(type: "integer", nullable: false),
                    StepStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PausedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PausedSeconds = table.Column<int>(type: "integer", nullable: false),
                    AdjustSeconds = table.Column<int>(type: "integer", nullable: false),
                    ChairId = table.Column<string>(type: "text", nullable: true),
                    NoteTakerId = table.Column<string>(type: "text", nullable: true),
                    AgendaJson = table.Column<string>(type: "text", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    BreakoutId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
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
