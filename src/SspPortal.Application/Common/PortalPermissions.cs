namespace SspPortal.Application.Common;

/// <summary>
/// What a signed-in portal user may do, in the words of the portal's actions, so that pages show, hide or disable
/// buttons from one place. The services check the same permissions again (<see cref="Actor.Can"/>); this only
/// decides what the interface offers. <see cref="None"/> is the read-nothing value for nobody signed in.
/// </summary>
public sealed record PortalPermissions(
    bool ReadAll,
    bool EditProfiles,
    bool DeleteProfiles,
    bool EditCustomTexts,
    bool IssueTickets,
    bool RevokeTickets,
    bool ManageConnections,
    bool ManageSettings
)
{
    public static PortalPermissions None { get; } = new(false, false, false, false, false, false, false, false);

    /// <summary>The permissions of <paramref name="actor"/>; <see cref="None"/> for nobody.</summary>
    public static PortalPermissions For(Actor? actor) =>
        actor is null
            ? None
            : new(
                actor.Can(Scopes.ReadProfiles) && actor.Can(Scopes.ReadConnections),
                actor.Can(Scopes.UpdateProfiles) && actor.Can(Scopes.CreateProfiles),
                actor.Can(Scopes.DeleteProfiles),
                actor.Can(Scopes.UpdateCustomTexts),
                actor.Can(Scopes.CreateTickets),
                actor.Can(Scopes.DeleteTickets),
                actor.Can(Scopes.UpdateConnections) && actor.Can(Scopes.DeleteConnections),
                actor.Can(Scopes.UpdateTenantSettings)
            );

    /// <summary>What a role may do, in one sentence (the development sign-in and the settings page show it).</summary>
    public static string Describe(PortalRole role) =>
        role switch
        {
            PortalRole.Admin => "manages settings and connections and deletes profiles, and does everything an Editor does",
            PortalRole.Editor => "edits profiles and custom text and issues and revokes tickets",
            PortalRole.Viewer => "reads profiles, tickets, connections, settings and the audit log",
            _ => throw new ArgumentOutOfRangeException(nameof(role)),
        };
}
