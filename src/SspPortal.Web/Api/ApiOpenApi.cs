using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

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
    public static RouteHandlerBuilder WithQueryParameter(this RouteHandlerBuilder builder, string name, string type, string description) =>
        builder.WithMetadata(new DocumentedParameter(name, ParameterLocation.Query, type, description));

    /// <summary>Documents an optional request header the handler reads itself.</summary>
    public static RouteHandlerBuilder WithHeaderParameter(this RouteHandlerBuilder builder, string name, string description) =>
        builder.WithMetadata(new DocumentedParameter(name, ParameterLocation.Header, "string", description));

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

    private sealed record DocumentedParameter(string Name, ParameterLocation In, string Type, string Description);

    private static Task TransformDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "SspPortal Management API",
            Version = "v2",
            Description = "Self-service SSO profiles, their custom text and SSO tickets. Every request is bound to the tenant named by the bearer token.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes[SecuritySchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token with the operation's scope (scope or permissions claim) and the tenant claim.",
        };

        UseWireNames(document);
        foreach (var operation in document.Paths.Values.SelectMany(path => path.Operations.Values))
        {
            if (operation.RequestBody is { } body)
            {
                body.Content.Remove(AnyContentType);

                // An empty body reads as {}: only the create-profile body has a required member (name).
                body.Required = operation.OperationId == "CreateSelfServiceProfile";
            }
        }

        // The list answers either a bare array or, with include_totals=true, the paged object.
        if (
            document.Paths.TryGetValue(ApiHosting.BasePath + SelfServiceProfilesEndpoints.Path, out var listPath)
            && listPath.Operations.TryGetValue(OperationType.Get, out var list)
            && list.Responses.TryGetValue("200", out var ok)
            && ok.Content.TryGetValue("application/json", out var media)
            && media.Schema is { } arraySchema
        )
        {
            var integer = new OpenApiSchema { Type = "integer", Format = "int32" };
            media.Schema = new OpenApiSchema
            {
                OneOf =
                [
                    arraySchema,
                    new OpenApiSchema
                    {
                        Type = "object",
                        Required = new HashSet<string> { "self_service_profiles", "start", "limit", "total" },
                        Properties = new Dictionary<string, OpenApiSchema>
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

    private static Task TransformOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<ApiAuthentication.RequiredScope>().FirstOrDefault() is { } scope)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement
                {
                    [
                        new OpenApiSecurityScheme
                        {
                            Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = SecuritySchemeId },
                        }
                    ] = [scope.Scope],
                },
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
            if (parameter.In == ParameterLocation.Path && parameter.Name is "id" or "profileId" && parameter.Schema is { } schema)
            {
                schema.Example = parameter.Name == "id" && operation.OperationId == "RevokeSsoTicket"
                    ? null
                    : new OpenApiString("ssp_5gn3dzY2nFoo5quxtv8C7A");
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The application's request records (and every nested type) are documented with their snake_case wire names;
    /// the error body keeps its camelCase keys. Required members follow the contract where they hold for every
    /// operation that uses the schema. Runs before the schemas move to the components, so it walks the operations.
    /// </summary>
    private static void UseWireNames(OpenApiDocument document)
    {
        var visited = new HashSet<OpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var operation in document.Paths.Values.SelectMany(path => path.Operations.Values))
        {
            var bodies = (operation.RequestBody?.Content.Values ?? []).Concat(operation.Responses.Values.SelectMany(r => r.Content.Values));
            foreach (var media in bodies)
            {
                Rename(media.Schema, visited);
            }
        }
    }

    private static void Rename(OpenApiSchema? schema, HashSet<OpenApiSchema> visited)
    {
        if (schema is null || !visited.Add(schema))
        {
            return;
        }

        var id = schema.Annotations is { } annotations && annotations.TryGetValue("x-schema-id", out var value) ? value as string : null;
        if (id != nameof(ApiError) && schema.Properties is { Count: > 0 })
        {
            var renamed = schema.Properties.ToList();
            schema.Properties.Clear();
            foreach (var (property, propertySchema) in renamed)
            {
                schema.Properties[JsonNamingPolicy.SnakeCaseLower.ConvertName(property)] = propertySchema;
            }

            if (id is not null && RequiredMembers.TryGetValue(id, out var required))
            {
                schema.Required = new HashSet<string>(required, StringComparer.Ordinal);
            }
        }

        foreach (var child in (schema.Properties?.Values ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? []))
        {
            Rename(child, visited);
        }

        Rename(schema.Items, visited);
        Rename(schema.AdditionalProperties, visited);
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
