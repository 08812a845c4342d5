using Glance.Domain.Common;

namespace Glance.Domain.ImageData;

/// <summary>
/// Reads an upload and gives up when no byte arrives for <see cref="Timeout"/>: a client that
/// announced a length and then stalls would otherwise hold the image in <c>saving</c> (and a
/// connection) for as long as it likes, since the server's data-rate check looks at the average
/// since the start, which a fast beginning keeps high.
/// </summary>
internal sealed class IdleTimeoutStream(Stream inner, TimeSpan timeout) : Stream
{
    public TimeSpan Timeout { get; } = timeout;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        using var timer = new CancellationTokenSource(Timeout);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            return await inner.ReadAsync(buffer, either.Token);
        }
        // Only the timer's own cancellation is a stall: a client that disconnects (Kestrel's
        // ConnectionAbortedException is an OperationCanceledException too) is not one.
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new UploadStalledException($"No image data arrived for {Timeout.TotalSeconds:0.#} seconds; the upload was stopped.");
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
