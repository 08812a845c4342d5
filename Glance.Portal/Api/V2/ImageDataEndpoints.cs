using Glance.Domain.Common;
using Glance.Domain.ImageData;
using Glance.Portal.Api.V2.Wire;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Glance.Portal.Api.V2;

/// <summary>Image data: <c>PUT</c> and <c>GET /v2/images/{id}/file</c> (glance/api/v2/image_data.py).</summary>
internal static class ImageDataEndpoints
{
    private const string OctetStream = "application/octet-stream";
    private const int CopyBufferSize = 1 << 20;

    public static RouteGroupBuilder MapImageData(this RouteGroupBuilder v2)
    {
        var file = v2.MapGroup("/images/{imageId}/file");
        file.MapPut("/", UploadImageData).WithName(nameof(UploadImageData));
        file.MapGet("/", DownloadImageData).WithName(nameof(DownloadImageData)).RejectBody();
        return v2;
    }

    public static async Task<Results<NoContent, GlanceErrorResult>> UploadImageData(
        string imageId, HttpContext context, ImageDataService data, CallerContext caller)
    {
        var request = context.Request;
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        if (!string.Equals(mediaType, OctetStream, StringComparison.OrdinalIgnoreCase))
        {
            return new GlanceErrorResult(StatusCodes.Status415UnsupportedMediaType, $"Content-Type must be {OctetStream}.");
        }
        LiftRequestBodyLimit(context);
        try
        {
            var store = request.Headers["X-Image-Meta-Store"].ToString();
            await data.UploadAsync(caller, imageId, request.Body, request.ContentLength, context.RequestAborted, store.Length == 0 ? null : store);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; the domain has already put the image back to queued.
            return new GlanceErrorResult(StatusCodes.Status400BadRequest, "The client disconnected before the image data was complete.");
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel: the body ended before Content-Length, or it broke off.
            return new GlanceErrorResult(StatusCodes.Status400BadRequest, $"Error reading the image data: {ex.Message}");
        }
        return TypedResults.NoContent();
    }

    /// <summary>Images are far larger than Kestrel's default 30 MB request limit; the image size cap applies instead.</summary>
    internal static void LiftRequestBodyLimit(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }
    }

    public static async Task<IResult> DownloadImageData(string imageId, HttpContext context, ImageDataService data, CallerContext caller)
    {
        var range = ByteRangeHeader.Read(context.Request);
        var download = await data.DownloadAsync(caller, imageId, range, context.RequestAborted);
        if (download.Content is null)
        {
            // Tempest checks for 204 when there is no data yet.
            return TypedResults.NoContent();
        }
        return new ImageDataResult(download);
    }

    /// <summary>Streams the bytes straight from the store to the socket with large reads, never buffering the image.</summary>
    internal sealed class ImageDataResult(ImageDownload download) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            await using var _ = download;
            var response = context.Response;
            response.StatusCode = download.Partial ? StatusCodes.Status206PartialContent : StatusCodes.Status200OK;
            response.ContentType = OctetStream;
            response.ContentLength = download.Length;
            if (download.Checksum is not null)
            {
                // Glance sends the hex MD5 of the whole image here, even for a part of it.
                response.Headers.ContentMD5 = download.Checksum;
            }
            if (download.Partial)
            {
                response.Headers.ContentRange = $"bytes {download.Offset}-{download.Offset + download.Length - 1}/{download.Size}";
            }

            // The store reads straight into the response pipe's memory, and that memory goes to the socket
            // as it is: no copy between our buffer and Kestrel's. A large size hint makes the pipe hand
            // out one contiguous block per read instead of its small default segments.
            var writer = response.BodyWriter;
            var remaining = download.Length;
            try
            {
                while (remaining > 0)
                {
                    var memory = writer.GetMemory(CopyBufferSize);
                    var wanted = (int)Math.Min(memory.Length, remaining);
                    var read = await download.Content!.ReadAsync(memory[..wanted], context.RequestAborted);
                    if (read == 0)
                    {
                        throw new IOException($"The stored data ended {remaining} bytes early.");
                    }
                    writer.Advance(read);
                    remaining -= read;
                    var flushed = await writer.FlushAsync(context.RequestAborted);
                    if (flushed.IsCanceled || flushed.IsCompleted)
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client stopped reading; nothing to answer.
            }
        }
    }
}
