using Microsoft.AspNetCore.Components;
using SspPortal.Application.Common;
using SspPortal.Web.Authentication;

namespace SspPortal.Web.Components.Portal;

/// <summary>
/// A portal page: knows the signed-in actor and what it may do. The services check permissions again;
/// this only decides which buttons to show.
/// </summary>
public abstract class PortalPageBase : ComponentBase
{
    [Inject]
    private IPortalActorAccessor ActorAccessor { get; set; } = default!;

    /// <summary>The signed-in actor; null until loaded or when nobody usable is signed in.</summary>
    protected Actor? Actor { get; private set; }

    /// <summary>True once the actor has been looked up.</summary>
    protected bool ActorLoaded { get; private set; }

    protected bool Can(string scope) => Actor?.Can(scope) == true;

    protected override async Task OnInitializedAsync()
    {
        Actor = await ActorAccessor.GetActorAsync();
        ActorLoaded = true;
        if (Actor is not null)
        {
            await LoadAsync(Actor);
        }
    }

    /// <summary>Loads the page's data for the actor.</summary>
    protected abstract Task LoadAsync(Actor actor);
}
