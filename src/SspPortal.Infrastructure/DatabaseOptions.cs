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

    /// <summary>The absolute path of the database file.</summary>
    public string ResolvePath(string contentRoot) =>
        System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(contentRoot, Path));
}
