using Microsoft.Extensions.Configuration;
using SspPortal.Web.Operations;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Operations;

/// <summary><c>migrate --script</c>: the idempotent SQL of the configured engine, printed without connecting to anything.</summary>
public sealed class MigrateScriptTests : IDisposable
{
    // Nothing listens on port 1: the script must come without a connection.
    private const string UnreachableSqlServer = "Server=127.0.0.1,1;Database=SspPortal;User ID=sa;Password=unused;TrustServerCertificate=true;Connect Timeout=1";
    private const string UnreachablePostgreSql = "Host=127.0.0.1;Port=1;Database=sspportal;Username=unused;Timeout=1";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task MigrateScript_PrintsIdempotentSqlServerSql_WhenTheProviderIsSqlServer()
    {
        var (exitCode, output, _) = await RunAsync("SqlServer", UnreachableSqlServer);

        Assert.Equal(0, exitCode);
        Assert.Contains("IF NOT EXISTS (\n    SELECT * FROM [__EFMigrationsHistory]\n    WHERE [MigrationId] = N'", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Connections]", output, StringComparison.Ordinal);
        Assert.Contains("[Metadata] nvarchar(max) NOT NULL", output, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Connections_TenantId_NormalizedName]", output, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [DataProtectionKeys]", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.DatabasePath));
    }

    [Fact]
    public async Task MigrateScript_PrintsIdempotentPostgreSql_WhenTheProviderIsPostgreSql()
    {
        var (exitCode, output, _) = await RunAsync("PostgreSql", UnreachablePostgreSql);

        Assert.Equal(0, exitCode);
        Assert.Contains("DO $EF$", output, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE \"Connections\"", output, StringComparison.Ordinal);
        Assert.Contains("\"Metadata\" jsonb NOT NULL", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateScript_RefusesWithAReason_WhenTheProviderIsSqlite()
    {
        var (exitCode, output, error) = await RunAsync("Sqlite", null);

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains("SQLite has no idempotent script", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.DatabasePath));
    }

    [Fact]
    public async Task Migrate_NamesTheConnectionString_WhenAServerEngineHasNone()
    {
        var (exitCode, _, error) = await RunAsync("PostgreSql", null);

        Assert.Equal(1, exitCode);
        Assert.Contains("ConnectionStrings:SspPortal is required when Database:Provider is PostgreSql", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_NamesTheSetting_WhenTheProviderIsUnknown()
    {
        var (exitCode, _, error) = await RunAsync("Oracle", null);

        Assert.Equal(1, exitCode);
        Assert.Contains("Database:Provider must be Sqlite, SqlServer or PostgreSql.", error, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string provider, string? connectionString)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:Path"] = _folder.DatabasePath,
            ["ConnectionStrings:SspPortal"] = connectionString,
        };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await OperatorCommands.RunAsync(["migrate", "--script"], output, error, builder => builder.Configuration.AddInMemoryCollection(settings));
        return (exitCode, output.ToString(), error.ToString());
    }
}
