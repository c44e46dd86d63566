using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Infrastructure.Migrations.Sqlite;

/// <summary>
/// How dotnet ef builds the context for this set: the app's own provider setup for Sqlite, with a connection string that
/// nothing connects to while migrations are added or scripted (a real one comes from ConnectionStrings__SspPortal).
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<SspDbContext>
{
    public SspDbContext CreateDbContext(string[] args)
    {
        var database = new DatabaseOptions
        {
            Provider = nameof(DatabaseProvider.Sqlite),
            Path = "design-time.db",
            ConnectionString = Environment.GetEnvironmentVariable("ConnectionStrings__SspPortal") ?? "Data Source=design-time.db",
        };
        var options = new DbContextOptionsBuilder<SspDbContext>();
        DatabaseProviderSetup.Configure(options, database, Directory.GetCurrentDirectory());
        return new SspDbContext(options.Options);
    }
}
