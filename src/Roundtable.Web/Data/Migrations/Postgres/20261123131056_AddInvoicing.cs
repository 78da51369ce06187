using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Roundtable.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddInvoicing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FeeRates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartnerId = table.Column<int>(type: "integer", nullable: true),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    AmountPence = table.Column<long>(type: "bigint", nullable: false),
                    SetAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SetById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeeRates", x => x.Id);
                    table.CheckConstraint("CK_FeeRate_Amount", "\"AmountPence\" BETWEEN 0 AND 10000000");
                    table.ForeignKey(
                        name: "FK_FeeRates_PartnerProfiles_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "PartnerProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InvoiceCounters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoiceCounters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Invoices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PartnerId = table.Column<int>(type: "integer", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PartnerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PartnerEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    PartnerAddress = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PaymentDetails = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    VatNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SubtotalPence = table.Column<long>(type: "bigint", nullable: false),
                    VatPence = table.Column<long>(type: "bigint", nullable: false),
                    TotalPence = table.Column<long>(type: "bigint", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RejectReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PaymentReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PaidRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PaidRecordedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invoices_PartnerProfiles_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "PartnerProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InvoicingSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    NoShowPayable = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoicingSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerBillings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartnerId = table.Column<int>(type: "integer", nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PaymentDetails = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    VatRegistered = table.Column<bool>(type: "boolean", nullable: false),
                    VatNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerBillings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerBillings_PartnerProfiles_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "PartnerProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InvoiceLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvoiceId = table.Column<int>(type: "integer", nullable: false),
                    BookingId = table.Column<int>(type: "integer", nullable: false),
                    ActiveBookingId = table.Column<int>(type: "integer", nullable: true),
                    TutorialDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Project = table.Column<int>(type: "integer", nullable: false),
                    DelegateInitials = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    FeePence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoiceLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvoiceLines_Bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InvoiceLines_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "InvoiceCounters",
                columns: new[] { "Id", "Last" },
                values: new object[] { 1, 0L });

            migrationBuilder.InsertData(
                table: "InvoicingSettings",
                columns: new[] { "Id", "NoShowPayable" },
                values: new object[] { 1, false });

            migrationBuilder.CreateIndex(
                name: "IX_FeeRates_PartnerId_From",
                table: "FeeRates",
                columns: new[] { "PartnerId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLines_ActiveBookingId",
                table: "InvoiceLines",
                column: "ActiveBookingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLines_BookingId",
                table: "InvoiceLines",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLines_InvoiceId",
                table: "InvoiceLines",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_Number",
                table: "Invoices",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_PartnerId_Status",
                table: "Invoices",
                columns: new[] { "PartnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_Sequence",
                table: "Invoices",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_Status_IssuedOn",
                table: "Invoices",
                columns: new[] { "Status", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerBillings_PartnerId",
                table: "PartnerBillings",
                column: "PartnerId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeeRates");

            migrationBuilder.DropTable(
                name: "InvoiceCounters");

            migrationBuilder.DropTable(
                name: "InvoiceLines");

            migrationBuilder.DropTable(
                name: "InvoicingSettings");

            migrationBuilder.DropTable(
                name: "PartnerBillings");

            migrationBuilder.DropTable(
                name: "Invoices");
        }
    }
}
