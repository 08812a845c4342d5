using System.Text.Json.Nodes;
using Glance.Domain.Configuration;
using Glance.Domain.ImageData;
using Glance.Portal.Api.V2.Wire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Glance.Portal.Api.V2;

/// <summary>The JSON schemas clients fetch to learn the image and member shapes (glance/api/v2/schemas.py).</summary>
internal static class SchemasEndpoints
{
    public static RouteGroupBuilder MapSchemas(this RouteGroupBuilder v2)
    {
        var schemas = v2.MapGroup("/schemas");
        schemas.MapGet("/image", GetImageSchema).WithName(nameof(GetImageSchema)).RejectBody();
        schemas.MapGet("/images", GetImagesSchema).WithName(nameof(GetImagesSchema)).RejectBody();
        schemas.MapGet("/member", GetMemberSchema).WithName(nameof(GetMemberSchema)).RejectBody();
        schemas.MapGet("/members", GetMembersSchema).WithName(nameof(GetMembersSchema)).RejectBody();
        return v2;
    }

    public static Ok<JsonObject> GetImageSchema(IOptions<GlanceOptions> options, IImageStores stores) =>
        TypedResults.Ok(ImageSchemas.Image(options.Value.AllowAdditionalImageProperties, stores.MultiStore));

    public static Ok<JsonObject> GetImagesSchema(IOptions<GlanceOptions> options, IImageStores stores) =>
        TypedResults.Ok(ImageSchemas.Images(options.Value.AllowAdditionalImageProperties, stores.MultiStore));

    public static Ok<JsonObject> GetMemberSchema() => TypedResults.Ok(ImageSchemas.Member());

    public static Ok<JsonObject> GetMembersSchema() => TypedResults.Ok(ImageSchemas.Members());
}
