using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roundtable.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I15AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AwaitingConfirmation",
                table: "PartnerBillings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Changes",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PersonId",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_PersonId",
                table: "AuditEntries",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_PersonId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "AwaitingConfirmation",
                table: "PartnerBillings");

            migrationBuilder.DropColumn(
                name: "Changes",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "PersonId",
                table: "AuditEntries");
        }
    }
}
