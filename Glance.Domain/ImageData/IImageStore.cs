namespace Glance.Domain.ImageData;

/// <summary>Where image bytes live. The filesystem is the default; object stores plug in here.</summary>
public interface IImageStore
{
    /// <summary>
    /// Starts writing the data of an image somewhere private. Nothing is visible under a location
    /// until <see cref="IImageStoreWriter.CommitAsync"/>; disposing an uncommitted writer removes what it wrote.
    /// </summary>
    /// <param name="expectedSize">The size announced by the client, if any, so the store can reserve room up front.</param>
    Task<IImageStoreWriter> BeginWriteAsync(string imageId, long? expectedSize, CancellationToken ct);

    /// <summary>Opens stored data for reading, positioned at <paramref name="offset"/>.</summary>
    Task<Stream> OpenReadAsync(string location, long offset, CancellationToken ct);

    Task DeleteAsync(string location, CancellationToken ct);

    /// <summary>True when the store can take and serve data now (for the health check).</summary>
    Task<bool> IsHealthyAsync(CancellationToken ct);
}

public interface IImageStoreWriter : IAsyncDisposable
{
    /// <summary>Appends data. The buffer may be reused by the caller once the task completes.</summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct);

    /// <summary>Makes the data durable and visible; returns the location to record on the image.</summary>
    Task<string> CommitAsync(CancellationToken ct);
}
