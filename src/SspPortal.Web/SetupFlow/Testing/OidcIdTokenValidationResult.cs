using System.Security.Claims;

namespace SspPortal.Web.SetupFlow.Testing;

/// <summary>The outcome of <see cref="OidcIdTokenValidator.ValidateAsync"/>.</summary>
public sealed class OidcIdTokenValidationResult
{
    private OidcIdTokenValidationResult(bool isValid, ClaimsIdentity? identity, string? subject, string? errorCode, string? error, IReadOnlyList<string> errorArgs)
    {
        IsValid = isValid;
        Identity = identity;
        Subject = subject;
        ErrorCode = errorCode;
        Error = error;
        ErrorArgs = errorArgs;
    }

    public bool IsValid { get; }

    /// <summary>The token's claims with their JWT names (<c>sub</c>, <c>name</c>, one <c>roles</c> claim per role…) when valid.</summary>
    public ClaimsIdentity? Identity { get; }

    /// <summary>The token's <c>sub</c> when valid.</summary>
    public string? Subject { get; }

    /// <summary>Why the token was refused, for logs and an operator-facing message (contains no token material).</summary>
    public string? Error { get; }

    /// <summary>
    /// <see cref="Error"/> as a stable code (<c>signature</c>, <c>issuer</c>, <c>audience</c>, <c>lifetime</c>, <c>nonce</c>…), for
    /// a page that words it in its reader's language (the setup flow's connection test).
    /// </summary>
    public string? ErrorCode { get; }

    /// <summary>The values <see cref="Error"/> inserts (the exception's type for <c>invalid.kind</c>).</summary>
    public IReadOnlyList<string> ErrorArgs { get; }

    internal static OidcIdTokenValidationResult Success(ClaimsIdentity identity, string subject) => new(true, identity, subject, null, null, []);

    internal static OidcIdTokenValidationResult Failure(string code, string error, params string[] args) => new(false, null, null, code, error, args);
}
