using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace SspPortal.Application.Tests.Persistence;

/// <summary>
/// A text description of a SQLite file's schema: tables, columns (type, NOT NULL, default, key position),
/// AUTOINCREMENT, indexes (unique, origin, columns in order) and foreign keys (columns, target, actions).
/// EF's own bookkeeping tables are left out. Two databases with equal descriptions have the same schema.
/// </summary>
internal static class SqliteSchema
{
    private static readonly string[] Bookkeeping = ["__EFMigrationsHistory", "__EFMigrationsLock", "sqlite_sequence"];

    public static string Describe(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var text = new StringBuilder();

        var tables = Rows(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .Where(r => !Bookkeeping.Contains((string)r[0]!))
            .ToList();
        foreach (var table in tables)
        {
            var name = (string)table[0]!;
            var sql = (string?)table[1] ?? string.Empty;
            text.AppendLine(
                CultureInfo.InvariantCulture,
                $"table {name}{(sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase) ? " autoincrement" : string.Empty)}"
            );

            foreach (var column in Rows(connection, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{name}') ORDER BY name"))
            {
                text.AppendLine(
                    CultureInfo.InvariantCulture,
                    $"  column {column[0]} {column[1]} notnull={column[2]} default={column[3] ?? "none"} pk={column[4]}"
                );
            }

            foreach (var index in Rows(connection, $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{name}') ORDER BY name"))
            {
                var columns = Rows(connection, $"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno").Select(c => c[0]);
                var indexName = ((string)index[0]!).StartsWith("sqlite_autoindex_", StringComparison.Ordinal) ? "(automatic)" : index[0];
                text.AppendLine(
                    CultureInfo.InvariantCulture,
                    $"  index {indexName} unique={index[1]} origin={index[2]} partial={index[3]} ({string.Join(", ", columns)})"
                );
            }

            var foreignKeys = Rows(
                    connection,
                    $"SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{name}') ORDER BY id, seq"
                )
                .GroupBy(f => f[0])
                .Select(g =>
                    $"  foreign key ({string.Join(", ", g.Select(f => f[2]))}) -> {g.First()[1]} ({string.Join(", ", g.Select(f => f[3]))}) on update {g.First()[4]} on delete {g.First()[5]}"
                )
                .Order(StringComparer.Ordinal);
            foreach (var foreignKey in foreignKeys)
            {
                text.AppendLine(foreignKey);
            }
        }

        foreach (var other in Rows(connection, "SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('view', 'trigger') ORDER BY name"))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{other[0]} {other[1]} on {other[2]}");
        }

        return text.ToString();
    }

    private static List<object?[]> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
