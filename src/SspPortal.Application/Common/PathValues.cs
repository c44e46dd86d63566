using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.Common;

/// <summary>Checks of values taken from a URL path; failures are <c>invalid_uri</c>.</summary>
public static class PathValues
{
    public const string ProfileIdPattern = "^ssp_[1-9A-HJ-NP-Za-km-z]{22}$";

    /// <summary>Null when <paramref name="id"/> is a well-formed profile id, otherwise the Invalid result to return.</summary>
    public static Result? CheckProfileId(string? id, string path = "id") =>
        Ids.IsProfileId(id) ? null : Result.Invalid(path, WireRules.PatternMismatch(ProfileIdPattern), ErrorCodes.InvalidUri);
}
