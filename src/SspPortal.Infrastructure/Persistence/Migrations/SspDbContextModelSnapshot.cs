using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SspPortal.Infrastructure.Persistence.Migrations;

/// <summary>
/// The model the migrations add up to. EF compares it with the current model (<c>HasPendingModelChanges</c>,
/// and <c>Migrate</c> refuses to run on a difference). While <see cref="InitialSchema"/> is the only migration,
/// the snapshot is its target model; the next migration copies that body here and changes it.
/// </summary>
[DbContext(typeof(SspDbContext))]
public sealed class SspDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder) => FlowSessionsModel.Build(modelBuilder);
}
