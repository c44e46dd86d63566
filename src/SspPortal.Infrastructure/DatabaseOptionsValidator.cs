using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Options;
using Npgsql;

namespace SspPortal.Infrastructure;

/// <summary>
/// What the attributes of <see cref="DatabaseOptions"/> cannot say: a server engine needs a connection string that its
/// driver can read. The message names the setting and never repeats the connection string (it may hold a password).
/// </summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    private const string Setting = "ConnectionStrings:" + DatabaseOptions.ConnectionStringName;

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var provider = options.ProviderKind;
        if (provider == DatabaseProvider.Sqlite)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{Setting} is required when Database:Provider is {provider} (e.g. the environment variable ConnectionStrings__{DatabaseOptions.ConnectionStringName})."
            );
        }

        try
        {
            _ = provider == DatabaseProvider.SqlServer
                ? new SqlConnectionStringBuilder(options.ConnectionString).DataSource
                : new NpgsqlConnectionStringBuilder(options.ConnectionString).Host;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return ValidateOptionsResult.Fail($"{Setting} is not a valid {provider} connection string: {exception.GetType().Name}.");
        }

        return ValidateOptionsResult.Success;
    }
}
