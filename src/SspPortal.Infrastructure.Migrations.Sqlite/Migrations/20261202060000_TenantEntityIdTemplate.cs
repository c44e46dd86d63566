using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Infrastructure.Migrations.Sqlite.Migrations;

/// <summary>A tenant's entity id template for its sign-in system (null: <c>urn:sspportal:{tenant}:{connection}</c>).</summary>
[DbContext(typeof(SspDbContext))]
[Migration("20261202060000_TenantEntityIdTemplate")]
public sealed class TenantEntityIdTemplate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "EntityIdTemplate", table: "Tenants", type: "TEXT", maxLength: 300, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "EntityIdTemplate", table: "Tenants");

    protected override void BuildTargetModel(ModelBuilder modelBuilder) => TenantEntityIdTemplateModel.Build(modelBuilder);
}

/// <summary>The model after <see cref="TenantEntityIdTemplate"/>: the sessions model plus the tenant's column. Frozen.</summary>
internal static class TenantEntityIdTemplateModel
{
    public static void Build(ModelBuilder modelBuilder)
    {
        FlowSessionsModel.Build(modelBuilder);
        modelBuilder.Entity(
            "SspPortal.Application.Tenants.Tenant",
            b => b.Property<string>("EntityIdTemplate").HasMaxLength(300).HasColumnType("TEXT")
        );
    }
}
