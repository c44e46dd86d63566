using System.ComponentModel.DataAnnotations;

namespace SspPortal.Infrastructure;

/// <summary>The <c>Database</c> settings section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>The name of the connection string the server engines read (<c>ConnectionStrings:SspPortal</c>).</summary>
    public const string ConnectionStringName = "SspPortal";

    /// <summary>
    /// The database engine: <c>Sqlite</c> (the default: a file at <see cref="Path"/>), <c>SqlServer</c> or <c>PostgreSql</c>
    /// (both read <c>ConnectionStrings:SspPortal</c>). Read as text, so that a wrong value is a message naming the setting.
    /// </summary>
    [RegularExpression("^(?i:sqlite|sqlserver|postgresql)$", ErrorMessage = "Database:Provider must be Sqlite, SqlServer or PostgreSql.")]
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary><see cref="Provider"/> as its value; the options are validated before anything reads it.</summary>
    public DatabaseProvider ProviderKind =>
        Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var provider) ? provider : DatabaseProvider.Sqlite;

    /// <summary><c>ConnectionStrings:SspPortal</c>: required for the server engines, unused by SQLite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The SQLite file, relative to the content root unless absolute. Created on first run.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Database:Path is required: the SQLite file, e.g. App_Data/sspportal.db.")]
    public string Path { get; set; } = "App_Data/sspportal.db";

    /// <summary>Apply pending migrations when the app starts (the <c>migrate</c> command applies them too).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// SQLite's <c>synchronous</c> setting for the WAL journal: <see cref="SqliteSynchronous.Normal"/> (commits survive an
    /// application crash; a power loss may undo the last ones) or <see cref="SqliteSynchronous.Full"/> (every commit is
    /// synced to disk, slower writes). Read as text, so that a wrong value is a validation message naming the setting
    /// rather than a conversion error.
    /// </summary>
    [RegularExpression("^(?i:normal|full)$", ErrorMessage = "Database:Synchronous must be Normal or Full.")]
    public string Synchronous { get; set; } = nameof(SqliteSynchronous.Normal);

    /// <summary><see cref="Synchronous"/> as its value; the options are validated before anything reads it.</summary>
    public SqliteSynchronous SynchronousMode =>
        Enum.TryParse<SqliteSynchronous>(Synchronous, ignoreCase: true, out var mode) ? mode : SqliteSynchronous.Normal;

    /// <summary>The absolute path of the database file.</summary>
    public string ResolvePath(string contentRoot) =>
        System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(contentRoot, Path));
}
