using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SspPortal.Infrastructure.Persistence;

/// <summary>Stores times as UTC and reads them back marked as UTC, whichever engine holds them.</summary>
internal sealed class UtcDateTimeConverter()
    : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc)
    );
