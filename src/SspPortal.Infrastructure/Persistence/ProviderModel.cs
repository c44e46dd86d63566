using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SspPortal.Infrastructure.Persistence;

/// <summary>
/// What the model says differently per engine. JSON columns are <c>TEXT</c> on SQLite, <c>jsonb</c> on PostgreSQL and
/// <c>nvarchar(max)</c> on SQL Server (its native <c>json</c> type would need compatibility level 170); EF maps the owned
/// JSON documents (<c>ToJson</c>) the same way by itself; the dictionaries stored through <see cref="JsonValueConversions"/>
/// get the same type here. The string properties named <c>…Json</c> are text the services write and give back as they
/// wrote it (a connection's options, a ticket's request): they stay text on every engine, because <c>jsonb</c> would
/// reorder their keys and respace them, and the API would then answer differently per engine.
/// </summary>
internal static class ProviderModel
{
    public static void Apply(ModelBuilder modelBuilder, DatabaseFacade database)
    {
        var jsonType = database.ProviderName switch
        {
            "Npgsql.EntityFrameworkCore.PostgreSQL" => "jsonb",
            "Microsoft.EntityFrameworkCore.SqlServer" => "nvarchar(max)",
            _ => "TEXT",
        };

        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entityType.GetDeclaredProperties())
            {
                if (property.ClrType.IsGenericType && property.ClrType.GetGenericTypeDefinition() == typeof(Dictionary<,>))
                {
                    property.SetColumnType(jsonType);
                }
            }
        }
    }
}
