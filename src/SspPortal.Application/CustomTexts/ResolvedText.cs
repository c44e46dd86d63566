namespace SspPortal.Application.CustomTexts;

/// <summary>The text the flow shows, the language it is in, and whether the tenant wrote it.</summary>
public sealed record ResolvedText(string Text, string Language, bool IsCustom);
