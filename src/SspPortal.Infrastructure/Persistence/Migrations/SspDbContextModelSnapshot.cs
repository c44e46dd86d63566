using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SspPortal.Infrastructure.Persistence.Migrations;

/// <summary>
/// The model the migrations add up to. EF compares it with the current model (<c>HasPendingModelChanges</c>,
/// and <c>Migrate</c> refuses to run on a difference). It is the newest migration's target model: each migration
/// builds on the one before and adds its own changes, and the snapshot points at the last of them.
/// </summary>
[DbContext(typeof(SspDbContext))]
public sealed class SspDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder) => TenantEntityIdTemplateModel.Build(modelBuilder);
}
