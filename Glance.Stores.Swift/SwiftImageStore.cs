using System.Net;
using Glance.Domain.ImageData;

namespace Glance.Stores.Swift;

/// <summary>
/// Keeps each image's data as one object, named by the image id, in one container of a Swift account,
/// talking Swift's own API (as Glance's Swift store does; no S3 layer needed). Large or unsized data is
/// written in segments under a static large object manifest.
/// </summary>
public sealed class SwiftImageStore : IImageStore
{
    private const string Scheme = "swift://";
    private const long MiB = 1 << 20;
    private readonly SwiftStoreOptions _options;
    private readonly SemaphoreSlim _containerCheck = new(1, 1);
    private bool _containerReady;

    internal SwiftImageStore(string id, SwiftStoreOptions options, HttpClient http, TimeProvider clock)
    {
        Id = id;
        _options = options;
        Connection = new SwiftConnection(id, options, http, clock);
    }

    public string Id { get; }

    public string Type => "swift";

    public StoreCapabilities Capabilities => StoreCapabilities.ReadWriteDelete;

    /// <summary>Glance's names for what an admin may read; never the key.</summary>
    public IReadOnlyDictionary<string, object?> Properties => new Dictionary<string, object?>
    {
        ["container"] = _options.Container,
        ["large_object_size"] = _options.LargeObjectSizeMiB,
        ["large_object_chunk_size"] = _options.SegmentSizeMiB,
    };

    internal SwiftConnection Connection { get; }

    public async Task<IImageStoreWriter> BeginWriteAsync(string imageId, long? expectedSize, CancellationToken ct)
    {
        await EnsureContainerAsync(ct);
        // Glance's rule: a size known and below the large-object size is one object; otherwise segments.
        var segmented = expectedSize is not { } size || size >= _options.LargeObjectSizeMiB * MiB;
        return new SwiftStoreWriter(this, imageId, segmented, _options.SegmentSizeMiB * MiB);
    }

    public async Task<Stream> OpenReadAsync(string url, long offset, long? length, CancellationToken ct)
    {
        if (length == 0)
        {
            return Stream.Null;
        }
        var name = NameOf(url);
        var response = await Connection.SendAsync(container =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"{container}/{Uri.EscapeDataString(name)}");
            if (offset > 0 || length is not null)
            {
                request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(offset, length is { } bounded ? offset + bounded - 1 : null);
            }
            return request;
        }, ct, HttpCompletionOption.ResponseHeadersRead, missingIsNotFound: true);
        return new ResponseBodyStream(await response.Content.ReadAsStreamAsync(ct), response, response.Content.Headers.ContentLength);
    }

    public async Task DeleteAsync(string url, CancellationToken ct) => await DeleteObjectAsync(NameOf(url), ct);

    public async Task<bool> IsHealthyAsync(CancellationToken ct)
    {
        try
        {
            // A container the store may create is made now: a new deployment is healthy before its first upload.
            await EnsureContainerAsync(ct);
            (await Connection.SendAsync(container => new HttpRequestMessage(HttpMethod.Head, container), ct)).Dispose();
            return true;
        }
        catch (Exception ex) when (ex is Glance.Domain.Common.StoreUnavailableException or IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Nothing to sweep: a PUT that never ended left no object, and the segments of an upload a node
    /// lost stay under names no image points at (removing them safely needs the upload leases of issue 21).
    /// </summary>
    public Task RemoveLeftoversAsync(CancellationToken ct) => Task.CompletedTask;

    internal string UrlOf(string name) => $"{Scheme}{_options.Container}/{name}";

    /// <summary>Deletes an object, and a manifest's segments with it; one already gone is no error.</summary>
    internal async Task DeleteObjectAsync(string name, CancellationToken ct)
    {
        var path = Uri.EscapeDataString(name);
        using var head = await Connection.SendAsync(container => new HttpRequestMessage(HttpMethod.Head, $"{container}/{path}"), ct, allowNotFound: true);
        if (head.StatusCode == HttpStatusCode.NotFound)
        {
            return;
        }
        var manifest = head.Headers.TryGetValues("X-Static-Large-Object", out var slo) && string.Equals(slo.FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        if (!manifest)
        {
            (await Connection.SendAsync(container => new HttpRequestMessage(HttpMethod.Delete, $"{container}/{path}"), ct, allowNotFound: true)).Dispose();
            return;
        }
        // A manifest's delete answers 200 and tells in its body whether every segment went.
        using var deleted = await Connection.SendAsync(container => new HttpRequestMessage(HttpMethod.Delete, $"{container}/{path}?multipart-manifest=delete")
        {
            Headers = { Accept = { new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json") } },
        }, ct, allowNotFound: true);
        if (deleted.StatusCode == HttpStatusCode.NotFound)
        {
            return;
        }
        var report = System.Text.Json.Nodes.JsonNode.Parse(await deleted.Content.ReadAsStringAsync(ct));
        var status = (string?)report?["Response Status"] ?? "";
        if (!status.StartsWith("200", StringComparison.Ordinal))
        {
            throw Connection.Unavailable($"could not delete every segment of {name} ({status})", null);
        }
    }

    private string NameOf(string url)
    {
        var prefix = $"{Scheme}{_options.Container}/";
        if (!url.StartsWith(prefix, StringComparison.Ordinal) || url.Length == prefix.Length)
        {
            // Recorded under another container (the setting changed since): this store cannot serve it.
            throw new Glance.Domain.Common.StoreUnavailableException($"The data at '{url}' is not in the container of Swift store '{Id}'.");
        }
        return url[prefix.Length..];
    }

    private async Task EnsureContainerAsync(CancellationToken ct)
    {
        if (_containerReady || !_options.CreateContainer)
        {
            return;
        }
        await _containerCheck.WaitAsync(ct);
        try
        {
            if (!_containerReady)
            {
                (await Connection.SendAsync(container => new HttpRequestMessage(HttpMethod.Put, container), ct)).Dispose();
                _containerReady = true;
            }
        }
        finally
        {
            _containerCheck.Release();
        }
    }
}
