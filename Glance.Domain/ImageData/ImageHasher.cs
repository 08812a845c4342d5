using System.Buffers;
using System.Security.Cryptography;

namespace Glance.Domain.ImageData;

/// <summary>
/// Streams data to a store while computing Glance's size, MD5 <c>checksum</c> and SHA-512
/// <c>os_hash_value</c> in one pass. The two hashes run on separate cores, each chunk in parallel
/// with the store write, while the next chunk is read, so an upload runs at the speed of the slower hash.
/// </summary>
internal static class ImageHasher
{
    public const string HashAlgorithm = "sha512";

    private const int ChunkSize = 4 << 20;

    public sealed record Result(long Size, string Checksum, string HashValue);

    /// <param name="onChunk">Called with the running total after each chunk is read, before it is stored.</param>
    public static async Task<Result> CopyAsync(Stream source, IImageStoreWriter target, Action<long> onChunk, CancellationToken ct)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var sha512 = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        byte[][] buffers = [ArrayPool<byte>.Shared.Rent(ChunkSize), ArrayPool<byte>.Shared.Rent(ChunkSize)];
        var pending = Task.CompletedTask;
        long total = 0;
        try
        {
            for (var current = 0; ; current ^= 1)
            {
                // The other buffer is being hashed and written while this one fills.
                var read = await FillAsync(source, buffers[current], ct);
                await pending;
                if (read == 0)
                {
                    break;
                }
                total += read;
                onChunk(total);
                var chunk = new ReadOnlyMemory<byte>(buffers[current], 0, read);
                pending = Task.WhenAll(
                    Task.Run(() => md5.AppendData(chunk.Span), ct),
                    Task.Run(() => sha512.AppendData(chunk.Span), ct),
                    target.WriteAsync(chunk, ct).AsTask());
            }
        }
        finally
        {
            // Never hand a buffer back while a hash or write may still read it.
            await pending.ContinueWith(_ => { }, TaskScheduler.Default);
            ArrayPool<byte>.Shared.Return(buffers[0]);
            ArrayPool<byte>.Shared.Return(buffers[1]);
        }
        return new Result(total, Convert.ToHexStringLower(md5.GetHashAndReset()), Convert.ToHexStringLower(sha512.GetHashAndReset()));
    }

    private static async Task<int> FillAsync(Stream source, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        while (filled < ChunkSize)
        {
            var read = await source.ReadAsync(buffer.AsMemory(filled, ChunkSize - filled), ct);
            if (read == 0)
            {
                break;
            }
            filled += read;
        }
        return filled;
    }
}
