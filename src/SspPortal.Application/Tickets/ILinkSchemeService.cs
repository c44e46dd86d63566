namespace SspPortal.Application.Tickets;

/// <summary>
/// The scheme of the links the app hands out to its own pages on a tenant's host (ticket URLs, the SAML metadata URL):
/// the one visitors reach the app with, so that a copied link opens as it is.
/// </summary>
public interface ILinkSchemeService
{
    /// <summary><c>https</c> or <c>http</c>.</summary>
    string Scheme { get; }
}
