using System.Security.Cryptography;
using System.Text;

namespace SspPortal.Application.Common;

/// <summary>Identifier formats of the contract, all drawn from a CSPRNG.</summary>
public static class Ids
{
    public const string Base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private const string AlphaNumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public const string ProfilePrefix = "ssp_";
    public const string ConnectionPrefix = "con_";
    public const int ProfileIdRandomLength = 22;
    public const int ConnectionIdRandomLength = 16;
    public const int TicketLength = 32;

    public static string NewProfileId() => ProfilePrefix + RandomNumberGenerator.GetString(Base58Alphabet, ProfileIdRandomLength);

    public static string NewConnectionId() =>
        ConnectionPrefix + RandomNumberGenerator.GetString(Base58Alphabet, ConnectionIdRandomLength);

    /// <summary>A ticket's secret id: 32 characters of [A-Za-z0-9], about 190 bits.</summary>
    public static string NewTicketSecret() => RandomNumberGenerator.GetString(AlphaNumeric, TicketLength);

    public static bool IsProfileId(string? value) => HasShape(value, ProfilePrefix, ProfileIdRandomLength);

    public static bool IsConnectionId(string? value) => HasShape(value, ConnectionPrefix, ConnectionIdRandomLength);

    public static bool IsTicketSecret(string? value) =>
        value is { Length: TicketLength } && value.All(char.IsAsciiLetterOrDigit);

    /// <summary>SHA-256 of a ticket secret: the only form in which a ticket id is stored.</summary>
    public static byte[] HashTicket(string secret) => SHA256.HashData(Encoding.ASCII.GetBytes(secret));

    /// <summary>Compares two ticket hashes in constant time.</summary>
    public static bool TicketHashEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) =>
        CryptographicOperations.FixedTimeEquals(left, right);

    private static bool HasShape(string? value, string prefix, int randomLength) =>
        value is not null
        && value.Length == prefix.Length + randomLength
        && value.StartsWith(prefix, StringComparison.Ordinal)
        && value.AsSpan(prefix.Length).IndexOfAnyExcept(Base58Alphabet) < 0;
}
