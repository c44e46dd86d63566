using System.Globalization;
using System.Text.Json;
using SspPortal.Application.Common;

namespace SspPortal.Web.Api.Binding;

/// <summary>
/// Binds a request document to the application's request records with closed schemas: unknown or duplicate
/// properties, wrong types and (outside PATCH) nulls are refused with the first <see cref="FieldError"/> found.
/// Values that came from a form body are strings and are converted where a boolean, integer, array or object is
/// expected (arrays and objects as JSON text; an array also from repeated keys).
/// </summary>
public sealed class WireReader : IDisposable
{
    private const int MaxEchoedNameLength = 64;

    private static readonly JsonDocumentOptions NestedOptions = new() { MaxDepth = 32 };

    private readonly List<JsonDocument> _nested = [];

    private WireReader() { }

    /// <summary>The first problem found, if any.</summary>
    public FieldError? Error { get; private set; }

    public bool Failed => Error is not null;

    /// <summary>Binds the body's root object (with the given properties) through <paramref name="map"/>.</summary>
    public static Result<T> Bind<T>(RequestBody.Read body, IReadOnlyCollection<string>? allowed, Func<WireObject, T> map)
    {
        ArgumentNullException.ThrowIfNull(body.Document);
        using var reader = new WireReader();
        try
        {
            var root = reader.ReadObject(body.Document.RootElement, string.Empty, allowed, nullable: false, lenient: body.IsForm);
            var value = root is { } rootObject ? map(rootObject) : default;
            return reader.Error is { } error ? Result.Invalid([error]).As<T>() : Result<T>.Ok(value!);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses strings that are not valid UTF-16 (e.g. a lone "\ud800" escape).
            return Result.Invalid(string.Empty, "String is not valid Unicode").As<T>();
        }
    }

    public void Dispose()
    {
        foreach (var document in _nested)
        {
            document.Dispose();
        }
    }

    internal void Fail(string path, string reason) => Error ??= new FieldError(path, reason);

    internal string? ReadString(JsonElement element, string path, bool nullable)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Null when nullable:
                return null;
            default:
                TypeMismatch(path, "string", element);
                return null;
        }
    }

    internal bool? ReadBool(JsonElement element, string path, bool lenient)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String when lenient && bool.TryParse(element.GetString(), out var parsed):
                return parsed;
            default:
                TypeMismatch(path, "boolean", element);
                return null;
        }
    }

    internal int? ReadInt(JsonElement element, string path, bool nullable, bool lenient)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number when element.TryGetInt32(out var value):
                return value;
            case JsonValueKind.Number when IsIntegral(element):
                if (element.TryGetDouble(out var number) && number is >= int.MinValue and <= int.MaxValue)
                {
                    return (int)number;
                }

                Fail(path, "Integer out of range");
                return null;
            case JsonValueKind.String
                when lenient
                    && int.TryParse(element.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case JsonValueKind.Null when nullable:
                return null;
            default:
                TypeMismatch(path, "integer", element);
                return null;
        }
    }

    /// <summary>The items of an array (each with whether it is still a form string), or null.</summary>
    internal List<(JsonElement Item, bool Lenient)>? ReadArray(JsonElement element, string path, bool nullable, bool lenient)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                return [.. element.EnumerateArray().Select(item => (item, lenient))];
            case JsonValueKind.String when lenient:
                var text = element.GetString()!;
                if (!text.TrimStart().StartsWith('['))
                {
                    return [(element, true)];
                }

                return ParseNested(text, path, "array") is { } parsed ? ReadArray(parsed, path, nullable: false, lenient: false) : null;
            case JsonValueKind.Null when nullable:
                return null;
            default:
                TypeMismatch(path, "array", element);
                return null;
        }
    }

    /// <summary>An object with only <paramref name="allowed"/> properties (any when null), no duplicates.</summary>
    internal WireObject? ReadObject(
        JsonElement element,
        string path,
        IReadOnlyCollection<string>? allowed,
        bool nullable,
        bool lenient
    )
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return CheckProperties(element, path, allowed) ? new WireObject(this, element, path, lenient) : null;
            case JsonValueKind.String when lenient:
                return ParseNested(element.GetString()!, path, "object") is { } parsed
                    ? ReadObject(parsed, path, allowed, nullable: false, lenient: false)
                    : null;
            case JsonValueKind.Null when nullable:
                return null;
            default:
                TypeMismatch(path, "object", element);
                return null;
        }
    }

    internal static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    internal static string Item(string path, int index) => $"{path}[{index}]";

    internal static string Echo(string name) =>
        name.Length <= MaxEchoedNameLength ? name : string.Concat(name.AsSpan(0, MaxEchoedNameLength), "…");

    private bool CheckProperties(JsonElement element, string path, IReadOnlyCollection<string>? allowed)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (allowed is not null && !allowed.Contains(property.Name))
            {
                Fail(path, $"Additional properties not allowed: {Echo(property.Name)}");
                return false;
            }

            if (!seen.Add(property.Name))
            {
                Fail(path, $"Duplicate property: {Echo(property.Name)}");
                return false;
            }
        }

        return true;
    }

    private JsonElement? ParseNested(string text, string path, string expected)
    {
        try
        {
            var document = JsonDocument.Parse(text, NestedOptions);
            _nested.Add(document);
            return document.RootElement;
        }
        catch (JsonException)
        {
            Fail(path, $"Expected type {expected} but found type string");
            return null;
        }
    }

    private void TypeMismatch(string path, string expected, JsonElement element) =>
        Fail(path, $"Expected type {expected} but found type {TypeName(element)}");

    private static bool IsIntegral(JsonElement element) =>
        element.TryGetInt64(out _) || (element.TryGetDouble(out var value) && double.IsFinite(value) && Math.Floor(value) == value
            && !element.GetRawText().Contains('.', StringComparison.Ordinal));

    /// <summary>The JSON Schema name of an element's type.</summary>
    internal static string TypeName(JsonElement element) =>
        element.ValueKind switch
        {
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            JsonValueKind.String => "string",
            JsonValueKind.Number => IsIntegral(element) ? "integer" : "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        };
}

/// <summary>A checked JSON object of a request, with typed accessors for its properties.</summary>
public readonly struct WireObject
{
    private readonly WireReader _reader;
    private readonly JsonElement _element;
    private readonly bool _lenient;

    internal WireObject(WireReader reader, JsonElement element, string path, bool lenient)
    {
        _reader = reader;
        _element = element;
        Path = path;
        _lenient = lenient;
    }

    public string Path { get; }

    public bool Has(string name) => _element.TryGetProperty(name, out _);

    /// <summary>Present (possibly null) or absent, for PATCH.</summary>
    public Optional<T> Optional<T>(string name, Func<WireObject, T> read) => Has(name) ? new Optional<T>(read(this)) : default;

    public string? String(string name, bool nullable = false) =>
        _element.TryGetProperty(name, out var value) ? _reader.ReadString(value, WireReader.Child(Path, name), nullable) : null;

    public bool? Bool(string name) =>
        _element.TryGetProperty(name, out var value) ? _reader.ReadBool(value, WireReader.Child(Path, name), _lenient) : null;

    public int? Int(string name, bool nullable = false) =>
        _element.TryGetProperty(name, out var value)
            ? _reader.ReadInt(value, WireReader.Child(Path, name), nullable, _lenient)
            : null;

    public IReadOnlyList<string?>? Strings(string name, bool nullable = false)
    {
        if (!_element.TryGetProperty(name, out var value))
        {
            return null;
        }

        var path = WireReader.Child(Path, name);
        var items = _reader.ReadArray(value, path, nullable, _lenient);
        if (items is null)
        {
            return null;
        }

        var result = new List<string?>(items.Count);
        for (var i = 0; i < items.Count && !_reader.Failed; i++)
        {
            result.Add(_reader.ReadString(items[i].Item, WireReader.Item(path, i), nullable: false));
        }

        return result;
    }

    public IReadOnlyList<T?>? Objects<T>(string name, IReadOnlyCollection<string> allowed, Func<WireObject, T> read, bool nullable = false)
        where T : class
    {
        if (!_element.TryGetProperty(name, out var value))
        {
            return null;
        }

        var path = WireReader.Child(Path, name);
        var items = _reader.ReadArray(value, path, nullable, _lenient);
        if (items is null)
        {
            return null;
        }

        var result = new List<T?>(items.Count);
        for (var i = 0; i < items.Count && !_reader.Failed; i++)
        {
            var (item, lenient) = items[i];
            var itemObject = _reader.ReadObject(item, WireReader.Item(path, i), allowed, nullable: false, lenient);
            result.Add(itemObject is { } checkedItem ? read(checkedItem) : null);
        }

        return result;
    }

    public T? Object<T>(string name, IReadOnlyCollection<string> allowed, Func<WireObject, T> read, bool nullable = false)
        where T : class
    {
        if (!_element.TryGetProperty(name, out var value))
        {
            return null;
        }

        var checkedObject = _reader.ReadObject(value, WireReader.Child(Path, name), allowed, nullable, _lenient);
        return checkedObject is { } found ? read(found) : null;
    }

    /// <summary>An object with free keys and string (or, when allowed, null) values.</summary>
    public IReadOnlyDictionary<string, string?>? StringMap(string name, bool nullValues)
    {
        if (!_element.TryGetProperty(name, out var value))
        {
            return null;
        }

        var checkedObject = _reader.ReadObject(value, WireReader.Child(Path, name), allowed: null, nullable: false, _lenient);
        return checkedObject?.AsStringMap(nullValues);
    }

    /// <summary>This object's own properties as a string map.</summary>
    public IReadOnlyDictionary<string, string?> AsStringMap(bool nullValues)
    {
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in _element.EnumerateObject())
        {
            if (_reader.Failed)
            {
                break;
            }

            map[property.Name] = _reader.ReadString(
                property.Value,
                WireReader.Child(Path, WireReader.Echo(property.Name)),
                nullValues
            );
        }

        return map;
    }
}
