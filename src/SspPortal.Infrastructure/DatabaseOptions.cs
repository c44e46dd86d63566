using System.ComponentModel.DataAnnotations;

namespace SspPortal.Infrastructure;

/// <summary>The <c>Database</c> settings section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>The SQLite file, relative to the content root unless absolute. Created on first run.</summary>
    [Required(ErrorMessage = "Database:Path is required.")]
    public string Path { get; set; } = "App_Data/sspportal.db";

    /// <summary>Apply pending migrations when the app starts (the <c>migrate</c> command applies them too).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
