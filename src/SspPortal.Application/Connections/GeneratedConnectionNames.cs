using System.Security.Cryptography;

namespace SspPortal.Application.Connections;

/// <summary>
/// Names for connections of tickets that asked for none: <c>sso-</c> and 16 lowercase letters or digits from a CSPRNG
/// (about 82 bits), so that they neither collide nor say when their ticket was issued. They match the contract's
/// connection-name pattern; uniqueness is still checked when the name is reserved.
/// </summary>
public static class GeneratedConnectionNames
{
    public const string Prefix = "sso-";
    public const int RandomLength = 16;
    /// <summary><see cref="Prefix"/> and <see cref="RandomLength"/> characters.</summary>
    public const int Length = 20;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    /// <summary>Whether <paramref name="name"/> has the shape <see cref="New"/> gives.</summary>
    public static bool IsGenerated(string? name) =>
        name is { Length: Length }
        && name.StartsWith(Prefix, StringComparison.Ordinal)
        && name.AsSpan(Prefix.Length).IndexOfAnyExcept(Alphabet) < 0;
}
