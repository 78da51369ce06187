using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Roundtable.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I16Declarations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeclarationRuleSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StartedAfter = table.Column<int>(type: "integer", nullable: false),
                    Retained1After = table.Column<int>(type: "integer", nullable: false),
                    Retained2After = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeclarationRuleSettings", x => x.Id);
                    table.CheckConstraint("CK_DeclarationRuleSettings_Retained1After", "\"Retained1After\" BETWEEN 1 AND 200");
                    table.CheckConstraint("CK_DeclarationRuleSettings_Retained2After", "\"Retained2After\" BETWEEN 1 AND 200");
                    table.CheckConstraint("CK_DeclarationRuleSettings_StartedAfter", "\"StartedAfter\" BETWEEN 1 AND 200");
                });

            migrationBuilder.CreateTable(
                name: "Declarations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DeclarationDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    HasPassed = table.Column<bool>(type: "boolean", nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClaimedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    DfeId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DfeState = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    StatementId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VoidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VoidedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Declarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Declarations_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "DeclarationRuleSettings",
                columns: new[] { "Id", "Retained1After", "Retained2After", "StartedAfter", "UpdatedAt", "UpdatedById" },
                values: new object[] { 1, 4, 8, 1, null, null });

            migrationBuilder.CreateIndex(
                name: "IX_Declarations_DfeId",
                table: "Declarations",
                column: "DfeId");

            migrationBuilder.CreateIndex(
                name: "IX_Declarations_OnePerMilestone",
                table: "Declarations",
                columns: new[] { "ParticipantId", "Type" },
                unique: true,
                filter: "\"State\" <> 'Voided'");

            migrationBuilder.CreateIndex(
                name: "IX_Declarations_State",
                table: "Declarations",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeclarationRuleSettings");

            migrationBuilder.DropTable(
                name: "Declarations");
        }
    }
}
