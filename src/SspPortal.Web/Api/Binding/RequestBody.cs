using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SspPortal.Application.Common;

namespace SspPortal.Web.Api.Binding;

/// <summary>
/// Reads a request body (JSON or <c>application/x-www-form-urlencoded</c>, at most 1 MiB) into a
/// <see cref="JsonDocument"/> so that one reader binds both with the same rules and messages.
/// </summary>
public static class RequestBody
{
    public const int MaxBytes = 1024 * 1024;

    private const int MaxDepth = 32;

    private static readonly SearchValues<byte> JsonWhitespace = SearchValues.Create(" \t\r\n"u8);

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = MaxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>The outcome of reading a body: a document, or a failure (400 with a reason, or 413).</summary>
    public sealed class Read : IDisposable
    {
        private Read(JsonDocument? document, bool isForm, Result? failure, bool tooLarge)
        {
            Document = document;
            IsForm = isForm;
            Failure = failure;
            TooLarge = tooLarge;
        }

        public JsonDocument? Document { get; }

        /// <summary>True when the body was form-urlencoded: top-level values are strings to be converted.</summary>
        public bool IsForm { get; }

        public Result? Failure { get; }

        public bool TooLarge { get; }

        internal static Read Ok(JsonDocument document, bool isForm) => new(document, isForm, null, false);

        internal static Read Invalid(string reason) => new(null, false, Result.Invalid(string.Empty, reason), false);

        internal static Read Oversize() => new(null, false, null, true);

        public void Dispose() => Document?.Dispose();
    }

    /// <summary>Reads and parses the body. An empty body reads as <c>{}</c>.</summary>
    public static async Task<Read> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return Read.Oversize();
        }

        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = MaxBytes + 1L;
        }

        byte[]? bytes;
        try
        {
            bytes = await ReadBytesAsync(request.Body, cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Read.Oversize();
        }

        if (bytes is null)
        {
            return Read.Oversize();
        }

        var kind = ContentKind(request.ContentType);
        if (kind == BodyKind.Unsupported)
        {
            return Read.Invalid("Content-Type must be application/json or application/x-www-form-urlencoded");
        }

        if (IsBlank(bytes))
        {
            return Read.Ok(JsonDocument.Parse("{}"), isForm: false);
        }

        return kind == BodyKind.Form ? ParseForm(bytes) : ParseJson(bytes);
    }

    private enum BodyKind
    {
        Json,
        Form,
        Unsupported,
    }

    private static BodyKind ContentKind(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return BodyKind.Json;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return BodyKind.Unsupported;
        }

        var charset = mediaType.Charset;
        if (charset.HasValue && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Unsupported;
        }

        var name = mediaType.MediaType;
        if (name.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("application/", StringComparison.OrdinalIgnoreCase)
                && name.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        {
            return BodyKind.Json;
        }

        return name.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            ? BodyKind.Form
            : BodyKind.Unsupported;
    }

    /// <summary>Reads the whole body, or returns null when it is larger than <see cref="MaxBytes"/>.</summary>
    private static async Task<byte[]?> ReadBytesAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var collected = new MemoryStream();
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (collected.Length + read > MaxBytes)
                {
                    return null;
                }

                collected.Write(buffer, 0, read);
            }

            return collected.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsBlank(byte[] bytes) =>
        bytes.AsSpan().IndexOfAnyExcept(JsonWhitespace) < 0;

    private static Read ParseJson(byte[] bytes)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Read.Invalid("Body is not valid UTF-8");
        }

        try
        {
            return Read.Ok(JsonDocument.Parse(bytes, DocumentOptions), isForm: false);
        }
        catch (JsonException exception)
        {
            return Read.Invalid(Describe(exception));
        }
    }

    /// <summary>
    /// Turns form fields into a JSON object of strings: a repeated key (or one ending in <c>[]</c>) becomes an array.
    /// </summary>
    private static Read ParseForm(byte[] bytes)
    {
        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> fields;
        try
        {
            fields = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(bytes));
        }
        catch (InvalidDataException)
        {
            return Read.Invalid("Invalid form body");
        }

        var merged = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var arrays = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (rawKey, values) in fields)
        {
            var key = rawKey;
            if (key.EndsWith("[]", StringComparison.Ordinal))
            {
                key = key[..^2];
                arrays.Add(key);
            }

            if (!merged.TryGetValue(key, out var list))
            {
                list = [];
                merged[key] = list;
            }

            foreach (var value in values)
            {
                list.Add(value ?? string.Empty);
            }
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (key, values) in merged)
            {
                writer.WritePropertyName(key);
                if (values.Count == 1 && !arrays.Contains(key))
                {
                    writer.WriteStringValue(values[0]);
                    continue;
                }

                writer.WriteStartArray();
                foreach (var value in values)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Read.Ok(JsonDocument.Parse(stream.ToArray()), isForm: true);
    }

    /// <summary>Where the JSON went wrong, without the reader's internals.</summary>
    private static string Describe(JsonException exception) =>
        exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? $"Malformed JSON at line {line + 1}, position {position + 1}"
            : "Malformed JSON";
}
