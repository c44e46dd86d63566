using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Common;
using SspPortal.Application.Common.Validation;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tests.Support;

namespace SspPortal.Application.Tests.Profiles;

public class ProfileCreateTests : ServiceTestBase
{
    private static CreateProfileRequest Valid => new() { Name = "Acme SSO" };

    private static string LogoUrl(int length) => "https://cdn.acme.test/" + new string('a', length - "https://cdn.acme.test/".Length);

    private static List<UserAttributeInput?> Attributes(int count) =>
        Enumerable.Range(0, count).Select(i => (UserAttributeInput?)new UserAttributeInput($"attr{i}", $"Attribute {i}", i % 2 == 0)).ToList();

    [Fact]
    public async Task Create_ReturnsProfileWithDefaults_WhenOnlyNameSent()
    {
        var result = await Profiles.CreateAsync(Editor, Valid);

        AssertOk(result);
        var profile = result.Value;
        Assert.True(Ids.IsProfileId(profile.Id), profile.Id);
        Assert.Equal("Acme SSO", profile.Name);
        Assert.Null(profile.Description);
        Assert.Empty(profile.UserAttributes);
        Assert.Equal(Strategies.Names, profile.AllowedStrategies);
        Assert.Null(profile.Branding);
        Assert.Null(profile.UserAttributeProfileId);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, profile.CreatedAt);
        Assert.Equal(profile.CreatedAt, profile.UpdatedAt);
        Assert.NotEqual(Guid.Empty, profile.Version);
    }

    [Fact]
    public async Task Create_StoresEveryField_WhenAllFieldsSent()
    {
        var request = new CreateProfileRequest
        {
            Name = "Full",
            Description = "All fields",
            UserAttributes = [new UserAttributeInput("email", "Work email", false), new UserAttributeInput("phone", "Phone", true)],
            AllowedStrategies = ["samlp", "oidc"],
            Branding = new BrandingInput("https://cdn.acme.test/logo.png", new BrandingColorsInput("#112233")),
        };

        var created = await CreateProfileAsync(request);
        var read = await Profiles.GetAsync(Editor, created.Id);

        AssertOk(read);
        var profile = read.Value;
        Assert.Equal("All fields", profile.Description);
        Assert.Equal([new UserAttributeDto("email", "Work email", false), new UserAttributeDto("phone", "Phone", true)], profile.UserAttributes);
        Assert.Equal(["samlp", "oidc"], profile.AllowedStrategies);
        Assert.Equal("https://cdn.acme.test/logo.png", profile.Branding!.LogoUrl);
        Assert.Equal("#112233", profile.Branding.Colors!.Primary);
        Assert.Equal(created.Version, profile.Version);
    }

    [Fact]
    public async Task Create_StoresUserAttributeProfileId_WhenNoUserAttributes()
    {
        var profile = await CreateProfileAsync(new CreateProfileRequest { Name = "uap", UserAttributeProfileId = "uap_1234abcd", UserAttributes = [] });

        Assert.Equal("uap_1234abcd", profile.UserAttributeProfileId);
    }

    public static TheoryData<string?, string, string> InvalidNames =>
        new()
        {
            { null, "name", "Missing required property: name" },
            { "", "name", "String is too short (0 chars), minimum 1" },
            { new string('n', 101), "name", "String is too long (101 chars), maximum 100" },
        };

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public async Task Create_ReturnsInvalid_WhenNameBreaksRule(string? name, string path, string reason)
    {
        var result = await Profiles.CreateAsync(Editor, Valid with { Name = name });

        AssertInvalid(result, path, reason);
        Assert.Equal($"Payload validation error: '{reason}' on property {path}.", ContractErrors.MessageFor(result));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task Create_Succeeds_WhenNameAtLengthEdge(int length)
    {
        var profile = await CreateProfileAsync(Valid with { Name = new string('n', length) });

        Assert.Equal(length, profile.Name.Length);
    }

    [Theory]
    [InlineData(140, true)]
    [InlineData(141, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public async Task Create_AcceptsOrRejectsDescription_WhenAtOrBeyondLengthEdge(int length, bool ok)
    {
        var result = await Profiles.CreateAsync(Editor, Valid with { Description = new string('d', length) });

        if (ok)
        {
            AssertOk(result);
        }
        else
        {
            AssertInvalid(result, "description", length == 0 ? "too short" : "String is too long (141 chars), maximum 140");
        }
    }

    public static TheoryData<UserAttributeInput?, string, string> InvalidAttributes =>
        new()
        {
            { new UserAttributeInput(null, "d", true), "user_attributes[0].name", "Missing required property: name" },
            { new UserAttributeInput("n", null, true), "user_attributes[0].description", "Missing required property: description" },
            { new UserAttributeInput("n", "d", null), "user_attributes[0].is_optional", "Missing required property: is_optional" },
            { new UserAttributeInput("", "d", true), "user_attributes[0].name", "String is too short (0 chars), minimum 1" },
            { new UserAttributeInput("n", "", true), "user_attributes[0].description", "String is too short (0 chars), minimum 1" },
            { new UserAttributeInput(new string('n', 256), "d", true), "user_attributes[0].name", "String is too long (256 chars), maximum 255" },
            { new UserAttributeInput("n", new string('d', 256), true), "user_attributes[0].description", "String is too long (256 chars), maximum 255" },
            { null, "user_attributes[0]", "Expected type object but found type null" },
        };

    [Theory]
    [MemberData(nameof(InvalidAttributes))]
    public async Task Create_ReturnsInvalid_WhenUserAttributeBreaksRule(UserAttributeInput? attribute, string path, string reason)
    {
        var result = await Profiles.CreateAsync(Editor, Valid with { UserAttributes = [attribute] });

        AssertInvalid(result, path, reason);
    }

    [Fact]
    public async Task Create_Succeeds_WhenUserAttributeFieldsAt255Chars()
    {
        var profile = await CreateProfileAsync(
            Valid with
            {
                UserAttributes = [new UserAttributeInput(new string('n', 255), new string('d', 255), false)],
            }
        );

        Assert.Equal(255, profile.UserAttributes[0].Name.Length);
        Assert.False(profile.UserAttributes[0].IsOptional);
    }

    [Fact]
    public async Task Create_Succeeds_WhenTwentyUserAttributes()
    {
        var profile = await CreateProfileAsync(Valid with { UserAttributes = Attributes(20) });

        Assert.Equal(20, profile.UserAttributes.Count);
    }

    [Fact]
    public async Task Create_ReturnsInvalid_WhenTwentyOneUserAttributes()
    {
        var result = await Profiles.CreateAsync(Editor, Valid with { UserAttributes = Attributes(21) });

        AssertInvalid(result, "user_attributes", "Array is too long (21), maximum 20");
    }

    [Fact]
    public async Task Create_ReturnsInvalid_WhenUserAttributeNamesDifferOnlyInCase()
    {
        var result = await Profiles.CreateAsync(
            Editor,
            Valid with
            {
                UserAttributes = [new UserAttributeInput("Email", "a", true), new UserAttributeInput("email", "b", true)],
            }
        );

        AssertInvalid(result, "user_attributes[1].name", "Duplicate user attribute name");
    }

    [Theory]
    [InlineData("oidc")]
    [InlineData("samlp")]
    [InlineData("waad")]
    [InlineData("google-apps")]
    [InlineData("adfs")]
    [InlineData("okta")]
    [InlineData("auth0-samlp")]
    [InlineData("okta-samlp")]
    [InlineData("keycloak-samlp")]
    [InlineData("pingfederate")]
    public async Task Create_AcceptsStrategy_WhenInEnum(string strategy)
    {
        var profile = await CreateProfileAsync(Valid with { AllowedStrategies = [strategy] });

        Assert.Equal([strategy], profile.AllowedStrategies);
    }

    public static TheoryData<string?[], string, string> InvalidStrategies =>
        new()
        {
            { ["foo"], "allowed_strategies[0]", "No enum match for: \"foo\"" },
            { ["oidc", "OIDC"], "allowed_strategies[1]", "No enum match for: \"OIDC\"" },
            { [], "allowed_strategies", "Array is too short (0), minimum 1" },
            { ["oidc", "oidc"], "allowed_strategies", "Array items are not unique" },
            { [null], "allowed_strategies[0]", "Expected type string but found type null" },
        };

    [Theory]
    [MemberData(nameof(InvalidStrategies))]
    public async Task Create_ReturnsInvalid_WhenStrategiesBreakRule(string?[] strategies, string path, string reason)
    {
        var result = await Profiles.CreateAsync(Editor, Valid with { AllowedStrategies = strategies });

        AssertInvalid(result, path, reason);
    }

    public static TheoryData<string?, string?, bool, string?> BrandingCases =>
        new()
        {
            { "https://cdn.acme.test/logo.png", null, true, null },
            { LogoUrl(1024), null, true, null },
            { LogoUrl(1025), null, false, "branding.logo_url" },
            { "http://cdn.acme.test/logo.png", null, false, "branding.logo_url" },
            { "https://", null, false, "branding.logo_url" },
            { "logo.png", null, false, "branding.logo_url" },
            { null, "#abc", true, null },
            { null, "#A1B2C3", true, null },
            { null, "#abcd", false, "branding.colors.primary" },
            { null, "red", false, "branding.colors.primary" },
            { null, "#GGGGGG", false, "branding.colors.primary" },
        };

    [Theory]
    [MemberData(nameof(BrandingCases))]
    public async Task Create_AcceptsOrRejectsBranding_WhenLogoOrColorAtOrBeyondRule(string? logoUrl, string? primary, bool ok, string? path)
    {
        var branding = new BrandingInput(logoUrl, primary is null ? null : new BrandingColorsInput(primary));

        var result = await Profiles.CreateAsync(Editor, Valid with { Branding = branding });

        if (ok)
        {
            AssertOk(result);
            Assert.Equal(logoUrl, result.Value.Branding!.LogoUrl);
            Assert.Equal(primary, result.Value.Branding.Colors?.Primary);
        }
        else
        {
            AssertInvalid(result, path!);
        }
    }

    [Fact]
    public async Task Create_ReturnsInvalid_WhenColorsWithoutPrimary()
    {
        var result = await Profiles.CreateAsync(Editor, Valid with { Branding = new BrandingInput(null, new BrandingColorsInput(null)) });

        AssertInvalid(result, "branding.colors.primary", "Missing required property: primary");
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("uap_")]
    [InlineData("uap_abc-def")]
    [InlineData("")]
    public async Task Create_ReturnsInvalid_WhenUserAttributeProfileIdMalformed(string id)
    {
        var result = await Profiles.CreateAsync(Editor, Valid with { UserAttributeProfileId = id });

        AssertInvalid(result, "user_attribute_profile_id");
    }

    [Fact]
    public async Task Create_ReturnsInvalid_WhenUserAttributeProfileIdWithUserAttributes()
    {
        var result = await Profiles.CreateAsync(
            Editor,
            Valid with
            {
                UserAttributeProfileId = "uap_abc",
                UserAttributes = [new UserAttributeInput("email", "Email", false)],
            }
        );

        AssertInvalid(result, "user_attribute_profile_id", ProfileRules.UserAttributesExclusiveReason);
    }

    [Fact]
    public async Task Create_ReportsEveryFieldError_WhenSeveralFieldsInvalid()
    {
        var result = await Profiles.CreateAsync(
            Editor,
            new CreateProfileRequest { Name = "", AllowedStrategies = ["x"], Description = "" }
        );

        var byPath = result.ErrorsByPath();
        Assert.Equal(["name", "description", "allowed_strategies[0]"], byPath.Keys);
        Assert.Equal("name", result.Errors[0].Path);
    }

    [Fact]
    public async Task Create_ReturnsConflict_WhenProfileLimitReached()
    {
        await CreateProfileAsync();

        var result = await Profiles.CreateAsync(Editor, Valid);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal("No more profiles can be created for this tenant.", result.Message);
        Assert.Equal(1, await DbAsync(db => db.Profiles.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Create_KeepsLimit_WhenCreatesRunConcurrently()
    {
        ProfileLimit = 3;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Profiles.CreateAsync(Editor, Valid with { Name = $"P{i}" }))));

        Assert.Equal(3, results.Count(r => r.IsOk));
        Assert.All(results.Where(r => !r.IsOk), r => Assert.Equal(ResultStatus.Conflict, r.Status));
        Assert.Equal(3, await DbAsync(db => db.Profiles.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Create_AllowsTwentyProfiles_WhenSettingIsTwenty()
    {
        ProfileLimit = 20;
        for (var i = 0; i < 20; i++)
        {
            await CreateProfileAsync(Valid with { Name = $"P{i}" });
        }

        var result = await Profiles.CreateAsync(Editor, Valid);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal(ProfileRules.LimitReachedMessage, result.Message);
    }

    [Fact]
    public async Task Create_UsesTenantLimit_WhenTenantMaxProfilesSet()
    {
        await SetTenantMaxProfilesAsync(2);
        await CreateProfileAsync();
        await CreateProfileAsync();

        var third = await Profiles.CreateAsync(Editor, Valid);
        var quota = await Profiles.GetQuotaAsync(Editor);

        Assert.Equal(ResultStatus.Conflict, third.Status);
        Assert.Equal(new ProfileQuota(2, 2), quota.Value);
        Assert.False(quota.Value.CanCreate);
    }

    [Fact]
    public async Task Create_CountsOnlyOwnTenant_WhenOtherTenantHasProfile()
    {
        await CreateProfileAsync(actor: OtherTenantEditor);

        var result = await Profiles.CreateAsync(Editor, Valid);

        AssertOk(result);
    }

    [Fact]
    public async Task Create_ReturnsForbidden_WhenActorIsViewer()
    {
        var result = await Profiles.CreateAsync(Viewer, Valid);

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal("Insufficient scope, expected any of: create:self_service_profiles", result.Message);
    }

    [Fact]
    public async Task Create_WritesAuditEntry_WhenProfileCreated()
    {
        var profile = await CreateProfileAsync();

        var entry = Assert.Single(await AuditEntriesAsync());
        Assert.Equal("profile.created", entry.Action);
        Assert.Equal(profile.Id, entry.TargetId);
        Assert.Equal(profile.Id, entry.ProfileId);
        Assert.Equal("Ada Editor (user-1)", entry.Actor);
        Assert.Equal(profile.CreatedAt, entry.At);
        Assert.Contains("Acme SSO", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetQuota_ReturnsUsedAndLimit_WhenDefaultSetting()
    {
        var before = await Profiles.GetQuotaAsync(Viewer);
        await CreateProfileAsync();
        var after = await Profiles.GetQuotaAsync(Viewer);

        Assert.Equal(new ProfileQuota(0, 1), before.Value);
        Assert.True(before.Value.CanCreate);
        Assert.Equal(new ProfileQuota(1, 1), after.Value);
    }
}
