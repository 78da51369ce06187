using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Roundtable.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProtocolLibraryVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DefaultProtocolId",
                table: "Programmes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProtocolVersionId",
                table: "CommunitySessions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProtocolId",
                table: "CommunityGroups",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Protocols",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    BuiltIn = table.Column<bool>(type: "boolean", nullable: false),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: true),
                    CurrentVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Protocols", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Protocols_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ProtocolVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProtocolId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    SessionMinutes = table.Column<int>(type: "integer", nullable: false),
                    Sizes = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Steps = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtocolVersions", x => x.Id);
                    table.CheckConstraint("CK_ProtocolVersion_SessionMinutes", "\"SessionMinutes\" >= 15 AND \"SessionMinutes\" <= 180");
                    table.ForeignKey(
                        name: "FK_ProtocolVersions_Protocols_ProtocolId",
                        column: x => x.ProtocolId,
                        principalTable: "Protocols",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_DefaultProtocolId",
                table: "Programmes",
                column: "DefaultProtocolId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunitySessions_ProtocolVersionId",
                table: "CommunitySessions",
                column: "ProtocolVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityGroups_ProtocolId",
                table: "CommunityGroups",
                column: "ProtocolId");

            migrationBuilder.CreateIndex(
                name: "IX_Protocols_Key",
                table: "Protocols",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Protocols_ProgrammeId",
                table: "Protocols",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtocolVersions_ProtocolId_Number",
                table: "ProtocolVersions",
                columns: new[] { "ProtocolId", "Number" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_CommunityGroups_Protocols_ProtocolId",
                table: "CommunityGroups",
                column: "ProtocolId",
                principalTable: "Protocols",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CommunitySessions_ProtocolVersions_ProtocolVersionId",
                table: "CommunitySessions",
                column: "ProtocolVersionId",
                principalTable: "ProtocolVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Programmes_Protocols_DefaultProtocolId",
                table: "Programmes",
                column: "DefaultProtocolId",
                principalTable: "Protocols",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CommunityGroups_Protocols_ProtocolId",
                table: "CommunityGroups");

            migrationBuilder.DropForeignKey(
                name: "FK_CommunitySessions_ProtocolVersions_ProtocolVersionId",
                table: "CommunitySessions");

            migrationBuilder.DropForeignKey(
                name: "FK_Programmes_Protocols_DefaultProtocolId",
                table: "Programmes");

            migrationBuilder.DropTable(
                name: "ProtocolVersions");

            migrationBuilder.DropTable(
                name: "Protocols");

            migrationBuilder.DropIndex(
                name: "IX_Programmes_DefaultProtocolId",
                table: "Programmes");

            migrationBuilder.DropIndex(
                name: "IX_CommunitySessions_ProtocolVersionId",
                table: "CommunitySessions");

            migrationBuilder.DropIndex(
                name: "IX_CommunityGroups_ProtocolId",
                table: "CommunityGroups");

            migrationBuilder.DropColumn(
                name: "DefaultProtocolId",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "ProtocolVersionId",
                table: "CommunitySessions");

            migrationBuilder.DropColumn(
                name: "ProtocolId",
                table: "CommunityGroups");
        }
    }
}
