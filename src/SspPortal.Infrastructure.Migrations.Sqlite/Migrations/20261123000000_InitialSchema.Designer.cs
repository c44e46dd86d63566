using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Infrastructure.Migrations.Sqlite.Migrations;

[DbContext(typeof(SspDbContext))]
[Migration("20261123000000_InitialSchema")]
public partial class InitialSchema
{
    /// <summary>The model as it stood after this migration (SQLite rebuilds tables from it in later migrations).</summary>
    protected override void BuildTargetModel(ModelBuilder modelBuilder) => InitialSchemaModel.Build(modelBuilder);
}

/// <summary>
/// The model after <see cref="InitialSchema"/>, spelled out without conventions the way EF's snapshots are.
/// Frozen: a later migration gets its own target model, and <see cref="SspDbContextModelSnapshot"/> moves on with it.
/// </summary>
internal static class InitialSchemaModel
{
    public static void Build(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "9.0.20");

        modelBuilder.Entity(
            "SspPortal.Application.Audit.AuditEntry",
            b =>
            {
                b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                b.Property<string>("Action").IsRequired().HasMaxLength(64).HasColumnType("TEXT");
                b.Property<string>("Actor").IsRequired().HasMaxLength(300).HasColumnType("TEXT");
                b.Property<DateTime>("At").HasColumnType("TEXT");
                b.Property<string>("ProfileId").HasMaxLength(32).HasColumnType("TEXT");
                b.Property<string>("Summary").IsRequired().HasMaxLength(1000).HasColumnType("TEXT");
                b.Property<string>("TargetId").IsRequired().HasMaxLength(64).HasColumnType("TEXT");
                b.Property<string>("TenantId").IsRequired().HasMaxLength(64).HasColumnType("TEXT");
                b.HasKey("Id");
                b.HasIndex("TenantId", "At");
                b.HasIndex("TenantId", "ProfileId");
                b.ToTable("AuditEntries");
            }
        );

        modelBuilder.Entity(
            "SspPortal.Application.Connections.Connection",
            b =>
            {
                b.Property<string>("Id").HasMaxLength(32).HasColumnType("TEXT");
                b.Property<DateTime>("CreatedAt").HasColumnType("TEXT");
                b.Property<Guid?>("CreatedFromTicketId").HasColumnType("TEXT");
                b.Property<string>("DisplayName").HasMaxLength(128).HasColumnType("TEXT");
                b.PrimitiveCollection<string>("DomainAliases").IsRequired().HasColumnType("TEXT");
                b.Property<bool>("Enabled").HasColumnType("INTEGER");
                b.PrimitiveCollection<string>("EnabledClients").IsRequired().HasColumnType("TEXT");
                b.Property<string>("EnabledOrganizationsJson").IsRequired().HasColumnType("TEXT");
                b.Property<bool>("IsDomainConnection").HasColumnType("INTEGER");
                b.Property<string>("Metadata").IsRequired().HasColumnType("TEXT");
                b.Property<string>("Name").IsRequired().HasMaxLength(128).HasColumnType("TEXT");
                b.Property<string>("OptionsJson").IsRequired().HasColumnType("TEXT");
                b.Property<bool>("ShowAsButton").HasColumnType("INTEGER");
                b.Property<string>("Strategy").HasMaxLength(32).HasColumnType("TEXT");
                b.Property<string>("TenantId").IsRequired().HasMaxLength(64).HasColumnType("TEXT");
                b.Property<DateTime>("UpdatedAt").HasColumnType("TEXT");
                b.HasKey("Id");
                b.HasIndex("TenantId", "Name").IsUnique();
                b.ToTable("Connections");
            }
        );

        modelBuilder.Entity(
            "SspPortal.Application.CustomTexts.CustomText",
            b =>
            {
                b.Property<string>("ProfileId").HasMaxLength(32).HasColumnType("TEXT");
                b.Property<string>("Language").HasMaxLength(16).HasColumnType("TEXT");
                b.Property<string>("Page").HasMaxLength(32).HasColumnType("TEXT");
                b.Property<string>("Entries").IsRequired().HasColumnType("TEXT");
                b.Property<string>("TenantId").IsRequired().HasMaxLength(64).HasColumnType("TEXT");
                b.Property<DateTime>("UpdatedAt").HasColumnType("TEXT");
                b.HasKey("ProfileId", "Language", "Page");
                b.HasIndex("TenantId");
                b.ToTable("CustomTexts");
            }
        );

        modelBuilder.Entity(
            "SspPortal.Application.Profiles.SelfServiceProfile",
            b =>
            {
                b.Property<string>("Id").HasMaxLength(32).HasColumnType("TEXT");
                b.PrimitiveCollection<string>("AllowedStrategies").IsRequired().HasColumnType("TEXT");
                b.Property<DateTime>("CreatedAt").HasColumnType("TEXT");
                b.Property<string>("Description").HasMaxLength(140).HasColumnType("TEXT");
                b.Property<string>("Name").IsRequired().HasMaxLength(100).HasColumnType("TEXT");
                b.Property<string>("TenantId").IsRequired().HasMaxLength(64).HasColumnType("TEXT");
                b.Property<DateTime>("UpdatedAt").HasColumnType("TEXT");
                b.Property<string>("UserAttributeProfileId").HasMaxLength(64).HasColumnType("TEXT");
                b.Property<Guid>("Version").IsConcurrencyToken().HasColumnType("TEXT");
                b.HasKey("Id");
                b.HasIndex("TenantId", "CreatedAt", "Id");
                b.ToTable("SelfServiceProfiles");
            }
        );

        modelBuilder.Entity(
            "SspPortal.Application.Tenants.Tenant",
            b =>
            {
                b.Property<string>("Id").HasMaxLength(64).HasColumnType("TEXT");
                b.Property<DateTime>("CreatedAt").HasColumnType("TEXT");
                b.PrimitiveCollection<string>("CustomDomains").IsRequired().HasColumnType("TEXT");
                b.Property<string>("DisplayName").IsRequired().HasMaxLength(200).HasColumnType("TEXT");
                b.Property<string>("Domain").IsRequired().HasMaxLength(255).HasColumnType("TEXT");
                b.Property<string>("EntraTenantId").HasMaxLength(64).HasColumnType("TEXT");
                b.Property<string>("LoginCallbackUrl").HasMaxLength(1024).HasColumnType("TEXT");
                b.Property<int?>("MaxProfiles").HasColumnType("INTEGER");
                b.HasKey("Id");
                b.HasIndex("EntraTenantId");
                b.ToTable("Tenants");
            }
        );

        modelBuilder.Entity(
            "SspPortal.Application.Tickets.SsoTicket",
            b =>
            {
                b.Property<Guid>("Id").ValueGeneratedOnAdd().HasColumnType("TEXT");
                b.Property<DateTime?>("CompletedAt").HasColumnType("TEXT");
                b.Property<string>("ConnectionId").HasMaxLength(32).HasColumnType("TEXT");
                b.Property<DateTime>("CreatedAt").HasColumnType("TEXT");
                b.Property<string>("Domain").IsRequired().HasMaxLength(255).HasColumnType("TEXT");
                b.Property<DateTime>("ExpiresAt").HasColumnType("TEXT");
                b.Property<DateTime?>("FirstOpenedAt").HasColumnType("TEXT");
                b.Property<string>("IssuedBy").IsRequired().HasMaxLength(300).HasColumnType("TEXT");
                b.Property<int>("OpenCount").HasColumnType("INTEGER");
                b.Property<string>("ProfileId").IsRequired().HasMaxLength(32).HasColumnType("TEXT");
                b.Property<string>("RequestJson").IsRequired().HasColumnType("TEXT");
                b.Property<DateTime?>("RevokedAt").HasColumnType("TEXT");
                b.Property<byte[]>("SecretHash").IsRequired().HasMaxLength(32).HasColumnType("BLOB");
                b.Property<string>("TenantId").IsRequired().HasMaxLength(64).HasColumnType("TEXT");
                b.HasKey("Id");
                b.HasIndex("SecretHash").IsUnique();
                b.HasIndex("TenantId", "ProfileId", "CreatedAt");
                b.ToTable("SsoTickets");
            }
        );

        modelBuilder.Entity(
            "SspPortal.Application.CustomTexts.CustomText",
            b =>
                b.HasOne("SspPortal.Application.Profiles.SelfServiceProfile", null)
                    .WithMany()
                    .HasForeignKey("ProfileId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired()
        );

        modelBuilder.Entity(
            "SspPortal.Application.Profiles.SelfServiceProfile",
            b =>
            {
                b.HasOne("SspPortal.Application.Tenants.Tenant", null)
                    .WithMany()
                    .HasForeignKey("TenantId")
                    .OnDelete(DeleteBehavior.Restrict)
                    .IsRequired();

                b.OwnsOne(
                    "SspPortal.Application.Profiles.Branding",
                    "Branding",
                    b1 =>
                    {
                        b1.Property<string>("SelfServiceProfileId").HasColumnType("TEXT");
                        b1.Property<string>("LogoUrl").HasColumnType("TEXT");
                        b1.HasKey("SelfServiceProfileId");
                        b1.ToTable("SelfServiceProfiles");
                        b1.ToJson("Branding");
                        b1.WithOwner().HasForeignKey("SelfServiceProfileId");

                        b1.OwnsOne(
                            "SspPortal.Application.Profiles.BrandingColors",
                            "Colors",
                            b2 =>
                            {
                                b2.Property<string>("BrandingSelfServiceProfileId").HasColumnType("TEXT");
                                b2.Property<string>("Primary").IsRequired().HasColumnType("TEXT");
                                b2.HasKey("BrandingSelfServiceProfileId");
                                b2.ToTable("SelfServiceProfiles");
                                b2.WithOwner().HasForeignKey("BrandingSelfServiceProfileId");
                            }
                        );

                        b1.Navigation("Colors");
                    }
                );

                b.OwnsMany(
                    "SspPortal.Application.Profiles.UserAttribute",
                    "UserAttributes",
                    b1 =>
                    {
                        b1.Property<string>("SelfServiceProfileId").HasColumnType("TEXT");
                        b1.Property<int>("__synthesizedOrdinal").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                        b1.Property<string>("Description").IsRequired().HasColumnType("TEXT");
                        b1.Property<bool>("IsOptional").HasColumnType("INTEGER");
                        b1.Property<string>("Name").IsRequired().HasColumnType("TEXT");
                        b1.HasKey("SelfServiceProfileId", "__synthesizedOrdinal");
                        b1.ToTable("SelfServiceProfiles");
                        b1.ToJson("UserAttributes");
                        b1.WithOwner().HasForeignKey("SelfServiceProfileId");
                    }
                );

                b.Navigation("Branding");
                b.Navigation("UserAttributes");
            }
        );
    }
}
