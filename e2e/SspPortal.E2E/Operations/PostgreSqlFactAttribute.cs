namespace SspPortal.E2E.Operations;

/// <summary>
/// A test that needs the PostgreSQL server named by <c>SSP_TEST_POSTGRES</c> (a connection string without a database;
/// <c>test.sh</c> starts one). Without the variable the test is reported as skipped with the reason, never as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public const string VariableName = "SSP_TEST_POSTGRES";

    public PostgreSqlFactAttribute()
    {
        if (ServerConnectionString is null)
        {
            Skip = $"{VariableName} is not set: these tests need a PostgreSQL server (test.sh starts one with scripts/test-postgres.sh).";
        }
    }

    /// <summary>The value of <c>SSP_TEST_POSTGRES</c>, or null when it is not set.</summary>
    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } value ? value : null;
}
