using MudBlazor;

namespace SspPortal.Web.Components.Portal;

/// <summary>How the portal opens its MudBlazor dialogs: one place for the options every question shares.</summary>
public static class PortalDialogOptions
{
    /// <summary>A yes/no question (ShowMessageBoxAsync): Escape answers "no", the width suits a sentence or two.</summary>
    public static DialogOptions Question => new() { CloseOnEscapeKey = true, MaxWidth = MaxWidth.ExtraSmall, FullWidth = true };
}
