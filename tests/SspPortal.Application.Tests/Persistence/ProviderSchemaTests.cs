using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SspPortal.Infrastructure;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Application.Tests.Persistence;

/// <summary>Each engine's migrations set matches the model, checked offline (SQL Server cannot run here).</summary>
public sealed class ProviderSchemaTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.SqlServer, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Snapshot_MatchesTheModel_ForEveryProvider(DatabaseProvider provider)
    {
        using var context = OfflineContext(provider);

        Assert.False(context.Database.HasPendingModelChanges(), $"The {provider} migrations do not match the model: run scripts/add-migration.sh.");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_ComeFromTheProvidersOwnSet_ForEveryProvider(DatabaseProvider provider)
    {
        using var context = OfflineContext(provider);
        var migrations = context.GetService<IMigrationsAssembly>();

        Assert.Equal(MigrationsAssemblies.For(provider), migrations.Assembly.GetName().Name);
        Assert.NotEmpty(migrations.Migrations);
        Assert.NotNull(migrations.ModelSnapshot);
    }

    [Fact]
    public void Script_CreatesEveryTable_ForSqlServerWithoutAServer()
    {
        using var context = OfflineContext(DatabaseProvider.SqlServer);

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in context.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }

        Assert.Contains("[Version] uniqueidentifier NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("[CreatedAt] datetime2 NOT NULL", script, StringComparison.Ordinal);
    }

    private static SspDbContext OfflineContext(DatabaseProvider provider)
    {
        var database = new DatabaseOptions
        {
            Provider = provider.ToString(),
            Path = Path.Combine(Path.GetTempPath(), "never-opened.db"),
            ConnectionString = provider == DatabaseProvider.SqlServer ? "Server=127.0.0.1,1;Database=x;User ID=sa;Password=unused;TrustServerCertificate=true" : "Host=127.0.0.1;Port=1;Database=x;Username=unused",
        };
        var options = new DbContextOptionsBuilder<SspDbContext>();
        DatabaseProviderSetup.Configure(options, database, Path.GetTempPath());
        return new SspDbContext(options.Options);
    }
}
