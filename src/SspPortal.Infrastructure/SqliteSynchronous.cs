namespace SspPortal.Infrastructure;

/// <summary>The values of <c>Database:Synchronous</c>.</summary>
public enum SqliteSynchronous
{
    Normal = 1,
    Full = 2,
}
