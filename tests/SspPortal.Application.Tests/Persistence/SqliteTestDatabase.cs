using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SspPortal.Infrastructure;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Application.Tests.Persistence;

/// <summary>
/// A real SQLite file in its own temporary folder, with the app's infrastructure wired around it.
/// Nothing is created until a test asks for it; the folder is deleted on dispose.
/// </summary>
public sealed class SqliteTestDatabase : IAsyncDisposable
{
    private readonly IHost _host;

    public SqliteTestDatabase(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "sspportal-tests", Guid.NewGuid().ToString("N"));
        DatabasePath = Path.Combine(Folder, "data", "sspportal.db");

        var builder = Host.CreateEmptyApplicationBuilder(
            new HostApplicationBuilderSettings { EnvironmentName = "Testing", ContentRootPath = Path.GetTempPath() }
        );
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { ["Database:Path"] = DatabasePath }.Concat(settings ?? new Dictionary<string, string?>())
        );
        builder.AddInfrastructure();
        _host = builder.Build();
    }

    /// <summary>The temporary folder everything lives in.</summary>
    public string Folder { get; }

    public string DatabasePath { get; }

    public IServiceProvider Services => _host.Services;

    public SspDbContextFactory Contexts => Services.GetRequiredService<SspDbContextFactory>();

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString();

    /// <summary>Options for a plain context on this file, outside the app's wiring.</summary>
    public DbContextOptions<SspDbContext> PlainOptions() =>
        new DbContextOptionsBuilder<SspDbContext>()
            .UseSqlite(ConnectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssemblies.Sqlite))
            .Options;

    /// <summary>Applies the migrations the way the app does on start-up.</summary>
    public Task MigrateAsync() => Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
