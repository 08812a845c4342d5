using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Glance.Domain.ImageData;

/// <summary>
/// Upload chunks that start on a <see cref="DirectIo.Alignment"/> boundary, so a store can write them
/// with direct I/O. Each is a slice of an array on the pinned object heap, which the GC never moves.
/// </summary>
internal static class AlignedChunkPool
{
    /// <summary>Enough for a few uploads at once; beyond it, returned chunks are left to the GC.</summary>
    private const int MaxPooled = 64;

    private static readonly ConcurrentQueue<Memory<byte>> s_pool = new();

    public static Memory<byte> Rent(int size)
    {
        while (s_pool.TryDequeue(out var pooled))
        {
            if (pooled.Length == size)
            {
                return pooled;
            }
        }
        var array = GC.AllocateUninitializedArray<byte>(size + DirectIo.Alignment, pinned: true);
        var address = Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        var offset = (int)((DirectIo.Alignment - (address % DirectIo.Alignment)) % DirectIo.Alignment);
        return array.AsMemory(offset, size);
    }

    public static void Return(Memory<byte> chunk)
    {
        if (s_pool.Count < MaxPooled)
        {
            s_pool.Enqueue(chunk);
        }
    }
}
