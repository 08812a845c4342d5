using System.IO.Pipelines;
using Glance.Domain.Common;
using Glance.Domain.Images;

namespace Glance.Portal.Portal.Uploads;

/// <summary>
/// One browser upload that arrives in chunks but reaches the domain as one stream: every chunk's bytes
/// go into a pipe the domain's upload reads from, so hashing, the size cap and the store see a single
/// upload. A chunk cut off mid-way keeps the bytes that arrived; the browser asks for the offset and
/// sends the rest. If nothing arrives for the domain's upload idle timeout, the domain gives up and
/// the image goes back to queued with no data.
/// </summary>
public sealed class UploadSession : IDisposable
{
    private const int PauseAt = 4 << 20;
    private readonly Pipe _pipe = new(new PipeOptions(pauseWriterThreshold: PauseAt, resumeWriterThreshold: PauseAt / 2, useSynchronizationContext: false));
    private readonly SemaphoreSlim _oneChunkAtATime = new(1, 1);
    private readonly CancellationTokenSource _cancel = new();
    private readonly TaskCompletionSource _reading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider _clock;
    private long _received;

    public UploadSession(string imageId, CallerContext owner, long size, TimeProvider clock)
    {
        (ImageId, Owner, Size, _clock) = (imageId, owner, size, clock);
        LastActivity = clock.GetUtcNow();
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public string ImageId { get; }

    public CallerContext Owner { get; }

    public long Size { get; }

    public long Received => Interlocked.Read(ref _received);

    public DateTimeOffset LastActivity { get; private set; }

    /// <summary>The domain's upload: the image once active, or the refusal that ended it.</summary>
    public Task<Image> Completion { get; private set; } = null!;

    /// <summary>Begun or about to begin, and not ended.</summary>
    public bool IsRunning => Completion is not { IsCompleted: true };

    /// <summary>
    /// Starts the domain's upload on the pipe and returns once it reads (the image is saving and the
    /// store is open) or has refused; a refusal is thrown here, so creating the session reports it.
    /// </summary>
    public async Task StartAsync(Func<Stream, CancellationToken, Task<Image>> upload)
    {
        Completion = Task.Run(async () =>
        {
            try
            {
                return await upload(new FirstReadSignal(_pipe.Reader.AsStream(), _reading), _cancel.Token);
            }
            finally
            {
                await _pipe.Reader.CompleteAsync();
            }
        });
        if (Size == 0)
        {
            await _pipe.Writer.CompleteAsync();
        }
        await Task.WhenAny(Completion, _reading.Task);
        if (Completion.IsCompleted)
        {
            await Completion;
        }
    }

    /// <summary>
    /// Appends a chunk that starts at <paramref name="offset"/>; returns the offset after it. Bytes that
    /// arrive before the request is cut off are kept. The last byte ends the domain's upload, and this
    /// waits for its result.
    /// </summary>
    public async Task<ChunkResult> AppendAsync(long offset, Stream chunk, CancellationToken requestAborted)
    {
        // A retry can arrive while the server still reads the request the network dropped.
        if (!await _oneChunkAtATime.WaitAsync(TimeSpan.FromSeconds(10), requestAborted))
        {
            return ChunkResult.Busy(Received);
        }
        try
        {
            if (Completion.IsCompleted)
            {
                return ChunkResult.Ended(Received);
            }
            if (offset != Received)
            {
                return ChunkResult.WrongOffset(Received);
            }
            var buffer = new byte[81920];
            while (true)
            {
                int read;
                try
                {
                    read = await chunk.ReadAsync(buffer, requestAborted);
                }
                catch (Exception ex) when (ex is IOException or OperationCanceledException)
                {
                    // The connection dropped: what arrived is kept, the browser resumes from Received.
                    return ChunkResult.Cut(Received);
                }
                if (read == 0)
                {
                    break;
                }
                if (Received + read > Size)
                {
                    Cancel();
                    return ChunkResult.TooLong(Received);
                }
                var flushed = await _pipe.Writer.WriteAsync(buffer.AsMemory(0, read), _cancel.Token);
                Interlocked.Add(ref _received, read);
                LastActivity = _clock.GetUtcNow();
                if (flushed.IsCompleted)
                {
                    // The domain stopped reading: it refused the data (the size cap, the disk).
                    return await EndedAsync();
                }
            }
            if (Received == Size)
            {
                await _pipe.Writer.CompleteAsync();
                var ended = await EndedAsync();
                return Completion.IsCompletedSuccessfully ? ChunkResult.Finished(Received) : ended;
            }
            return ChunkResult.Accepted(Received);
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            return await EndedAsync();
        }
        finally
        {
            _oneChunkAtATime.Release();
        }
    }

    /// <summary>Waits for the domain's upload to settle, so the answer can say how it ended.</summary>
    private async Task<ChunkResult> EndedAsync()
    {
        try
        {
            await Completion;
        }
        catch
        {
            // Completion holds the refusal; the endpoint reports it.
        }
        return ChunkResult.Ended(Received);
    }

    /// <summary>Stops the upload; the domain puts the image back to queued and removes what was written.</summary>
    public void Cancel()
    {
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Releases the session once nothing can use it any more (it ended long ago).</summary>
    public void Dispose()
    {
        _cancel.Dispose();
        _oneChunkAtATime.Dispose();
    }

    /// <summary>Tells the session when the domain first reads, which happens once the upload has begun.</summary>
    private sealed class FirstReadSignal(Stream inner, TaskCompletionSource reading) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            reading.TrySetResult();
            return inner.ReadAsync(buffer, cancellationToken);
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>How a chunk went, and the offset the browser continues from.</summary>
public readonly record struct ChunkResult(ChunkOutcome Outcome, long Offset)
{
    public static ChunkResult Accepted(long offset) => new(ChunkOutcome.Accepted, offset);
    public static ChunkResult Finished(long offset) => new(ChunkOutcome.Finished, offset);
    public static ChunkResult Cut(long offset) => new(ChunkOutcome.Cut, offset);
    public static ChunkResult Busy(long offset) => new(ChunkOutcome.Busy, offset);
    public static ChunkResult WrongOffset(long offset) => new(ChunkOutcome.WrongOffset, offset);
    public static ChunkResult TooLong(long offset) => new(ChunkOutcome.TooLong, offset);
    public static ChunkResult Ended(long offset) => new(ChunkOutcome.Ended, offset);
}

public enum ChunkOutcome
{
    Accepted,
    Finished,
    Cut,
    Busy,
    WrongOffset,
    TooLong,
    /// <summary>The domain's upload ended before this chunk (refused, timed out or cancelled); see Completion.</summary>
    Ended,
}
