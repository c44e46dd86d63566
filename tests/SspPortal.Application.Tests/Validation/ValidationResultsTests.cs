using FluentValidation.Results;
using SspPortal.Application.Common;
using SspPortal.Application.Common.Validation;
using SspPortal.Application.Profiles;

namespace SspPortal.Application.Tests.Validation;

public sealed class ValidationResultsTests
{
    [Fact]
    public void ToResult_ReturnsOk_WhenNoFailures() => Assert.True(new ValidationResult().ToResult().IsOk);

    [Fact]
    public void ToResult_GroupsErrorsByPath_InOrderFirstSeen()
    {
        var validation = new ValidationResult(
            [
                new ValidationFailure("name", "a"),
                new ValidationFailure("description", "b"),
                new ValidationFailure("name", "c"),
                new ValidationFailure("name", "a"),
            ]
        );

        var result = validation.ToResult(ErrorCodes.InvalidQueryString);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(ErrorCodes.InvalidQueryString, result.ErrorCode);
        Assert.Equal([new FieldError("name", "a"), new FieldError("name", "c"), new FieldError("description", "b")], result.Errors);
        var byPath = result.ErrorsByPath();
        Assert.Equal(["a", "c"], byPath["name"]);
        Assert.Equal(["b"], byPath["description"]);
    }

    [Fact]
    public void ValidateToResult_UsesValidatorsWirePaths_ForNestedFields()
    {
        var request = new CreateProfileRequest
        {
            Name = "ok",
            UserAttributes = [new UserAttributeInput("a", "b", true), new UserAttributeInput("c", new string('d', 256), true)],
            Branding = new BrandingInput(null, new BrandingColorsInput("blue")),
        };

        var result = new CreateProfileRequestValidator().ValidateToResult(request);

        Assert.Equal(
            [
                new FieldError("user_attributes[1].description", "String is too long (256 chars), maximum 255"),
                new FieldError("branding.colors.primary", "String does not match pattern: " + ProfileRules.ColorPattern),
            ],
            result.Errors
        );
    }

    [Theory]
    [InlineData(ErrorCodes.InvalidBody, "Payload validation error: 'why' on property where.")]
    [InlineData(ErrorCodes.InvalidUri, "Path validation error: 'why' on property where.")]
    [InlineData(ErrorCodes.InvalidQueryString, "Query validation error: 'why' on property where.")]
    public void MessageFor_FormatsFirstFieldError_ByErrorCode(string errorCode, string expected) =>
        Assert.Equal(expected, ContractErrors.MessageFor(Result.Invalid([new FieldError("where", "why"), new FieldError("x", "y")], errorCode)));

    [Fact]
    public void MessageFor_UsesResultMessage_WhenPresent()
    {
        Assert.Equal("Connection not found", ContractErrors.MessageFor(Result.InvalidMessage("Connection not found")));
        Assert.Equal("Profile with ID: x not found", ContractErrors.MessageFor(Result.NotFound("Profile with ID: x not found")));
    }

    [Theory]
    [InlineData(ResultStatus.Invalid, 400, "Bad Request")]
    [InlineData(ResultStatus.NotFound, 404, "Not Found")]
    [InlineData(ResultStatus.Conflict, 409, "Conflict")]
    [InlineData(ResultStatus.Forbidden, 403, "Forbidden")]
    public void HttpStatusFor_MapsEachFailure(ResultStatus status, int code, string error) =>
        Assert.Equal((code, error), ContractErrors.HttpStatusFor(status));

    [Theory]
    [InlineData("ssp_1111111111111111111111", true)]
    [InlineData("ssp_111111111111111111111", false)]
    [InlineData("ssp_11111111111111111111111", false)]
    [InlineData("ssp_111111111111111111111l", false)]
    [InlineData("con_1111111111111111", false)]
    public void CheckProfileId_AcceptsOnlyProfileIdShape(string id, bool ok)
    {
        var result = PathValues.CheckProfileId(id);

        Assert.Equal(ok, result is null);
        if (result is not null)
        {
            Assert.Equal(ErrorCodes.InvalidUri, result.ErrorCode);
        }
    }

    [Fact]
    public void NewIds_HaveContractShapes()
    {
        var profileIds = Enumerable.Range(0, 200).Select(_ => Ids.NewProfileId()).ToList();

        Assert.All(profileIds, id => Assert.Matches("^ssp_[1-9A-HJ-NP-Za-km-z]{22}$", id));
        Assert.Equal(200, profileIds.Distinct().Count());
        Assert.Matches("^con_[1-9A-HJ-NP-Za-km-z]{16}$", Ids.NewConnectionId());
        Assert.Matches("^[A-Za-z0-9]{32}$", Ids.NewTicketSecret());
    }
}
