namespace SspPortal.Web.Components.Portal;

/// <summary>
/// One step of a wire path such as <c>user_attributes[2].name</c>: the property name and, for array items, the index.
/// </summary>
public readonly record struct FieldPathSegment(string Name, int? Index);

/// <summary>Splits the wire paths of <c>FieldError.Path</c> so that a form can find the field an error belongs to.</summary>
public static class FieldPath
{
    public static FieldPathSegment[] Parse(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return [];
        }

        var segments = new List<FieldPathSegment>();
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var open = part.IndexOf('[', StringComparison.Ordinal);
            var close = part.IndexOf(']', StringComparison.Ordinal);
            if (open > 0 && close > open && int.TryParse(part.AsSpan(open + 1, close - open - 1), out var index))
            {
                segments.Add(new FieldPathSegment(part[..open], index));
            }
            else
            {
                segments.Add(new FieldPathSegment(part, null));
            }
        }

        return [.. segments];
    }
}
