using System.Net;
using System.Net.Http.Headers;
using Glance.Domain.Common;
using Glance.Domain.ImageData;

namespace Glance.Stores.Http;

/// <summary>
/// Glance's http store: image data kept on a web server, read at its URL. It only reads (the API lists
/// it as read-only, an upload naming it is 410) and deleting an image leaves the web server's file
/// alone. A byte range is asked for with a Range header; a server that ignores it still answers the
/// right bytes, cut from the whole.
/// </summary>
public sealed class HttpImageStore(string id, HttpClient client) : IImageStore
{
    /// <summary>How long a server may take to start answering; its data then streams for as long as the client reads.</summary>
    private static readonly TimeSpan HeadersTime = TimeSpan.FromSeconds(60);

    public string Id { get; } = id;

    public string Type => "http";

    public StoreCapabilities Capabilities => StoreCapabilities.Read;

    /// <summary>Glance shows no settings of an http store.</summary>
    public IReadOnlyDictionary<string, object?> Properties { get; } = new Dictionary<string, object?>();

    public Task<IImageStoreWriter> BeginWriteAsync(string imageId, long? expectedSize, CancellationToken ct) =>
        throw new GoneException("Error in store configuration. Adding images to store is disabled.");

    public async Task<Stream> OpenReadAsync(string url, long offset, long? length, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            // The URL itself is not repeated: it may hold a user and password.
            throw new StoreUnavailableException($"A location of http store '{Id}' is not an http(s) address: the store cannot read it.");
        }
        if (length == 0)
        {
            return Stream.Null;
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        if (offset > 0 || length is not null)
        {
            request.Headers.Range = new RangeHeaderValue(offset, length is { } bounded ? offset + bounded - 1 : null);
        }
        using var headers = CancellationTokenSource.CreateLinkedTokenSource(ct);
        headers.CancelAfter(HeadersTime);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headers.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException || ex is OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new StoreUnavailableException($"The web server of http store '{Id}' cannot be reached now.", ex);
        }
        try
        {
            switch (response.StatusCode)
            {
                case HttpStatusCode.PartialContent:
                    // The part the server sent must hold the part asked for; anything before it is cut off.
                    var sent = response.Content.Headers.ContentRange;
                    if (sent is not { From: { } from, To: { } to } || from > offset || length is { } wanted && to < offset + wanted - 1)
                    {
                        throw new IOException($"The web server of http store '{Id}' sent bytes {sent?.From}-{sent?.To} for bytes {offset}-{(length is { } l ? offset + l - 1 : null)}: the data there changed.");
                    }
                    return new ResponseBodyStream(new ByteWindowStream(await response.Content.ReadAsStreamAsync(ct), offset - from, length), response);
                case HttpStatusCode.OK:
                    // The server sent the whole file: the range is cut from it.
                    if (response.Content.Headers.ContentLength is { } size && (offset > size || length is { } needed && offset + needed > size))
                    {
                        throw new IOException($"The data on the web server of http store '{Id}' is shorter than the image.");
                    }
                    var whole = await response.Content.ReadAsStreamAsync(ct);
                    return new ResponseBodyStream(new ByteWindowStream(whole, offset, length), response);
                case HttpStatusCode.NotFound or HttpStatusCode.Gone:
                    throw new FileNotFoundException($"The web server of http store '{Id}' no longer has the data ({(int)response.StatusCode}).");
                case HttpStatusCode.RequestedRangeNotSatisfiable:
                    throw new IOException($"The data on the web server of http store '{Id}' is shorter than the image.");
                default:
                    throw new StoreUnavailableException($"The web server of http store '{Id}' answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public Task DeleteAsync(string url, CancellationToken ct) =>
        throw new NotSupportedException($"http store '{Id}' does not delete data: it belongs to its web server.");

    /// <summary>Every image names its own server: there is no one server whose health is the store's.</summary>
    public Task<bool> IsHealthyAsync(CancellationToken ct) => Task.FromResult(true);

    public Task RemoveLeftoversAsync(CancellationToken ct) => Task.CompletedTask;
}
