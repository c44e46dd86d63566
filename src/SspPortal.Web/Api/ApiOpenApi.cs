using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SspPortal.Web.Api;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) of the nine API operations: bearer security with each operation's
/// scope, snake_case request schemas, the documented query and header parameters.
/// </summary>
public static class ApiOpenApi
{
    public const string DocumentName = "v1";
    private const string SecuritySchemeId = "Bearer";

    public static IHostApplicationBuilder AddApiOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(
            DocumentName,
            options =>
            {
                options.ShouldInclude = description => description.GroupName == DocumentName;
                options.AddDocumentTransformer(TransformDocumentAsync);
                options.AddOperationTransformer(TransformOperationAsync);
            }
        );
        return builder;
    }

    /// <summary>Documents an optional query parameter the handler reads itself.</summary>
    public static RouteHandlerBuilder WithQueryParameter(this RouteHandlerBuilder builder, string name, JsonSchemaType type, string description) =>
        builder.WithMetadata(new DocumentedParameter(name, ParameterLocation.Query, type, description));

    /// <summary>Documents an optional request header the handler reads itself.</summary>
    public static RouteHandlerBuilder WithHeaderParameter(this RouteHandlerBuilder builder, string name, string description) =>
        builder.WithMetadata(new DocumentedParameter(name, ParameterLocation.Header, JsonSchemaType.String, description));

    /// <summary>
    /// The request body schema, in both accepted encodings. <c>*/*</c> is listed too so that routing hands every
    /// request to the endpoint, which answers an unsupported Content-Type with the contract's 400 body itself; the
    /// document transformer drops it again.
    /// </summary>
    public static RouteHandlerBuilder AcceptsWire<T>(this RouteHandlerBuilder builder)
        where T : notnull => builder.Accepts<T>(JsonContentType, FormContentType, AnyContentType);

    private const string JsonContentType = "application/json";
    private const string FormContentType = "application/x-www-form-urlencoded";
    private const string AnyContentType = "*/*";

    /// <summary>The contract error body for the given statuses plus those every endpoint can answer (401, 403, 429).</summary>
    public static RouteHandlerBuilder ProducesApiErrors(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes.Concat([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests]))
        {
            builder.Produces<ApiError>(status);
        }

        return builder;
    }

    private sealed record DocumentedParameter(string Name, ParameterLocation In, JsonSchemaType Type, string Description);

    private static Task TransformDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "SspPortal Management API",
            Version = "v2",
            Description = "Self-service SSO profiles, their custom text and SSO tickets. Every request is bound to the tenant named by the bearer token.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SecuritySchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token with the operation's scope (scope or permissions claim) and the tenant claim.",
        };

        UseWireNames(document);
        foreach (var (_, operation) in document.Paths.Values.SelectMany(path => path.Operations ?? []))
        {
            if (operation.RequestBody is OpenApiRequestBody body)
            {
                body.Content?.Remove(AnyContentType);

                // An empty body reads as {}: only the create-profile body has a required member (name).
                body.Required = operation.OperationId == "CreateSelfServiceProfile";
            }

            if (operation.Security is { } requirements)
            {
                // Operation transformers run before the scheme exists; bind their references to this document.
                operation.Security = [.. requirements.Select(requirement => Rebind(requirement, document))];
            }
        }

        // The list answers either a bare array or, with include_totals=true, the paged object.
        if (
            document.Paths.TryGetValue(ApiHosting.BasePath + SelfServiceProfilesEndpoints.Path, out var listPath)
            && listPath.Operations?.TryGetValue(HttpMethod.Get, out var list) == true
            && list.Responses?.TryGetValue("200", out var ok) == true
            && ok.Content?.TryGetValue("application/json", out var media) == true
            && media.Schema is { } arraySchema
        )
        {
            var integer = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" };
            media.Schema = new OpenApiSchema
            {
                OneOf =
                [
                    arraySchema,
                    new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "self_service_profiles", "start", "limit", "total" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["self_service_profiles"] = arraySchema,
                            ["start"] = integer,
                            ["limit"] = integer,
                            ["total"] = integer,
                        },
                    },
                ],
            };
        }

        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement Rebind(OpenApiSecurityRequirement requirement, OpenApiDocument document)
    {
        var rebound = new OpenApiSecurityRequirement();
        foreach (var (scheme, scopes) in requirement)
        {
            rebound[new OpenApiSecuritySchemeReference(scheme.Reference.Id ?? SecuritySchemeId, document)] = scopes;
        }

        return rebound;
    }

    private static Task TransformOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<ApiAuthentication.RequiredScope>().FirstOrDefault() is { } scope)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeId)] = [scope.Scope] },
            ];
            operation.Description = string.IsNullOrEmpty(operation.Description)
                ? $"Scope: {scope.Scope}."
                : $"{operation.Description} Scope: {scope.Scope}.";
        }

        foreach (var parameter in metadata.OfType<DocumentedParameter>())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(
                new OpenApiParameter
                {
                    Name = parameter.Name,
                    In = parameter.In,
                    Required = false,
                    Description = parameter.Description,
                    Schema = new OpenApiSchema { Type = parameter.Type },
                }
            );
        }

        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter.In == ParameterLocation.Path && parameter.Name is "id" or "profileId" && parameter.Schema is OpenApiSchema schema)
            {
                schema.Examples = parameter.Name == "id" && operation.OperationId == "RevokeSsoTicket"
                    ? null
                    : [JsonValue.Create("ssp_5gn3dzY2nFoo5quxtv8C7A")];
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The application's request and response records (every component schema) are documented with their snake_case
    /// wire names; the error body keeps its camelCase keys. Required members follow the contract where they hold for
    /// every operation that uses the schema.
    /// </summary>
    private static void UseWireNames(OpenApiDocument document)
    {
        foreach (var (id, component) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (id == nameof(ApiError) || component is not OpenApiSchema { Properties: { Count: > 0 } properties } schema)
            {
                continue;
            }

            var renamed = properties.ToList();
            properties.Clear();
            foreach (var (property, propertySchema) in renamed)
            {
                properties[JsonNamingPolicy.SnakeCaseLower.ConvertName(property)] = propertySchema;
            }

            if (RequiredMembers.TryGetValue(id, out var required))
            {
                schema.Required = new HashSet<string>(required, StringComparer.Ordinal);
            }
        }
    }

    private static readonly Dictionary<string, string[]> RequiredMembers = new(StringComparer.Ordinal)
    {
        ["UserAttributeInput"] = ["name", "description", "is_optional"],
        ["BrandingColorsInput"] = ["primary"],
        ["ConnectionConfigInput"] = ["name"],
        ["EnabledOrganizationInput"] = ["organization_id"],
        ["DomainAliasesConfigInput"] = ["domain_verification"],
        ["GoogleWorkspaceInput"] = ["sync_users"],
    };
}
