namespace Glance.Domain.ImageData;

/// <summary>What a store can do with image data: Glance's http store, for one, only reads.</summary>
[Flags]
public enum StoreCapabilities
{
    None = 0,
    Read = 1,
    Write = 2,
    Delete = 4,
    ReadWriteDelete = Read | Write | Delete,
}

/// <summary>
/// Where image bytes live: a filesystem folder, an object store, a web server. Each store has an id
/// (Glance's <c>enabled_backends</c> name), a type and what it can do. It keeps each piece of data at
/// the URL it gave when the data was committed, which the image records as one of its locations.
/// </summary>
public interface IImageStore
{
    string Id { get; }

    /// <summary>Glance's store type: <c>file</c>, <c>s3</c>, <c>swift</c>, <c>http</c>.</summary>
    string Type { get; }

    StoreCapabilities Capabilities { get; }

    /// <summary>The store's settings an admin may read (<c>/v2/info/stores/detail</c>), under Glance's names.</summary>
    IReadOnlyDictionary<string, object?> Properties { get; }

    /// <summary>
    /// Starts writing the data of an image somewhere private. Nothing is visible at a URL until
    /// <see cref="IImageStoreWriter.CommitAsync"/>; an aborted or disposed uncommitted writer leaves nothing behind.
    /// </summary>
    /// <param name="expectedSize">The size announced by the client, if any, so the store can reserve room up front.</param>
    Task<IImageStoreWriter> BeginWriteAsync(string imageId, long? expectedSize, CancellationToken ct);

    /// <summary>Opens stored data for reading from <paramref name="offset"/>: <paramref name="length"/> bytes, or to the end.</summary>
    Task<Stream> OpenReadAsync(string url, long offset, long? length, CancellationToken ct);

    Task DeleteAsync(string url, CancellationToken ct);

    /// <summary>True when the store can take and serve data now (for the health check).</summary>
    Task<bool> IsHealthyAsync(CancellationToken ct);

    /// <summary>At start-up: removes what writes that a crash or a kill interrupted left behind.</summary>
    Task RemoveLeftoversAsync(CancellationToken ct);
}

public interface IImageStoreWriter : IAsyncDisposable
{
    /// <summary>Appends data. The buffer may be reused by the caller once the task completes.</summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct);

    /// <summary>Makes the data durable and visible; returns where it is, to record on the image.</summary>
    Task<StoredData> CommitAsync(CancellationToken ct);

    /// <summary>Gives up: removes everything written so far (an upload refused or cut off).</summary>
    Task AbortAsync(CancellationToken ct);
}

/// <summary>Where a store keeps committed data, with whatever it wants to remember about it.</summary>
public sealed record StoredData(string Url, IReadOnlyDictionary<string, string> Metadata);
