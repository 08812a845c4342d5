using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Glance.Domain.ImageData;

/// <summary>
/// Upload chunks that start on an <see cref="Alignment"/> boundary, so a store can write them
/// with direct I/O. Each is a slice of an array on the pinned object heap, which the GC never moves.
/// </summary>
public static class AlignedChunkPool
{
    /// <summary>The boundary chunks start on: the page size Linux's direct I/O needs.</summary>
    public const int Alignment = 4096;

    /// <summary>Enough for a few uploads at once; beyond it, returned chunks are left to the GC.</summary>
    private const int MaxPooled = 64;

    private static readonly ConcurrentQueue<Memory<byte>> s_pool = new();

    internal static Memory<byte> Rent(int size)
    {
        while (s_pool.TryDequeue(out var pooled))
        {
            if (pooled.Length == size)
            {
                return pooled;
            }
        }
        var array = GC.AllocateUninitializedArray<byte>(size + Alignment, pinned: true);
        var address = Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        var offset = (int)((Alignment - (address % Alignment)) % Alignment);
        return array.AsMemory(offset, size);
    }

    internal static void Return(Memory<byte> chunk)
    {
        if (s_pool.Count < MaxPooled)
        {
            s_pool.Enqueue(chunk);
        }
    }
}
