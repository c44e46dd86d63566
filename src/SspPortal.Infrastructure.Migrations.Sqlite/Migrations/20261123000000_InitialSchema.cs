using Microsoft.EntityFrameworkCore.Migrations;

namespace SspPortal.Infrastructure.Migrations.Sqlite.Migrations;

/// <summary>
/// The first schema: tenants, profiles (user attributes and branding as JSON columns), custom text,
/// tickets, connections and the audit log. Written by hand (see docs/adr/004-migrations-without-dotnet-ef.md);
/// the schema test proves it creates exactly what the model describes.
/// </summary>
public partial class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Actor = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                TargetId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                ProfileId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                At = table.Column<DateTime>(type: "TEXT", nullable: false),
                Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AuditEntries", x => x.Id)
        );

        migrationBuilder.CreateTable(
            name: "Connections",
            columns: table => new
            {
                Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                DisplayName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                Strategy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                OptionsJson = table.Column<string>(type: "TEXT", nullable: false),
                DomainAliases = table.Column<string>(type: "TEXT", nullable: false),
                EnabledClients = table.Column<string>(type: "TEXT", nullable: false),
                EnabledOrganizationsJson = table.Column<string>(type: "TEXT", nullable: false),
                IsDomainConnection = table.Column<bool>(type: "INTEGER", nullable: false),
                ShowAsButton = table.Column<bool>(type: "INTEGER", nullable: false),
                Metadata = table.Column<string>(type: "TEXT", nullable: false),
                Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                CreatedFromTicketId = table.Column<Guid>(type: "TEXT", nullable: true),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Connections", x => x.Id)
        );

        migrationBuilder.CreateTable(
            name: "SsoTickets",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                ProfileId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                SecretHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                IssuedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                FirstOpenedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                OpenCount = table.Column<int>(type: "INTEGER", nullable: false),
                RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                ConnectionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                Domain = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                RequestJson = table.Column<string>(type: "TEXT", nullable: false),
                CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_SsoTickets", x => x.Id)
        );

        migrationBuilder.CreateTable(
            name: "Tenants",
            columns: table => new
            {
                Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Domain = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                CustomDomains = table.Column<string>(type: "TEXT", nullable: false),
                MaxProfiles = table.Column<int>(type: "INTEGER", nullable: true),
                EntraTenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                LoginCallbackUrl = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Tenants", x => x.Id)
        );

        migrationBuilder.CreateTable(
            name: "SelfServiceProfiles",
            columns: table => new
            {
                Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                Description = table.Column<string>(type: "TEXT", maxLength: 140, nullable: true),
                AllowedStrategies = table.Column<string>(type: "TEXT", nullable: false),
                UserAttributeProfileId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                Version = table.Column<Guid>(type: "TEXT", nullable: false),
                Branding = table.Column<string>(type: "TEXT", nullable: true),
                UserAttributes = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SelfServiceProfiles", x => x.Id);
                table.ForeignKey(
                    name: "FK_SelfServiceProfiles_Tenants_TenantId",
                    column: x => x.TenantId,
                    principalTable: "Tenants",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict
                );
            }
        );

        migrationBuilder.CreateTable(
            name: "CustomTexts",
            columns: table => new
            {
                ProfileId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                Page = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Entries = table.Column<string>(type: "TEXT", nullable: false),
                UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CustomTexts", x => new { x.ProfileId, x.Language, x.Page });
                table.ForeignKey(
                    name: "FK_CustomTexts_SelfServiceProfiles_ProfileId",
                    column: x => x.ProfileId,
                    principalTable: "SelfServiceProfiles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade
                );
            }
        );

        migrationBuilder.CreateIndex(name: "IX_AuditEntries_TenantId_At", table: "AuditEntries", columns: ["TenantId", "At"]);
        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_TenantId_ProfileId",
            table: "AuditEntries",
            columns: ["TenantId", "ProfileId"]
        );
        migrationBuilder.CreateIndex(
            name: "IX_Connections_TenantId_Name",
            table: "Connections",
            columns: ["TenantId", "Name"],
            unique: true
        );
        migrationBuilder.CreateIndex(name: "IX_CustomTexts_TenantId", table: "CustomTexts", column: "TenantId");
        migrationBuilder.CreateIndex(
            name: "IX_SelfServiceProfiles_TenantId_CreatedAt_Id",
            table: "SelfServiceProfiles",
            columns: ["TenantId", "CreatedAt", "Id"]
        );
        migrationBuilder.CreateIndex(name: "IX_SsoTickets_SecretHash", table: "SsoTickets", column: "SecretHash", unique: true);
        migrationBuilder.CreateIndex(
            name: "IX_SsoTickets_TenantId_ProfileId_CreatedAt",
            table: "SsoTickets",
            columns: ["TenantId", "ProfileId", "CreatedAt"]
        );
        migrationBuilder.CreateIndex(name: "IX_Tenants_EntraTenantId", table: "Tenants", column: "EntraTenantId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AuditEntries");
        migrationBuilder.DropTable(name: "Connections");
        migrationBuilder.DropTable(name: "CustomTexts");
        migrationBuilder.DropTable(name: "SsoTickets");
        migrationBuilder.DropTable(name: "SelfServiceProfiles");
        migrationBuilder.DropTable(name: "Tenants");
    }
}
