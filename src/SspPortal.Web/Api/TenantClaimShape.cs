using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace SspPortal.Web.Api;

/// <summary>
/// The tenant claim of an API token must be one JSON string. An array (<c>["dev","globex"]</c>, even of one
/// element), a number, a boolean or an object names no tenant; the claims the handler builds cannot tell a
/// one-element array from a string, so the check reads the token's payload itself.
/// </summary>
internal static class TenantClaimShape
{
    private static readonly object NotOneStringKey = new();

    /// <summary>Runs when the bearer token was validated: remembers for the gate whether the claim had a wrong shape.</summary>
    public static void Inspect(HttpContext context, JsonWebToken token, string claimType)
    {
        if (!IsOneStringOrAbsent(token, claimType))
        {
            context.Items[NotOneStringKey] = true;
        }
    }

    /// <summary>Whether <see cref="Inspect"/> found the claim present but not one string.</summary>
    public static bool WasRefused(HttpContext context) => context.Items.ContainsKey(NotOneStringKey);

    /// <summary>Payloads up to this size are decoded on the stack; larger ones into a pooled buffer.</summary>
    private const int StackLimit = 1024;

    private static bool IsOneStringOrAbsent(JsonWebToken token, string claimType)
    {
        // The payload is read where it lies in the token (its second part) rather than through EncodedPayload, which
        // copies it into a new string on every request.
        var encoded = token.IsEncrypted ? token.EncodedPayload.AsSpan() : SecondPart(token.EncodedToken);
        var length = Base64Url.GetMaxDecodedLength(encoded.Length);
        byte[]? rented = null;
        Span<byte> buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            return Base64Url.TryDecodeFromChars(encoded, buffer, out var written) && IsOneStringOrAbsent(buffer[..written], claimType);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static ReadOnlySpan<char> SecondPart(string compact)
    {
        var first = compact.IndexOf('.', StringComparison.Ordinal);
        var rest = compact.AsSpan(first + 1);
        var second = rest.IndexOf('.');
        return second < 0 ? rest : rest[..second];
    }

    private static bool IsOneStringOrAbsent(ReadOnlySpan<byte> payload, string claimType)
    {
        var reader = new Utf8JsonReader(payload);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var matches = reader.ValueTextEquals(claimType);
            if (!reader.Read())
            {
                return false;
            }

            if (matches && (reader.TokenType != JsonTokenType.String || ++seen > 1))
            {
                return false;
            }

            reader.Skip();
        }

        return true;
    }
}
