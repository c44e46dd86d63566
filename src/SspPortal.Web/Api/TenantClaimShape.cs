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

    private static bool IsOneStringOrAbsent(JsonWebToken token, string claimType)
    {
        byte[] payload;
        try
        {
            payload = Base64Url.DecodeFromChars(token.EncodedPayload);
        }
        catch (FormatException)
        {
            return false;
        }

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
