using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SspPortal.Application.Tests.Support;
using SspPortal.Infrastructure;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Application.Tests.Persistence;

/// <summary>On a real PostgreSQL, the migrated schema is the schema the model describes (as EnsureCreated builds it).</summary>
[RunsOn(DatabaseProvider.PostgreSql)]
public sealed class PostgreSqlSchemaTests
{
    [Fact]
    public async Task Migrate_CreatesTheSchemaOfTheModel_WhenAppliedToAnEmptyDatabase()
    {
        var folder = Path.GetTempPath();
        await using var migrated = TestDatabase.Create(DatabaseProvider.PostgreSql, folder);
        await using var created = TestDatabase.Create(DatabaseProvider.PostgreSql, folder);
        await using (var context = Context(migrated))
        {
            await context.Database.MigrateAsync();
        }

        await using (var context = Context(created))
        {
            Assert.True(await context.Database.EnsureCreatedAsync());
        }

        var expected = await DescribeAsync(created.ConnectionString!);
        var actual = await DescribeAsync(migrated.ConnectionString!);

        Assert.Contains("SelfServiceProfiles.UserAttributes jsonb", expected, StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }

    private static SspDbContext Context(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<SspDbContext>();
        DatabaseProviderSetup.Configure(
            options,
            new DatabaseOptions { Provider = nameof(DatabaseProvider.PostgreSql), ConnectionString = database.ConnectionString },
            Path.GetTempPath()
        );
        return new SspDbContext(options.Options);
    }

    /// <summary>Columns (type, length, nullability, default) and indexes of the public schema, without EF's history table.</summary>
    private static async Task<string> DescribeAsync(string connectionString)
    {
        var text = new StringBuilder();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '-')
                       || ' ' || is_nullable || ' ' || coalesce(column_default, '-')
                FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EF%'
                ORDER BY table_name, column_name
                """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine(reader.GetString(0));
            }
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_EF%' ORDER BY indexname";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine(reader.GetString(0));
            }
        }

        return text.ToString();
    }
}
