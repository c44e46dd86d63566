using SspPortal.Application.Common;

namespace SspPortal.Application.CustomTexts;

/// <summary>The custom-text use cases (contract section 3).</summary>
public interface ICustomTextService
{
    /// <summary>The stored map, or an empty one when nothing is stored.</summary>
    Task<Result<IReadOnlyDictionary<string, string>>> GetAsync(
        Actor actor,
        string profileId,
        string language,
        string page,
        CancellationToken cancellationToken = default
    );

    /// <summary>
    /// Whether <see cref="SetAsync"/> would accept the actor and the path values (scope, profile id, language, page),
    /// so that a door can refuse them before it reads a body. Ok, Forbidden or Invalid (<c>invalid_uri</c>).
    /// </summary>
    Result CheckSet(Actor actor, string profileId, string language, string page);

    /// <summary>Replaces the whole map and returns it; an empty map resets to the default.</summary>
    Task<Result<IReadOnlyDictionary<string, string>>> SetAsync(
        Actor actor,
        string profileId,
        string language,
        string page,
        IReadOnlyDictionary<string, string?> entries,
        CancellationToken cancellationToken = default
    );

    /// <summary>The languages and pages this profile has custom text for.</summary>
    Task<Result<IReadOnlyList<CustomTextKey>>> ListCustomizedAsync(
        Actor actor,
        string profileId,
        CancellationToken cancellationToken = default
    );

    /// <summary>
    /// The introduction a visitor in <paramref name="language"/> sees on <c>get-started</c>, resolved by
    /// <see cref="CustomTextCatalog.ResolveIntroduction"/> (raw text: render it only through <see cref="IntroductionHtmlSanitizer"/>).
    /// </summary>
    Task<Result<ResolvedText>> ResolveIntroductionAsync(
        Actor actor,
        string profileId,
        string? language,
        CancellationToken cancellationToken = default
    );
}

public sealed record CustomTextKey(string Language, string Page);
