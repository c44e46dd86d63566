using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SspPortal.Infrastructure.Persistence;

/// <summary>Stores a dictionary property as a JSON column (its type per engine: <see cref="ProviderModel"/>), compared by content.</summary>
internal static class JsonValueConversions
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    public static PropertyBuilder<Dictionary<string, TValue>> HasJsonConversion<TValue>(
        this PropertyBuilder<Dictionary<string, TValue>> property
    ) =>
        property
            .HasConversion(
                value => JsonSerializer.Serialize(value, Options),
                json => JsonSerializer.Deserialize<Dictionary<string, TValue>>(json, Options) ?? new Dictionary<string, TValue>(),
                new ValueComparer<Dictionary<string, TValue>>(
                    (left, right) => JsonSerializer.Serialize(left, Options) == JsonSerializer.Serialize(right, Options),
                    value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
                    value => new Dictionary<string, TValue>(value)
                )
            );
}
