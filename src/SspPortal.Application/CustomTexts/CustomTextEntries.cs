namespace SspPortal.Application.CustomTexts;

/// <summary>The body of a custom-text PUT: the whole map for one page.</summary>
public sealed record CustomTextEntries(string Page, IReadOnlyDictionary<string, string?> Entries);
