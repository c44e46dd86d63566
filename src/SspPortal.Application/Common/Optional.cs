namespace SspPortal.Application.Common;

/// <summary>
/// A PATCH field: absent (leave as is), or present with a value that may be null (clear it).
/// </summary>
public readonly record struct Optional<T>
{
    private readonly T _value;

    public Optional(T value)
    {
        _value = value;
        HasValue = true;
    }

    public bool HasValue { get; }

    public T Value => HasValue ? _value : throw new InvalidOperationException("The field was not sent.");

    public static Optional<T> Absent => default;

    public static implicit operator Optional<T>(T value) => new(value);

    public override string ToString() => HasValue ? $"{_value}" : "(absent)";
}
