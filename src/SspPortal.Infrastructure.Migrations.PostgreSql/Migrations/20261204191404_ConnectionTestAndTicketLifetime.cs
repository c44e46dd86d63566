using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SspPortal.Infrastructure.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ConnectionTestAndTicketLifetime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DefaultTicketLifetimeDays",
                table: "Tenants",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LastTestPassed",
                table: "Connections",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastTestedAt",
                table: "Connections",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DefaultTicketLifetimeDays",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "LastTestPassed",
                table: "Connections");

            migrationBuilder.DropColumn(
                name: "LastTestedAt",
                table: "Connections");
        }
    }
}
