namespace SspPortal.Application.CustomTexts;

/// <summary>
/// What custom text exists (contract section 3): the supported languages, the pages, the keys per page, the limits,
/// and the built-in default introduction. The portal's editor, the API and the flow all read it from here.
/// </summary>
public static class CustomTextCatalog
{
    public const string DefaultLanguage = "en";
    public const string GetStartedPage = "get-started";
    public const string IntroductionKey = "introduction";
    public const int MaxValueLength = 2000;

    public static readonly IReadOnlyList<CustomTextLanguage> Languages =
    [
        new("en", "English", "English"),
        new("de", "German", "Deutsch"),
        new("es", "Spanish", "Español"),
        new("fr", "French", "Français"),
        new("it", "Italian", "Italiano"),
        new("ja", "Japanese", "日本語"),
        new("ko", "Korean", "한국어"),
        new("nl", "Dutch", "Nederlands"),
        new("pt-BR", "Portuguese (Brazil)", "Português (Brasil)"),
        new("zh-CN", "Chinese (Simplified)", "简体中文"),
    ];

    public static readonly IReadOnlyList<string> Pages = [GetStartedPage];

    private static readonly Dictionary<string, IReadOnlyList<string>> KeysByPage = new(StringComparer.Ordinal)
    {
        [GetStartedPage] = [IntroductionKey],
    };

    private static readonly Dictionary<string, string> DefaultIntroductions = new(StringComparer.Ordinal)
    {
        ["en"] =
            "Setting up single sign-on takes just a few steps. Some of them happen in your identity provider's admin console, so it helps to have it open in a second tab.",
        ["de"] =
            "Die Einrichtung von Single Sign-On dauert nur wenige Schritte. Einige davon erledigen Sie in der Verwaltungskonsole Ihres Identitätsanbieters – öffnen Sie sie am besten in einem zweiten Tab.",
        ["es"] =
            "Configurar el inicio de sesión único solo lleva unos pocos pasos. Algunos se hacen en la consola de administración de su proveedor de identidad, así que conviene tenerla abierta en otra pestaña.",
        ["fr"] =
            "La configuration de l'authentification unique ne prend que quelques étapes. Certaines se font dans la console d'administration de votre fournisseur d'identité : gardez-la ouverte dans un autre onglet.",
        ["it"] =
            "Configurare il single sign-on richiede solo pochi passaggi. Alcuni si svolgono nella console di amministrazione del provider di identità, quindi conviene tenerla aperta in un'altra scheda.",
        ["ja"] =
            "シングルサインオンの設定は、わずかな手順で完了します。一部の手順は ID プロバイダーの管理コンソールで行うため、別のタブで開いておくと便利です。",
        ["ko"] = "싱글 사인온 설정은 몇 단계면 끝납니다. 일부 단계는 ID 공급자의 관리 콘솔에서 진행되므로 다른 탭에 열어 두면 편리합니다.",
        ["nl"] =
            "Single sign-on instellen kost maar een paar stappen. Een deel daarvan doet u in de beheerconsole van uw identiteitsprovider, dus houd die open in een ander tabblad.",
        ["pt-BR"] =
            "Configurar o login único leva apenas alguns passos. Alguns deles acontecem no console de administração do seu provedor de identidade, então vale deixá-lo aberto em outra aba.",
        ["zh-CN"] = "设置单点登录只需几个步骤。其中一些步骤需要在身份提供商的管理控制台中完成，建议在另一个标签页中打开它。",
    };

    /// <summary>The keys a page accepts (empty for an unknown page).</summary>
    public static IReadOnlyList<string> KeysFor(string? page) =>
        page is not null && KeysByPage.TryGetValue(page, out var keys) ? keys : [];

    public static bool IsPage(string? page) => page is not null && KeysByPage.ContainsKey(page);

    /// <summary>
    /// Whether <paramref name="tag"/> is a supported language; matching ignores case (<c>pt-br</c> is <c>pt-BR</c>),
    /// and <paramref name="canonical"/> gets the catalog's spelling, which is how it is stored.
    /// </summary>
    public static bool TryGetLanguage(string? tag, out string canonical)
    {
        var match = tag is null ? null : Languages.FirstOrDefault(l => string.Equals(l.Tag, tag, StringComparison.OrdinalIgnoreCase));
        canonical = match?.Tag ?? "";
        return match is not null;
    }

    public static bool IsLanguage(string? tag) => TryGetLanguage(tag, out _);

    /// <summary>The built-in introduction in <paramref name="language"/>, or in English when there is none for it.</summary>
    public static string DefaultIntroduction(string? language) =>
        TryGetLanguage(language, out var canonical) && DefaultIntroductions.TryGetValue(canonical, out var text)
            ? text
            : DefaultIntroductions[DefaultLanguage];

    /// <summary>
    /// The introduction a visitor sees: the tenant's text in the visitor's language, else the tenant's English text,
    /// else the built-in default (in the visitor's language when we have it).
    /// </summary>
    /// <param name="language">The visitor's language (a catalog tag; anything else counts as English).</param>
    /// <param name="storedByLanguage">The profile's stored introductions by language tag.</param>
    public static ResolvedText ResolveIntroduction(string? language, IReadOnlyDictionary<string, string> storedByLanguage)
    {
        ArgumentNullException.ThrowIfNull(storedByLanguage);
        var visitor = TryGetLanguage(language, out var canonical) ? canonical : DefaultLanguage;
        if (Find(storedByLanguage, visitor) is { } own)
        {
            return new ResolvedText(own, visitor, IsCustom: true);
        }

        if (Find(storedByLanguage, DefaultLanguage) is { } english)
        {
            return new ResolvedText(english, DefaultLanguage, IsCustom: true);
        }

        return DefaultIntroductions.TryGetValue(visitor, out var builtIn)
            ? new ResolvedText(builtIn, visitor, IsCustom: false)
            : new ResolvedText(DefaultIntroductions[DefaultLanguage], DefaultLanguage, IsCustom: false);
    }

    /// <summary>
    /// The catalog language for a visitor: <paramref name="requested"/> (<c>?lang=</c>) when supported, else the best
    /// match in <paramref name="acceptLanguage"/> (quality order; <c>de-AT</c> matches <c>de</c>, <c>pt</c> matches
    /// <c>pt-BR</c>), else English.
    /// </summary>
    public static string PickLanguage(string? requested, string? acceptLanguage)
    {
        if (Match(requested) is { } chosen)
        {
            return chosen;
        }

        if (string.IsNullOrWhiteSpace(acceptLanguage))
        {
            return DefaultLanguage;
        }

        var ranked = acceptLanguage
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((part, index) => (Tag: part.Split(';')[0].Trim(), Quality: Quality(part), Index: index))
            .Where(p => p.Quality > 0)
            .OrderByDescending(p => p.Quality)
            .ThenBy(p => p.Index);
        foreach (var (tag, _, _) in ranked)
        {
            if (Match(tag) is { } match)
            {
                return match;
            }
        }

        return DefaultLanguage;
    }

    private static string? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        if (TryGetLanguage(tag, out var exact))
        {
            return exact;
        }

        var primary = tag.Split('-')[0];
        if (
            primary.Equals("zh", StringComparison.OrdinalIgnoreCase)
            && (tag.Contains("Hant", StringComparison.OrdinalIgnoreCase) || tag.EndsWith("-TW", StringComparison.OrdinalIgnoreCase)
                || tag.EndsWith("-HK", StringComparison.OrdinalIgnoreCase) || tag.EndsWith("-MO", StringComparison.OrdinalIgnoreCase))
        )
        {
            return null;
        }

        return Languages.FirstOrDefault(l => l.Tag.Split('-')[0].Equals(primary, StringComparison.OrdinalIgnoreCase))?.Tag;
    }

    private static double Quality(string part)
    {
        var q = part.Split(';').Skip(1).Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("q=", StringComparison.OrdinalIgnoreCase));
        return q is null
            ? 1
            : double.TryParse(q[2..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : 0;
    }

    private static string? Find(IReadOnlyDictionary<string, string> stored, string language)
    {
        foreach (var (tag, text) in stored)
        {
            if (string.Equals(tag, language, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        return null;
    }
}
