using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SspPortal.Infrastructure.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseInsensitiveNamesAndKeyRing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Connections_TenantId_Name",
                table: "Connections");

            migrationBuilder.AddColumn<string>(
                name: "NormalizedName",
                table: "Connections",
                type: "TEXT",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            // Added to the generated migration (databases of earlier releases hold connections): every row gets its
            // normalized name; of names that differ only in case, the first keeps it and the others get a suffix that
            // no connection name can contain, so that the unique index holds and no row is lost.
            migrationBuilder.Sql("UPDATE \"Connections\" SET \"NormalizedName\" = lower(\"Name\");");
            migrationBuilder.Sql(
                "UPDATE \"Connections\" SET \"NormalizedName\" = \"NormalizedName\" || '#' || \"Id\" " +
                "WHERE rowid NOT IN (SELECT MIN(rowid) FROM \"Connections\" GROUP BY \"TenantId\", \"NormalizedName\");");

            // The default only filled the existing rows: the model has none (SQLite rebuilds the table for this).
            migrationBuilder.AlterColumn<string>(
                name: "NormalizedName",
                table: "Connections",
                type: "TEXT",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 128,
                oldDefaultValue: "");

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Connections_TenantId_Name",
                table: "Connections",
                columns: new[] { "TenantId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Connections_TenantId_NormalizedName",
                table: "Connections",
                columns: new[] { "TenantId", "NormalizedName" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropIndex(
                name: "IX_Connections_TenantId_Name",
                table: "Connections");

            migrationBuilder.DropIndex(
                name: "IX_Connections_TenantId_NormalizedName",
                table: "Connections");

            migrationBuilder.DropColumn(
                name: "NormalizedName",
                table: "Connections");

            migrationBuilder.CreateIndex(
                name: "IX_Connections_TenantId_Name",
                table: "Connections",
                columns: new[] { "TenantId", "Name" },
                unique: true);
        }
    }
}
