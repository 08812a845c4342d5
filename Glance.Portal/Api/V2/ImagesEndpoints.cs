using System.Text;
using System.Text.Json.Nodes;
using Glance.Domain.Common;
using Glance.Domain.Configuration;
using Glance.Domain.ImageData;
using Glance.Domain.Images;
using Glance.Portal.Api.V2.Wire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Glance.Portal.Api.V2;

/// <summary>The image resource: <c>/v2/images</c> and <c>/v2/images/{id}</c> (glance/api/v2/images.py).</summary>
internal static class ImagesEndpoints
{
    public static RouteGroupBuilder MapImages(this RouteGroupBuilder v2)
    {
        var images = v2.MapGroup("/images");
        images.MapPost("/", CreateImage).WithName(nameof(CreateImage));
        // A list ignores a body, as Glance's does.
        images.MapGet("/", ListImages).WithName(nameof(ListImages));
        images.MapGet("/{imageId}", GetImage).WithName(nameof(GetImage)).RejectBody();
        images.MapPatch("/{imageId}", UpdateImage).WithName(nameof(UpdateImage));
        images.MapDelete("/{imageId}", DeleteImage).WithName(nameof(DeleteImage)).RejectBody();
        return v2;
    }

    public static async Task<Created<JsonObject>> CreateImage(
        HttpRequest request, HttpResponse response, ImageService images, IImageStores stores, StoreService storeService, CallerContext caller,
        IOptions<GlanceOptions> options, IOptions<GlanceApiOptions> api, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(request, ct);
        var image = await images.CreateAsync(caller, NewImage.FromJson(body, options.Value.AllowAdditionalImageProperties), ct);
        var location = $"{request.Scheme}://{request.Host}{request.PathBase}{api.Value.PathBase}/v2/images/{image.Id}";
        if (stores.MultiStore)
        {
            // Where the data may go, as Glance tells a client that is about to upload it.
            response.Headers["OpenStack-image-store-ids"] = string.Join(",", stores.All.Select(s => s.Id));
        }
        return TypedResults.Created(location, ImageJson.From(image, storeService.ShowsStores(caller, image)));
    }

    public static async Task<ImageListResult> ListImages(HttpRequest request, ImageService images, StoreService stores, CallerContext caller, CancellationToken ct)
    {
        var parameters = request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))).ToList();
        var page = await images.ListAsync(caller, ImageQueryParser.Parse(parameters), ct);

        var withoutMarker = parameters.Where(p => p.Key != "marker").ToList();
        var next = page.HasMore && page.Images.Count > 0
            ? Link([.. withoutMarker, KeyValuePair.Create("marker", page.Images[^1].Id)])
            : null;
        return new ImageListResult(page.Images, image => stores.ShowsStores(caller, image), Link(withoutMarker), next);
    }

    public static async Task<Ok<JsonObject>> GetImage(string imageId, ImageService images, StoreService stores, CallerContext caller, CancellationToken ct)
    {
        var image = await images.GetAsync(caller, imageId, ct);
        return TypedResults.Ok(ImageJson.From(image, stores.ShowsStores(caller, image)));
    }

    public static async Task<Results<Ok<JsonObject>, GlanceErrorResult>> UpdateImage(
        string imageId, HttpRequest request, HttpResponse response, ImageService images, StoreService stores, CallerContext caller, CancellationToken ct)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        if (mediaType is not (ImagePatchReader.V21MediaType or ImagePatchReader.V20MediaType))
        {
            response.Headers["Accept-Patch"] = ImagePatchReader.AcceptPatch;
            return new GlanceErrorResult(StatusCodes.Status415UnsupportedMediaType, $"Unsupported Content-Type '{request.ContentType}': use {ImagePatchReader.AcceptPatch}.");
        }
        var changes = ImagePatchReader.Read(await JsonBody.ReadAsync(request, ct), mediaType == ImagePatchReader.V20MediaType);
        var image = await images.UpdateAsync(caller, imageId, changes, ct);
        return TypedResults.Ok(ImageJson.From(image, stores.ShowsStores(caller, image)));
    }

    public static async Task<NoContent> DeleteImage(string imageId, ImageService images, CallerContext caller, CancellationToken ct)
    {
        await images.DeleteAsync(caller, imageId, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The list's <c>first</c>/<c>next</c> links keep every parameter, repeated ones included.</summary>
    private static string Link(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var query = new StringBuilder();
        foreach (var (key, value) in parameters)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return "/v2/images" + query;
    }

}
