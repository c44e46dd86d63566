using SspPortal.Application.Common;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tests.Support;

namespace SspPortal.Application.Tests.Profiles;

public class ProfileUpdateTests : ServiceTestBase
{
    private async Task<SelfServiceProfileDto> CreateFullAsync() =>
        await CreateProfileAsync(
            new CreateProfileRequest
            {
                Name = "Original",
                Description = "Original description",
                UserAttributes = [new UserAttributeInput("email", "Email", false)],
                AllowedStrategies = ["oidc", "samlp"],
                Branding = new BrandingInput("https://cdn.acme.test/logo.png", new BrandingColorsInput("#123456")),
            }
        );

    [Fact]
    public async Task Update_ChangesOnlySentFields_WhenPartialPatch()
    {
        var original = await CreateFullAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));

        var result = await Profiles.UpdateAsync(Editor, original.Id, new UpdateProfileRequest { Name = "Renamed" });

        AssertOk(result);
        var updated = result.Value;
        Assert.Equal("Renamed", updated.Name);
        Assert.Equal(original.Description, updated.Description);
        Assert.Equal(original.UserAttributes, updated.UserAttributes);
        Assert.Equal(original.AllowedStrategies, updated.AllowedStrategies);
        Assert.Equal(original.Branding, updated.Branding);
        Assert.Equal(original.CreatedAt, updated.CreatedAt);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, updated.UpdatedAt);
        Assert.NotEqual(original.Version, updated.Version);
        AssertSameProfile(updated, (await Profiles.GetAsync(Editor, original.Id)).Value);
    }

    [Fact]
    public async Task Update_MovesUpdatedAt_WhenEmptyPatch()
    {
        var original = await CreateFullAsync();

        var first = await Profiles.UpdateAsync(Editor, original.Id, new UpdateProfileRequest());
        var second = await Profiles.UpdateAsync(Editor, original.Id, new UpdateProfileRequest());

        AssertOk(first);
        Assert.True(first.Value.UpdatedAt > original.UpdatedAt);
        Assert.True(second.Value.UpdatedAt > first.Value.UpdatedAt);
        AssertSameProfile(original with { UpdatedAt = first.Value.UpdatedAt, Version = first.Value.Version }, first.Value);
    }

    [Fact]
    public async Task Update_ClearsDescription_WhenNull()
    {
        var original = await CreateFullAsync();

        var result = await Profiles.UpdateAsync(Editor, original.Id, new UpdateProfileRequest { Description = new Optional<string?>(null) });

        Assert.Null(result.Value.Description);
    }

    [Fact]
    public async Task Update_StoresEmptyUserAttributes_WhenNull()
    {
        var original = await CreateFullAsync();

        var result = await Profiles.UpdateAsync(
            Editor,
            original.Id,
            new UpdateProfileRequest { UserAttributes = new Optional<IReadOnlyList<UserAttributeInput?>?>(null) }
        );

        Assert.Empty(result.Value.UserAttributes);
        Assert.Empty((await Profiles.GetAsync(Editor, original.Id)).Value.UserAttributes);
    }

    [Fact]
    public async Task Update_ReplacesArrays_WhenSent()
    {
        var original = await CreateFullAsync();

        var result = await Profiles.UpdateAsync(
            Editor,
            original.Id,
            new UpdateProfileRequest
            {
                UserAttributes = new Optional<IReadOnlyList<UserAttributeInput?>?>([new UserAttributeInput("phone", "Phone", true)]),
                AllowedStrategies = new Optional<IReadOnlyList<string?>?>(["okta"]),
            }
        );

        Assert.Equal([new UserAttributeDto("phone", "Phone", true)], result.Value.UserAttributes);
        Assert.Equal(["okta"], result.Value.AllowedStrategies);
    }

    [Fact]
    public async Task Update_ReplacesBrandingWholesale_WhenSent()
    {
        var original = await CreateFullAsync();

        var result = await Profiles.UpdateAsync(
            Editor,
            original.Id,
            new UpdateProfileRequest { Branding = new BrandingInput(null, new BrandingColorsInput("#fff")) }
        );

        Assert.Equal(new BrandingDto(null, new BrandingColorsDto("#fff")), result.Value.Branding);
    }

    [Fact]
    public async Task Update_ClearsBranding_WhenNull()
    {
        var original = await CreateFullAsync();

        var result = await Profiles.UpdateAsync(Editor, original.Id, new UpdateProfileRequest { Branding = new Optional<BrandingInput?>(null) });

        Assert.Null(result.Value.Branding);
        Assert.Null((await Profiles.GetAsync(Editor, original.Id)).Value.Branding);
    }

    [Fact]
    public async Task Update_SetsAndClearsUserAttributeProfileId_WhenNoUserAttributes()
    {
        var original = await CreateProfileAsync();

        var set = await Profiles.UpdateAsync(Editor, original.Id, new UpdateProfileRequest { UserAttributeProfileId = "uap_9" });
        var cleared = await Profiles.UpdateAsync(
            Editor,
            original.Id,
            new UpdateProfileRequest { UserAttributeProfileId = new Optional<string?>(null) }
        );

        Assert.Equal("uap_9", set.Value.UserAttributeProfileId);
        Assert.Null(cleared.Value.UserAttributeProfileId);
    }

    [Fact]
    public async Task Update_ReturnsInvalid_WhenUserAttributeProfileIdMeetsStoredUserAttributes()
    {
        var original = await CreateFullAsync();

        var result = await Profiles.UpdateAsync(Editor, original.Id, new UpdateProfileRequest { UserAttributeProfileId = "uap_9" });

        AssertInvalid(result, "user_attribute_profile_id", ProfileRules.UserAttributesExclusiveReason);
        AssertSameProfile(original, (await Profiles.GetAsync(Editor, original.Id)).Value);
    }

    [Fact]
    public async Task Update_Succeeds_WhenUserAttributeProfileIdSentWithEmptyUserAttributes()
    {
        var original = await CreateFullAsync();

        var result = await Profiles.UpdateAsync(
            Editor,
            original.Id,
            new UpdateProfileRequest
            {
                UserAttributeProfileId = "uap_9",
                UserAttributes = new Optional<IReadOnlyList<UserAttributeInput?>?>([]),
            }
        );

        AssertOk(result);
        Assert.Equal("uap_9", result.Value.UserAttributeProfileId);
    }

    [Fact]
    public async Task Update_ReturnsInvalid_WhenUserAttributeProfileIdAndUserAttributesBothSent()
    {
        var original = await CreateProfileAsync();

        var result = await Profiles.UpdateAsync(
            Editor,
            original.Id,
            new UpdateProfileRequest
            {
                UserAttributeProfileId = "uap_9",
                UserAttributes = new Optional<IReadOnlyList<UserAttributeInput?>?>([new UserAttributeInput("a", "b", true)]),
            }
        );

        AssertInvalid(result, "user_attribute_profile_id", ProfileRules.UserAttributesExclusiveReason);
    }

    public static TheoryData<UpdateProfileRequest, string, string> InvalidPatches =>
        new()
        {
            { new UpdateProfileRequest { Name = new Optional<string?>(null) }, "name", "Expected type string but found type null" },
            { new UpdateProfileRequest { Name = "" }, "name", "String is too short (0 chars), minimum 1" },
            { new UpdateProfileRequest { Name = new string('n', 101) }, "name", "String is too long (101 chars), maximum 100" },
            { new UpdateProfileRequest { Description = new string('d', 141) }, "description", "String is too long (141 chars), maximum 140" },
            {
                new UpdateProfileRequest { AllowedStrategies = new Optional<IReadOnlyList<string?>?>(null) },
                "allowed_strategies",
                "Expected type array but found type null"
            },
            {
                new UpdateProfileRequest { AllowedStrategies = new Optional<IReadOnlyList<string?>?>([]) },
                "allowed_strategies",
                "Array is too short (0), minimum 1"
            },
            {
                new UpdateProfileRequest { AllowedStrategies = new Optional<IReadOnlyList<string?>?>(["bogus"]) },
                "allowed_strategies[0]",
                "No enum match for: \"bogus\""
            },
            {
                new UpdateProfileRequest
                {
                    UserAttributes = new Optional<IReadOnlyList<UserAttributeInput?>?>([new UserAttributeInput("a", "b", null)]),
                },
                "user_attributes[0].is_optional",
                "Missing required property: is_optional"
            },
            {
                new UpdateProfileRequest { Branding = new BrandingInput("http://x.test/logo.png", null) },
                "branding.logo_url",
                "https"
            },
            { new UpdateProfileRequest { UserAttributeProfileId = "nope" }, "user_attribute_profile_id", "String does not match pattern" },
        };

    [Theory]
    [MemberData(nameof(InvalidPatches))]
    public async Task Update_ReturnsInvalid_WhenFieldBreaksRule(UpdateProfileRequest patch, string path, string reason)
    {
        var original = await CreateFullAsync();

        var result = await Profiles.UpdateAsync(Editor, original.Id, patch);

        AssertInvalid(result, path, reason);
        AssertSameProfile(original, (await Profiles.GetAsync(Editor, original.Id)).Value);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task Update_Succeeds_WhenNameAtLengthEdge(int length)
    {
        var original = await CreateProfileAsync();

        var result = await Profiles.UpdateAsync(Editor, original.Id, new UpdateProfileRequest { Name = new string('x', length) });

        Assert.Equal(length, result.Value.Name.Length);
    }

    [Fact]
    public async Task Update_ReturnsNotFound_WhenProfileMissing()
    {
        var id = Ids.NewProfileId();

        var result = await Profiles.UpdateAsync(Editor, id, new UpdateProfileRequest { Name = "x" });

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal($"Profile with ID: {id} not found", result.Message);
    }

    [Fact]
    public async Task Update_ReturnsNotFound_WhenProfileOfOtherTenant()
    {
        var other = await CreateProfileAsync(actor: OtherTenantEditor);

        var result = await Profiles.UpdateAsync(Editor, other.Id, new UpdateProfileRequest { Name = "x" });

        Assert.Equal(ResultStatus.NotFound, result.Status);
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("ssp_0000000000000000000000")]
    [InlineData("ssp_123")]
    public async Task Update_ReturnsInvalidUri_WhenIdMalformed(string id)
    {
        var result = await Profiles.UpdateAsync(Editor, id, new UpdateProfileRequest());

        AssertInvalid(result, "id", "String does not match pattern", ErrorCodes.InvalidUri);
    }

    [Fact]
    public async Task Update_ReturnsForbidden_WhenActorIsViewer()
    {
        var original = await CreateProfileAsync();

        var result = await Profiles.UpdateAsync(Viewer, original.Id, new UpdateProfileRequest { Name = "x" });

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal(Scopes.Insufficient(Scopes.UpdateProfiles), result.Message);
    }

    [Fact]
    public async Task Update_ReturnsConflict_WhenExpectedVersionIsStale()
    {
        var original = await CreateProfileAsync();
        var firstEditor = await Profiles.UpdateAsync(
            Editor,
            original.Id,
            new UpdateProfileRequest { Name = "First", ExpectedVersion = original.Version }
        );

        var secondEditor = await Profiles.UpdateAsync(
            Editor,
            original.Id,
            new UpdateProfileRequest { Name = "Second", ExpectedVersion = original.Version }
        );

        AssertOk(firstEditor);
        Assert.Equal(ResultStatus.Conflict, secondEditor.Status);
        Assert.Equal("Someone else changed this profile. Reload to see their changes.", secondEditor.Message);
        Assert.Equal("First", (await Profiles.GetAsync(Editor, original.Id)).Value.Name);
    }

    [Fact]
    public async Task Update_IsLastWriterWins_WhenNoExpectedVersion()
    {
        var original = await CreateProfileAsync();
        await Profiles.UpdateAsync(Editor, original.Id, new UpdateProfileRequest { Name = "First" });

        var second = await Profiles.UpdateAsync(Editor, original.Id, new UpdateProfileRequest { Name = "Second" });

        Assert.Equal("Second", second.Value.Name);
    }

    [Fact]
    public async Task Update_ReturnsConflict_WhenAnotherWriteLandsBetweenReadAndSaveOfAnExpectedVersion()
    {
        var original = await CreateProfileAsync();
        ConcurrentWriter.Arm(() => ChangeStoredProfileAsync(original.Id, p => p.Name = "Sneaky"));

        var result = await Profiles.UpdateAsync(
            Editor,
            original.Id,
            new UpdateProfileRequest { Name = "Mine", ExpectedVersion = original.Version }
        );

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal(ProfileRules.ConcurrencyConflictMessage, result.Message);
        Assert.Equal("Sneaky", (await Profiles.GetAsync(Editor, original.Id)).Value.Name);
    }

    [Fact]
    public async Task Update_AppliesOnTopOfTheOtherWrite_WhenItLandsBetweenReadAndSaveWithoutAnExpectedVersion()
    {
        var original = await CreateProfileAsync();
        ConcurrentWriter.Arm(() =>
            ChangeStoredProfileAsync(
                original.Id,
                p =>
                {
                    p.Name = "Sneaky";
                    p.Description = "From the other writer";
                }
            )
        );

        var result = await Profiles.UpdateAsync(Editor, original.Id, new UpdateProfileRequest { Name = "Mine" });

        Assert.True(result.IsOk, result.Message);
        var stored = (await Profiles.GetAsync(Editor, original.Id)).Value;
        Assert.Equal("Mine", stored.Name);
        Assert.Equal("From the other writer", stored.Description);
    }

    [Fact]
    public async Task Update_WritesAuditEntryNamingChangedFields_WhenFieldsChange()
    {
        var original = await CreateFullAsync();

        await Profiles.UpdateAsync(
            Editor,
            original.Id,
            new UpdateProfileRequest { Name = "New", Description = new Optional<string?>(null) }
        );

        var entry = (await AuditEntriesAsync()).Last();
        Assert.Equal("profile.updated", entry.Action);
        Assert.Equal(original.Id, entry.TargetId);
        Assert.Equal("Changed name, description", entry.Summary);
    }

    [Fact]
    public async Task ToUpdateRequest_RoundTripsProfile_WhenSentBack()
    {
        var original = await CreateFullAsync();

        var result = await Profiles.UpdateAsync(Editor, original.Id, original.ToUpdateRequest());

        AssertOk(result);
        AssertSameProfile(original with { UpdatedAt = result.Value.UpdatedAt, Version = result.Value.Version }, result.Value);
        Assert.Equal("Updated with no field changes", (await AuditEntriesAsync()).Last().Summary);
    }
}
