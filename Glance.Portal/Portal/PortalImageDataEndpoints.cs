using Glance.Domain.Common;
using Glance.Domain.ImageData;
using Glance.Domain.Images;
using Glance.Portal.Api;
using Glance.Portal.Api.V2;
using Glance.Portal.Auth;
using Microsoft.Net.Http.Headers;

namespace Glance.Portal.Portal;

/// <summary>
/// Image data for the portal's signed-in users (the session cookie, not an API token): downloads
/// stream out. Uploads come in through <see cref="Uploads.PortalUploadEndpoints"/>, in resumable chunks.
/// </summary>
internal static class PortalImageDataEndpoints
{
    public static IEndpointRouteBuilder MapPortalImageData(this IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.MapGroup("/portal/images/{imageId}/file")
            .RequireAuthorization()
            .DisableAntiforgery();
        files.MapGet("/", DownloadAsync);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(string imageId, HttpContext context, ImageService images, ImageDataService data)
    {
        var caller = CallerContextFactory.From(context.User);
        try
        {
            var image = await images.GetAsync(caller, imageId, context.RequestAborted);
            var download = await data.DownloadAsync(caller, imageId, null, context.RequestAborted);
            if (download.Content is null)
            {
                return Results.Problem("This image has no data yet.", statusCode: StatusCodes.Status404NotFound);
            }
            context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
            {
                FileNameStar = FileName(image),
            }.ToString();
            return new ImageDataEndpoints.ImageDataResult(download);
        }
        catch (GlanceException ex)
        {
            return Problem(ex);
        }
    }

    /// <summary>The API's mapping of domain refusals to status codes, so both answer alike.</summary>
    private static IResult Problem(GlanceException ex) => Results.Problem(ex.Message, statusCode: GlanceApiExceptionHandler.StatusFor(ex));

    /// <summary>The image's name made safe for a file name, with the usual extension for its disk format.</summary>
    private static string FileName(Image image)
    {
        var name = new string((image.Name ?? image.Id).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).Trim('_');
        var extension = image.DiskFormat is { Length: > 0 } format ? "." + format : ".img";
        return (name.Length == 0 ? image.Id : name) + (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? "" : extension);
    }
}
