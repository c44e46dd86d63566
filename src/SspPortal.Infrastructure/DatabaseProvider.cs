namespace SspPortal.Infrastructure;

/// <summary>The values of <c>Database:Provider</c>: the engines the one context and its migrations support.</summary>
public enum DatabaseProvider
{
    Sqlite = 1,
    SqlServer = 2,
    PostgreSql = 3,
}
