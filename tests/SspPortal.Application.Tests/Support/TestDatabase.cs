using System.Reflection;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using SspPortal.Infrastructure;

namespace SspPortal.Application.Tests.Support;

/// <summary>
/// One test's own database on one engine: a SQLite file in a temp folder, or a database of its own (created by the
/// migrations, dropped afterwards) on the PostgreSQL of <c>SSP_TEST_POSTGRES</c> or the SQL Server of
/// <c>SSP_TEST_SQLSERVER</c>, so that tests stay parallel.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SSP_TEST_POSTGRES";
    public const string SqlServerVariable = "SSP_TEST_SQLSERVER";

    private TestDatabase(DatabaseProvider provider, string folder, string? connectionString, string? name)
    {
        Provider = provider;
        Folder = folder;
        ConnectionString = connectionString;
        Name = name;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The temp folder of the test (the SQLite file lives in it).</summary>
    public string Folder { get; }

    /// <summary>The server engine's connection string of this test's database; null for SQLite.</summary>
    public string? ConnectionString { get; }

    /// <summary>The server database's name; null for SQLite.</summary>
    public string? Name { get; }

    public string SqlitePath => Path.Combine(Folder, "test.db");

    /// <summary>The settings that point the app at this database.</summary>
    public Dictionary<string, string?> Settings =>
        Provider == DatabaseProvider.Sqlite
            ? new() { ["Database:Provider"] = nameof(DatabaseProvider.Sqlite), ["Database:Path"] = SqlitePath }
            : new() { ["Database:Provider"] = Provider.ToString(), ["ConnectionStrings:SspPortal"] = ConnectionString };

    /// <summary>The engine a test class runs on: its <see cref="RunsOnAttribute"/>, else SQLite.</summary>
    public static DatabaseProvider ProviderOf(Type testClass) =>
        testClass.GetCustomAttribute<RunsOnAttribute>(inherit: true)?.Provider ?? DatabaseProvider.Sqlite;

    /// <summary>Why a test on <paramref name="provider"/> cannot run here; null when it can.</summary>
    public static string? SkipReason(DatabaseProvider provider) =>
        provider switch
        {
            DatabaseProvider.PostgreSql when string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)) =>
                $"{PostgresVariable} is not set: no PostgreSQL to run on (./test.sh starts one and sets it).",
            DatabaseProvider.SqlServer when string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SqlServerVariable)) =>
                $"{SqlServerVariable} is not set: no SQL Server to run on (set it to a connection string to run these tests).",
            _ => null,
        };

    /// <summary>A new, not yet created database (the migrations create it) in <paramref name="folder"/>'s test.</summary>
    public static TestDatabase Create(DatabaseProvider provider, string folder)
    {
        if (SkipReason(provider) is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var name = $"ssp_test_{Guid.NewGuid():N}";
        return provider switch
        {
            DatabaseProvider.PostgreSql => new TestDatabase(
                provider,
                folder,
                new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable)) { Database = name }.ToString(),
                name
            ),
            DatabaseProvider.SqlServer => new TestDatabase(
                provider,
                folder,
                new SqlConnectionStringBuilder(Environment.GetEnvironmentVariable(SqlServerVariable)) { InitialCatalog = name }.ToString(),
                name
            ),
            _ => new TestDatabase(provider, folder, null, null),
        };
    }

    public async ValueTask DisposeAsync()
    {
        switch (Provider)
        {
            case DatabaseProvider.PostgreSql:
                NpgsqlConnection.ClearAllPools();
                var postgres = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
                await using (var connection = new NpgsqlConnection(postgres.ToString()))
                {
                    await connection.OpenAsync();
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)";
                    await command.ExecuteNonQueryAsync();
                }

                break;
            case DatabaseProvider.SqlServer:
                SqlConnection.ClearAllPools();
                var master = new SqlConnectionStringBuilder(ConnectionString) { InitialCatalog = "master", Pooling = false };
                await using (var connection = new SqlConnection(master.ToString()))
                {
                    await connection.OpenAsync();
                    await using var command = connection.CreateCommand();
                    command.CommandText =
                        $"IF DB_ID('{Name}') IS NOT NULL BEGIN ALTER DATABASE [{Name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{Name}]; END";
                    await command.ExecuteNonQueryAsync();
                }

                break;
            default:
                SqliteConnection.ClearAllPools();
                break;
        }
    }
}
