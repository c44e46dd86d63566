using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Infrastructure.Migrations.Sqlite.Migrations;

/// <summary>Setup-flow sessions: one row per opening of a ticket URL, found by the hash of the cookie's token.</summary>
[DbContext(typeof(SspDbContext))]
[Migration("20261123180000_FlowSessions")]
public sealed class FlowSessions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "FlowSessions",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                TokenHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                Step = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                Strategy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                DraftJson = table.Column<string>(type: "TEXT", nullable: true),
                TestStateJson = table.Column<string>(type: "TEXT", nullable: true),
                TestResultJson = table.Column<string>(type: "TEXT", nullable: true),
                TestCompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                ConnectionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_FlowSessions", x => x.Id)
        );
        migrationBuilder.CreateIndex(name: "IX_FlowSessions_TokenHash", table: "FlowSessions", column: "TokenHash", unique: true);
        migrationBuilder.CreateIndex(name: "IX_FlowSessions_TicketId", table: "FlowSessions", column: "TicketId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "FlowSessions");

    protected override void BuildTargetModel(ModelBuilder modelBuilder) => FlowSessionsModel.Build(modelBuilder);
}

/// <summary>The model after <see cref="FlowSessions"/>: the initial model plus the sessions table. Frozen.</summary>
internal static class FlowSessionsModel
{
    public static void Build(ModelBuilder modelBuilder)
    {
        InitialSchemaModel.Build(modelBuilder);
        modelBuilder.Entity(
            "SspPortal.Application.SetupFlow.FlowSession",
            b =>
            {
                b.Property<Guid>("Id").ValueGeneratedOnAdd().HasColumnType("TEXT");
                b.Property<string>("ConnectionId").HasMaxLength(32).HasColumnType("TEXT");
                b.Property<DateTime>("CreatedAt").HasColumnType("TEXT");
                b.Property<string>("DraftJson").HasColumnType("TEXT");
                b.Property<DateTime?>("EndedAt").HasColumnType("TEXT");
                b.Property<DateTime>("ExpiresAt").HasColumnType("TEXT");
                b.Property<string>("Step").IsRequired().HasMaxLength(32).HasColumnType("TEXT");
                b.Property<string>("Strategy").HasMaxLength(32).HasColumnType("TEXT");
                b.Property<DateTime?>("TestCompletedAt").HasColumnType("TEXT");
                b.Property<string>("TestResultJson").HasColumnType("TEXT");
                b.Property<string>("TestStateJson").HasColumnType("TEXT");
                b.Property<string>("TenantId").IsRequired().HasMaxLength(64).HasColumnType("TEXT");
                b.Property<Guid>("TicketId").HasColumnType("TEXT");
                b.Property<byte[]>("TokenHash").IsRequired().HasMaxLength(32).HasColumnType("BLOB");
                b.HasKey("Id");
                b.HasIndex("TicketId");
                b.HasIndex("TokenHash").IsUnique();
                b.ToTable("FlowSessions");
            }
        );
    }
}
