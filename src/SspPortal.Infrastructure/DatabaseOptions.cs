using System.ComponentModel.DataAnnotations;

namespace SspPortal.Infrastructure;

/// <summary>The <c>Database</c> settings section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>The SQLite file, relative to the content root unless absolute. Created on first run.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Database:Path is required: the SQLite file, e.g. App_Data/sspportal.db.")]
    public string Path { get; set; } = "App_Data/sspportal.db";

    /// <summary>Apply pending migrations when the app starts (the <c>migrate</c> command applies them too).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// SQLite's <c>synchronous</c> setting for the WAL journal: <see cref="SqliteSynchronous.Normal"/> (commits survive an
    /// application crash; a power loss may undo the last ones) or <see cref="SqliteSynchronous.Full"/> (every commit is
    /// synced to disk, slower writes).
    /// </summary>
    [EnumDataType(typeof(SqliteSynchronous), ErrorMessage = "Database:Synchronous must be Normal or Full.")]
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Normal;

    /// <summary>The absolute path of the database file.</summary>
    public string ResolvePath(string contentRoot) =>
        System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(contentRoot, Path));
}
