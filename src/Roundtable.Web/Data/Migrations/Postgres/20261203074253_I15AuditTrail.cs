using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roundtable.Web.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Changes",
                table: "AuditEntries",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PersonId",
                table: "AuditEntries",
                type: "character varying(450)",
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

            // Append-only backstop: whatever the client, PostgreSQL refuses to change or delete an entry.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'Audit entries are append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON "AuditEntries"
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_entries_append_only ON "AuditEntries";
                DROP FUNCTION IF EXISTS audit_entries_append_only();
                """);

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
