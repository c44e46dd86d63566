namespace SspPortal.Web.Components.Portal;

/// <summary>One user attribute while it is edited. <see cref="Key"/> keeps a row's identity when rows move.</summary>
public sealed class UserAttributeRow
{
    public Guid Key { get; } = Guid.NewGuid();

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The contract speaks of <c>is_optional</c>; the editor asks the positive question.</summary>
    public bool Required { get; set; } = true;
}
