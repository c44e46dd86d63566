using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SspPortal.Infrastructure.Persistence;

/// <summary>
/// The provider-specific part of the data layer: which engine, its connection, its migrations assembly, and what only
/// that engine needs (SQLite: the write gate and the synchronous setting; the server engines: retry on transient
/// errors). Used by the app, the tests and the design-time factories of the migrations projects.
/// </summary>
public static class DatabaseProviderSetup
{
    /// <summary>How often a server engine retries a command or a transaction that failed transiently.</summary>
    public const int MaxRetryCount = 5;

    /// <summary>The longest wait between two retries.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    /// <summary>Configures <paramref name="options"/> for <paramref name="database"/>'s engine.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseOptions database, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        var migrations = MigrationsAssemblies.For(database.ProviderKind);
        switch (database.ProviderKind)
        {
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(
                    database.ConnectionString,
                    sql => sql.MigrationsAssembly(migrations).EnableRetryOnFailure(MaxRetryCount, MaxRetryDelay, errorNumbersToAdd: null)
                );
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(
                    database.ConnectionString,
                    npgsql => npgsql.MigrationsAssembly(migrations).EnableRetryOnFailure(MaxRetryCount, MaxRetryDelay, errorCodesToAdd: null)
                );
                break;
            default:
                options.UseSqlite(SqliteConnectionString(database, contentRoot), sqlite => sqlite.MigrationsAssembly(migrations));
                break;
        }

        // Both ends of every required relationship between tenant-owned entities carry the same tenant filter, so a
        // filtered principal never hides a visible dependent.
        options.ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
        return options;
    }

    /// <summary>The SQLite connection string of <see cref="DatabaseOptions.Path"/>.</summary>
    public static string SqliteConnectionString(DatabaseOptions database, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new SqliteConnectionStringBuilder { DataSource = database.ResolvePath(contentRoot), Pooling = true }.ToString();
    }
}
