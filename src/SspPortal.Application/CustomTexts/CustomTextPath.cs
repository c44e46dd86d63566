namespace SspPortal.Application.CustomTexts;

/// <summary>The <c>{language}/{page}</c> of a custom-text URL.</summary>
public sealed record CustomTextPath(string? Language, string? Page);
