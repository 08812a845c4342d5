namespace Glance.Domain.ImageData;

/// <summary>A byte range as asked for: <c>a-b</c>, <c>a-</c>, or the last <c>n</c> bytes (<see cref="Start"/> null).</summary>
public sealed record ByteRange(long? Start, long? End)
{
    /// <summary>The first byte and the length within data of <paramref name="size"/> bytes, or null when the range cannot be satisfied.</summary>
    public (long Offset, long Length)? Resolve(long size)
    {
        if (Start is null)
        {
            // Suffix range: the last End bytes (all of them when End exceeds the size).
            return End is > 0 && size > 0 ? (Math.Max(0, size - End.Value), Math.Min(End.Value, size)) : null;
        }
        if (Start.Value >= size || (End is { } end && end < Start.Value))
        {
            return null;
        }
        var last = Math.Min(End ?? size - 1, size - 1);
        return (Start.Value, last - Start.Value + 1);
    }
}

/// <summary>An open download: the image it belongs to and, when it has data, a stream over the asked-for bytes.</summary>
public sealed record ImageDownload(long Size, string? Checksum, long Offset, long Length, Stream? Content, bool Partial) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content?.DisposeAsync() ?? ValueTask.CompletedTask;
}
