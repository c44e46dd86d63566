namespace SspPortal.Web.Components.Layout;

/// <summary>The visitor's choice of light or dark mode; <see cref="System"/> follows the system setting.</summary>
public enum ThemeChoice
{
    System,
    Light,
    Dark,
}
