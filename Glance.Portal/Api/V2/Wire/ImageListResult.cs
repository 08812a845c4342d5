using System.Text.Json;
using Glance.Domain.Images;

namespace Glance.Portal.Api.V2.Wire;

/// <summary>
/// A page of <c>GET /v2/images</c> (glance/api/v2/images.py <c>index</c>): <c>images</c>, <c>first</c>,
/// <c>schema</c>, and <c>next</c> when the page is full. Written straight into the response body.
/// </summary>
internal sealed class ImageListResult(IReadOnlyList<Image> images, Func<Image, bool> showStores, string first, string? next) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("images");
            foreach (var image in images)
            {
                ImageJson.Write(writer, image, showStores(image));
            }
            writer.WriteEndArray();
            writer.WriteString("first", first);
            writer.WriteString("schema", "/v2/schemas/images");
            if (next is not null)
            {
                writer.WriteString("next", next);
            }
            writer.WriteEndObject();
        }
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
