using SspPortal.Application.Common;

namespace SspPortal.Web.Api.Binding;

/// <summary>The body of PUT custom-text: an object of strings (which keys a page takes is the service's rule).</summary>
public static class CustomTextBinding
{
    public static Result<IReadOnlyDictionary<string, string?>> Entries(RequestBody.Read body) =>
        WireReader.Bind(body, allowed: null, o => o.AsStringMap(nullValues: false));
}
