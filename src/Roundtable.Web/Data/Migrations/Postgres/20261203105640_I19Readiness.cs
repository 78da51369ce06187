using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roundtable.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I19Readiness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccountExcluded",
                table: "Submissions",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "AccountFileId",
                table: "Submissions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AccountFileWords",
                table: "Submissions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BoardFeedbackOn",
                table: "Project1s",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SmartTarget",
                table: "Project1s",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_AccountFileId",
                table: "Submissions",
                column: "AccountFileId");

            migrationBuilder.AddForeignKey(
                name: "FK_Submissions_StoredFiles_AccountFileId",
                table: "Submissions",
                column: "AccountFileId",
                principalTable: "StoredFiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Submissions_StoredFiles_AccountFileId",
                table: "Submissions");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_AccountFileId",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "AccountExcluded",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "AccountFileId",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "AccountFileWords",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "BoardFeedbackOn",
                table: "Project1s");

            migrationBuilder.DropColumn(
                name: "SmartTarget",
                table: "Project1s");
        }
    }
}
