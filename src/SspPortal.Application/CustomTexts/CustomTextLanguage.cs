namespace SspPortal.Application.CustomTexts;

/// <summary>A language custom text may be written in, with how to show its name.</summary>
public sealed record CustomTextLanguage(string Tag, string EnglishName, string NativeName);
