using SspPortal.Application.Common;

namespace SspPortal.Application.Profiles;

/// <summary>What the portal's profile list can be ordered by.</summary>
public enum ProfileSort
{
    /// <summary>The contract's order: created_at, then id.</summary>
    Created,
    Name,
    Updated,
}

/// <summary>
/// The portal's profile list: a page, an order and an optional search for part of the name (case-insensitive).
/// The REST API keeps its contract order and uses <see cref="PageRequest"/> alone.
/// </summary>
public sealed record ProfileListQuery(PageRequest Page, string? Search = null, ProfileSort Sort = ProfileSort.Created, bool Descending = false)
{
    /// <summary>The longest search text accepted (a profile name is at most this long).</summary>
    public const int SearchMaxLength = ProfileRules.NameMaxLength;
}
