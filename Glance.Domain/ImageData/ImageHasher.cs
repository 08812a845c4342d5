using System.Security.Cryptography;
using System.Threading.Channels;

namespace Glance.Domain.ImageData;

/// <summary>
/// Streams data to a store while computing Glance's size, MD5 <c>checksum</c> and SHA-512
/// <c>os_hash_value</c> in one pass. Reading, the two hashes and the store write are four independent
/// stages joined by bounded queues of pooled chunks, so each runs at its own pace on its own core and an
/// upload goes at the speed of the slowest stage (usually a hash) instead of the sum of them.
/// </summary>
public static class ImageHasher
{
    public const string HashAlgorithm = "sha512";

    /// <summary>The size of the pieces data is hashed and written in.</summary>
    public const int ChunkSize = 1 << 20;

    /// <summary>Chunks in flight: enough to ride out a stall in one stage, small enough to stay out of the way (16 MiB).</summary>
    private const int ChunksInFlight = 16;

    internal sealed record Result(long Size, string Checksum, string HashValue);

    private sealed class Chunk(Memory<byte> buffer, int length)
    {
        private int _pending = 3;

        public ReadOnlyMemory<byte> Data => buffer[..length];

        /// <summary>Called by each stage when done with the chunk; the last one hands the buffer back.</summary>
        public void Release(SemaphoreSlim slots)
        {
            if (Interlocked.Decrement(ref _pending) == 0)
            {
                AlignedChunkPool.Return(buffer);
                slots.Release();
            }
        }
    }

    /// <param name="onChunk">Called with the running total after each chunk is read, before it is stored.</param>
    internal static async Task<Result> CopyAsync(Stream source, IImageStoreWriter target, Action<long> onChunk, CancellationToken ct)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var slots = new SemaphoreSlim(ChunksInFlight);
        var options = new BoundedChannelOptions(ChunksInFlight) { SingleReader = true, SingleWriter = true };
        var toMd5 = Channel.CreateBounded<Chunk>(options);
        var toSha = Channel.CreateBounded<Chunk>(options);
        var toStore = Channel.CreateBounded<Chunk>(options);

        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var sha512 = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        var stages = new[]
        {
            Task.Factory.StartNew(() => HashStage(toMd5.Reader, md5, slots), cancel.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap(),
            Task.Factory.StartNew(() => HashStage(toSha.Reader, sha512, slots), cancel.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap(),
            StoreStage(toStore.Reader, target, slots, cancel),
        };

        long total = 0;
        Exception? failure = null;
        try
        {
            while (true)
            {
                await slots.WaitAsync(cancel.Token);
                var buffer = AlignedChunkPool.Rent(ChunkSize);
                var read = await FillAsync(source, buffer, cancel.Token);
                if (read == 0)
                {
                    AlignedChunkPool.Return(buffer);
                    slots.Release();
                    break;
                }
                total += read;
                onChunk(total);
                var chunk = new Chunk(buffer, read);
                await toMd5.Writer.WriteAsync(chunk, cancel.Token);
                await toSha.Writer.WriteAsync(chunk, cancel.Token);
                await toStore.Writer.WriteAsync(chunk, cancel.Token);
            }
        }
        catch (Exception ex)
        {
            failure = ex;
            await cancel.CancelAsync();
        }
        toMd5.Writer.TryComplete();
        toSha.Writer.TryComplete();
        toStore.Writer.TryComplete();

        // Every stage must have stopped touching the buffers before this method returns.
        await Task.WhenAll(stages).ContinueWith(_ => { }, TaskScheduler.Default);
        var stageFailure = stages.Where(s => s.IsFaulted).Select(s => s.Exception!.InnerException!).FirstOrDefault();
        // When the store failed (a full disk, say), the reader only saw the cancellation that followed.
        if (stageFailure is not null && (failure is null || (failure is OperationCanceledException && !ct.IsCancellationRequested)))
        {
            failure = stageFailure;
        }
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
        return new Result(total, Convert.ToHexStringLower(md5.GetHashAndReset()), Convert.ToHexStringLower(sha512.GetHashAndReset()));
    }

    private static async Task HashStage(ChannelReader<Chunk> chunks, IncrementalHash hash, SemaphoreSlim slots)
    {
        while (await chunks.WaitToReadAsync())
        {
            while (chunks.TryRead(out var chunk))
            {
                hash.AppendData(chunk.Data.Span);
                chunk.Release(slots);
            }
        }
    }

    /// <summary>Writes chunks in order; after a failure it keeps draining the queue so no buffer is left held.</summary>
    private static async Task StoreStage(ChannelReader<Chunk> chunks, IImageStoreWriter target, SemaphoreSlim slots, CancellationTokenSource cancel)
    {
        Exception? error = null;
        await foreach (var chunk in chunks.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                if (error is null && !cancel.IsCancellationRequested)
                {
                    await target.WriteAsync(chunk.Data, cancel.Token);
                }
            }
            catch (Exception ex)
            {
                error = ex;
                await cancel.CancelAsync();
            }
            finally
            {
                chunk.Release(slots);
            }
        }
        if (error is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
        }
    }

    private static async Task<int> FillAsync(Stream source, Memory<byte> buffer, CancellationToken ct)
    {
        var filled = 0;
        while (filled < ChunkSize)
        {
            var read = await source.ReadAsync(buffer[filled..ChunkSize], ct);
            if (read == 0)
            {
                break;
            }
            filled += read;
        }
        return filled;
    }
}
