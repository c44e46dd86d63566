using Npgsql;
using SspPortal.E2E.Infrastructure;

namespace SspPortal.E2E.Operations;

/// <summary>
/// Two instances of the real app (Development, development sign-in, two ports on 127.0.0.1) over one fresh PostgreSQL
/// database on the server named by <c>SSP_TEST_POSTGRES</c>: instance A (<see cref="PortalFixture.App"/>) creates the
/// tenants and applies the migrations, instance B (<see cref="SecondApp"/>) starts with <c>Database:MigrateOnStartup</c>
/// false. The database is dropped at the end. Without the variable nothing starts (the tests are skipped).
/// </summary>
public sealed class MultiInstanceFixture : PortalFixture, IAsyncLifetime
{
    private string? _databaseName;
    private string? _databaseConnectionString;

    public override bool UsesOpenIdConnect => false;

    /// <summary>Instance B: the same database, another port.</summary>
    public PortalAppServer SecondApp { get; private set; } = default!;

    public Uri SecondBaseUrl => SecondApp.BaseUrl;

    protected override IReadOnlyDictionary<string, string?> Settings => DatabaseSettings;

    private Dictionary<string, string?> DatabaseSettings =>
        new()
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:SspPortal"] = _databaseConnectionString,
        };

    async Task IAsyncLifetime.InitializeAsync()
    {
        if (PostgreSqlFactAttribute.ServerConnectionString is not { } server)
        {
            return;
        }

        _databaseName = "ssp_multi_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteOnServerAsync(server, $"CREATE DATABASE \"{_databaseName}\"");
        _databaseConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _databaseName }.ConnectionString;

        await InitializeAsync();

        var second = new Dictionary<string, string?>(DatabaseSettings) { ["Database:MigrateOnStartup"] = "false" };
        SecondApp = PortalAppServer.Create("Development", second);
        await SecondApp.StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (SecondApp is not null)
        {
            var logs = Path.Combine(RepositoryPaths.Artifacts, "logs");
            Directory.CreateDirectory(logs);
            await File.WriteAllTextAsync(Path.Combine(logs, $"{nameof(MultiInstanceFixture)}-second-app.log"), SecondApp.Output);
            await SecondApp.DisposeAsync();
        }

        await DisposeAsync();

        if (_databaseName is not null && PostgreSqlFactAttribute.ServerConnectionString is { } server)
        {
            await ExecuteOnServerAsync(server, $"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)");
        }
    }

    private static async Task ExecuteOnServerAsync(string server, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
