using System.Globalization;

namespace SspPortal.Application.Common;

/// <summary>
/// A message as a stable <see cref="Code"/> and the values it inserts (<see cref="Args"/>), beside its English wording.
/// An interface that speaks the reader's language (the setup flow) words it from the code and the values; everything
/// else (the REST API, logs, tests) reads <see cref="English"/>. A message without a code is a value shown as it is:
/// a URL, an entity id, an identity provider's own error text.
/// </summary>
public sealed record CodedMessage(string? Code, string English, IReadOnlyList<string> Args)
{
    /// <summary>A message this one quotes as its last placeholder (<c>The metadata could not be fetched: {0}</c>).</summary>
    public CodedMessage? Inner { get; init; }

    /// <summary>A coded message; <paramref name="englishTemplate"/> uses <see cref="string.Format(IFormatProvider, string, object[])"/> placeholders.</summary>
    public static CodedMessage Of(string code, string englishTemplate, params object[] args)
    {
        var values = args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? string.Empty).ToArray();
        return new CodedMessage(code, string.Format(CultureInfo.InvariantCulture, englishTemplate, values), values);
    }

    /// <summary>A coded message whose last placeholder is <paramref name="inner"/> (after <paramref name="args"/>).</summary>
    public static CodedMessage Quoting(string code, string englishTemplate, CodedMessage inner, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var values = args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? string.Empty).ToArray();
        var english = string.Format(CultureInfo.InvariantCulture, englishTemplate, [.. values, inner.English]);
        return new CodedMessage(code, english, values) { Inner = inner };
    }

    /// <summary>A value shown as it is, in every language.</summary>
    public static CodedMessage Plain(string text) => new(null, text, []);

    public override string ToString() => English;
}
